"""The AuditEntry model, mapped to the audit_entries table."""

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from notes_api.models.base import Base, TimestampMixin


class AuditEntry(TimestampMixin, Base):
    """What happened, written by the system; admins read it."""

    __tablename__ = "audit_entries"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    action: Mapped[str] = mapped_column(sa.String(length=40))
