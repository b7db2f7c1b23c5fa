"""The Board model, mapped to the boards table."""

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from notes_api.models.base import Base, TimestampMixin


class Board(TimestampMixin, Base):
    """A public notice board anyone may read and write."""

    __tablename__ = "boards"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(length=80))
