"""The Comment model, mapped to the comments table."""

from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from blog.models.base import Base, TimestampMixin


class Comment(TimestampMixin, Base):
    """A reader's comment on a post; replies point at their parent."""

    __tablename__ = "comments"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    author_name: Mapped[str] = mapped_column(sa.String(length=80))
    body: Mapped[str] = mapped_column(sa.Text())
    approved: Mapped[bool] = mapped_column(sa.Boolean(), default=False, server_default=sa.false())
    post_id: Mapped[UUID] = mapped_column(sa.ForeignKey("posts.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("comments.id", ondelete="CASCADE"), index=True
    )
