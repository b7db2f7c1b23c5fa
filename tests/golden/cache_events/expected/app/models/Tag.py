"""The Tag model, mapped to the tags table."""

from uuid import UUID, uuid4

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TimestampMixin


class Tag(TimestampMixin, Base):
    """A Tag."""

    __tablename__ = "tags"

    id: Mapped[UUID] = mapped_column(sa.Uuid(), primary_key=True, default=uuid4)
    label: Mapped[str] = mapped_column(sa.String(length=40))
