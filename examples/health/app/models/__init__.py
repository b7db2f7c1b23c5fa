"""Every model, imported here so `Base.metadata` knows all tables (Alembic reads it)."""

from app.models.base import Base
from app.models.Goal import Goal
from app.models.Measurement import Measurement
from app.models.Metric import Metric
from app.models.User import User

__all__ = ["Base", "Goal", "Measurement", "Metric", "User"]
