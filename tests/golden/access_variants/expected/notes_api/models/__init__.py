"""Every model, imported here so `Base.metadata` knows all tables (Alembic reads it)."""

from notes_api.models.audit_entry import AuditEntry
from notes_api.models.base import Base
from notes_api.models.board import Board
from notes_api.models.folder import Folder
from notes_api.models.note import Note
from notes_api.models.report import Report
from notes_api.models.user import User

__all__ = ["AuditEntry", "Base", "Board", "Folder", "Note", "Report", "User"]
