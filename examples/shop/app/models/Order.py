"""The Order model, mapped to the orders table."""

import datetime as dt
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TimestampMixin
from app.models.types import UTCDateTime


class Order(TimestampMixin, Base):
    """A customer's order."""

    __tablename__ = "orders"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    number: Mapped[str] = mapped_column(sa.String(length=32), unique=True)
    status: Mapped[str] = mapped_column(
        sa.Enum(
            "pending",
            "paid",
            "shipped",
            "cancelled",
            name="orders_status",
            native_enum=False,
            create_constraint=True,
        ),
        index=True,
        default="pending",
        server_default="pending",
    )
    total: Mapped[Decimal] = mapped_column(sa.Numeric(precision=12, scale=2))
    placed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    notes: Mapped[str | None] = mapped_column(sa.Text())
    customer_id: Mapped[int] = mapped_column(
        sa.ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
