"""The Note model, mapped to the notes table."""

import datetime as dt
from typing import Any
from uuid import UUID, uuid4

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from notes_api.models.base import Base, TimestampMixin
from notes_api.models.types import UTCDateTime


class Note(TimestampMixin, Base):
    """A private note, in one of its owner's folders."""

    __tablename__ = "notes"

    id: Mapped[UUID] = mapped_column(sa.Uuid(), primary_key=True, default=uuid4)
    body: Mapped[str] = mapped_column(sa.Text())
    pin: Mapped[str | None] = mapped_column(sa.String(length=12))
    extra: Mapped[Any | None] = mapped_column(sa.JSON())
    folder_id: Mapped[int] = mapped_column(
        sa.ForeignKey("folders.id", ondelete="CASCADE"), index=True
    )
    board_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("boards.id", ondelete="SET NULL"), index=True
    )
    owner_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), index=True)
