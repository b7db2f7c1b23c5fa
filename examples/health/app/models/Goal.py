"""The Goal model, mapped to the goals table."""

import datetime as dt
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TimestampMixin


class Goal(TimestampMixin, Base):
    """A target a person sets for one metric, like 70 kg by the summer."""

    __tablename__ = "goals"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    target: Mapped[Decimal] = mapped_column(sa.Numeric(precision=10, scale=2))
    due_on: Mapped[dt.date | None] = mapped_column(sa.Date())
    achieved: Mapped[bool] = mapped_column(sa.Boolean(), default=False, server_default=sa.false())
    metric_id: Mapped[int] = mapped_column(
        sa.ForeignKey("metrics.id", ondelete="RESTRICT"), index=True
    )
    owner_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
