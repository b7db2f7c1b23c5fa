"""Every model, imported here so `Base.metadata` knows all tables (Alembic reads it)."""

from app.models.Author import Author
from app.models.base import Base
from app.models.Note import Note
from app.models.Tag import Tag
from app.models.User import User

__all__ = ["Author", "Base", "Note", "Tag", "User"]
