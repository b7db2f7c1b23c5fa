"""The Measurement model, mapped to the measurements table."""

import datetime as dt
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TimestampMixin
from app.models.types import UTCDateTime


class Measurement(TimestampMixin, Base):
    """One reading of a metric, taken by the person who owns it."""

    __tablename__ = "measurements"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    value: Mapped[Decimal] = mapped_column(sa.Numeric(precision=10, scale=2))
    taken_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    note: Mapped[str | None] = mapped_column(sa.String(length=200))
    metric_id: Mapped[int] = mapped_column(
        sa.ForeignKey("metrics.id", ondelete="RESTRICT"), index=True
    )
    goal_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("goals.id", ondelete="SET NULL"), index=True
    )
    owner_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
