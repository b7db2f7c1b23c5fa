"""Every model, imported here so `Base.metadata` knows all tables (Alembic reads it)."""

from hr.models.Badge import Badge
from hr.models.base import Base
from hr.models.Department import Department
from hr.models.Employee import Employee
from hr.models.Project import Project
from hr.models.Skill import Skill
from hr.models.User import User

__all__ = ["Badge", "Base", "Department", "Employee", "Project", "Skill", "User"]
