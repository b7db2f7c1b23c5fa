"""The Tag model, mapped to the tags table."""

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from blog.models.base import Base


class Tag(Base):
    """A label for grouping posts."""

    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(length=50), unique=True)
    color: Mapped[str] = mapped_column(
        sa.String(length=7), default="#888888", server_default="#888888"
    )
