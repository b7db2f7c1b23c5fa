"""The Metric model, mapped to the metrics table."""

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TimestampMixin


class Metric(TimestampMixin, Base):
    """Something a person can measure, like body weight or resting heart rate."""

    __tablename__ = "metrics"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(length=80), unique=True)
    unit: Mapped[str] = mapped_column(sa.String(length=16))
    description: Mapped[str | None] = mapped_column(sa.Text())
