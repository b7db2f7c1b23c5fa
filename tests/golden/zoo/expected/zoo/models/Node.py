"""The Node model, mapped to the nodes table."""

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from zoo.models.base import Base, TimestampMixin


class Node(TimestampMixin, Base):
    """A tree: a self-reference, plus two relations to the same target."""

    __tablename__ = "nodes"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    label: Mapped[str] = mapped_column(sa.String(length=50), index=True)
    weight: Mapped[float] = mapped_column(sa.Float())
    parent_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("nodes.id", ondelete="CASCADE"), index=True
    )
    source_id: Mapped[int] = mapped_column(
        sa.ForeignKey("data_points.id", ondelete="RESTRICT"), index=True
    )
    mirror_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("data_points.id", ondelete="SET NULL"), index=True
    )
