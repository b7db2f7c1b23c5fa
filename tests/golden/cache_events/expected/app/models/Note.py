"""The Note model, mapped to the notes table."""

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TimestampMixin


class Note(TimestampMixin, Base):
    """A note, read often and written rarely."""

    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(length=120))
    body: Mapped[str | None] = mapped_column(sa.Text())
    pinned: Mapped[bool] = mapped_column(sa.Boolean(), default=False, server_default=sa.false())
    author_id: Mapped[int] = mapped_column(
        sa.ForeignKey("authors.id", ondelete="CASCADE"), index=True
    )
