"""Every model, imported here so `Base.metadata` knows all tables (Alembic reads it)."""

from app.models.base import Base
from app.models.News import News

__all__ = ["Base", "News"]
