"""The Post model, mapped to the posts table."""

import datetime as dt
from typing import Any
from uuid import UUID, uuid4

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from blog.models.base import Base, TimestampMixin
from blog.models.types import UTCDateTime


class Post(TimestampMixin, Base):
    """An article on the blog."""

    __tablename__ = "posts"

    id: Mapped[UUID] = mapped_column(sa.Uuid(), primary_key=True, default=uuid4)
    title: Mapped[str] = mapped_column(sa.String(length=200))
    slug: Mapped[str] = mapped_column(sa.String(length=200), unique=True)
    body: Mapped[str] = mapped_column(sa.Text())
    status: Mapped[str] = mapped_column(
        sa.Enum(
            "draft",
            "published",
            "archived",
            name="posts_status",
            native_enum=False,
            create_constraint=True,
        ),
        index=True,
        default="draft",
        server_default="draft",
    )
    published_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    reading_minutes: Mapped[int | None] = mapped_column(sa.Integer())
    featured: Mapped[bool] = mapped_column(sa.Boolean(), default=False, server_default=sa.false())
    extra: Mapped[Any | None] = mapped_column(sa.JSON())
    author_id: Mapped[int] = mapped_column(
        sa.ForeignKey("authors.id", ondelete="CASCADE"), index=True
    )
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), index=True)
