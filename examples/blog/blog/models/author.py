"""The Author model, mapped to the authors table."""

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from blog.models.base import Base, TimestampMixin


class Author(TimestampMixin, Base):
    """A person who writes posts."""

    __tablename__ = "authors"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    handle: Mapped[str] = mapped_column(sa.String(length=40), unique=True)
    display_name: Mapped[str] = mapped_column(sa.String(length=100))
    email: Mapped[str] = mapped_column(sa.String(length=320), unique=True)
    bio: Mapped[str | None] = mapped_column(sa.Text())
    website: Mapped[str | None] = mapped_column(sa.String(length=2083))
