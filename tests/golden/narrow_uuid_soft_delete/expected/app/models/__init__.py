"""Every model, imported here so `Base.metadata` knows all tables (Alembic reads it)."""

from app.models.base import Base
from app.models.News import News
from app.models.User import User

__all__ = ["Base", "News", "User"]
