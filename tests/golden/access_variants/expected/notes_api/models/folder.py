"""The Folder model, mapped to the folders table."""

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from notes_api.models.base import Base, TimestampMixin


class Folder(TimestampMixin, Base):
    """A user's folder; folders nest."""

    __tablename__ = "folders"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(length=60))
    parent_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("folders.id", ondelete="CASCADE"), index=True
    )
    owner_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
