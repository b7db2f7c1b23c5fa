"""The Author model, mapped to the authors table."""

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TimestampMixin


class Author(TimestampMixin, Base):
    """Someone who writes notes."""

    __tablename__ = "authors"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(length=80), unique=True)
