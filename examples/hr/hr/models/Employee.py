"""The Employee model, mapped to the employees table."""

import datetime as dt
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hr.models.base import Base, TimestampMixin

if TYPE_CHECKING:
    from hr.models.Badge import Badge
    from hr.models.Department import Department
    from hr.models.Project import Project
    from hr.models.Skill import Skill

employees_skills = sa.Table(
    "employees_skills",
    Base.metadata,
    sa.Column("employee_id", sa.ForeignKey("employees.id", ondelete="CASCADE"), primary_key=True),
    sa.Column(
        "skill_id", sa.ForeignKey("skills.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)


class Employee(TimestampMixin, Base):
    """A person employed by the company."""

    __tablename__ = "employees"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    full_name: Mapped[str] = mapped_column(sa.String(length=120))
    email: Mapped[str] = mapped_column(sa.String(length=320), unique=True)
    hired_on: Mapped[dt.date] = mapped_column(sa.Date())
    department_id: Mapped[int] = mapped_column(
        sa.ForeignKey("departments.id", ondelete="RESTRICT"), index=True
    )
    manager_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("employees.id", ondelete="SET NULL"), index=True
    )
    account_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), unique=True, index=True
    )
    department: Mapped["Department"] = relationship(back_populates="employees", lazy="raise")
    manager: Mapped["Employee | None"] = relationship(
        back_populates="reports", remote_side="Employee.id", lazy="raise"
    )
    skills: Mapped[list["Skill"]] = relationship(
        secondary=employees_skills,
        back_populates="employees",
        order_by="Skill.id",
        passive_deletes=True,
        lazy="raise",
    )
    badge: Mapped["Badge | None"] = relationship(
        back_populates="employee",
        uselist=False,
        cascade="all, delete",
        passive_deletes=True,
        lazy="raise",
    )
    reports: Mapped[list["Employee"]] = relationship(
        back_populates="manager", passive_deletes=True, lazy="raise"
    )
    projects: Mapped[list["Project"]] = relationship(
        secondary="projects_members", back_populates="members", passive_deletes=True, lazy="raise"
    )

    @property
    def skill_ids(self) -> list[int]:
        """The ids of the skills, in ascending order."""
        return sorted(row.id for row in self.skills)
