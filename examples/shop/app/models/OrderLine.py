"""The OrderLine model, mapped to the order_lines table."""

from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TimestampMixin


class OrderLine(TimestampMixin, Base):
    """One product in an order, with its quantity and price at the time of sale."""

    __tablename__ = "order_lines"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    quantity: Mapped[int] = mapped_column(sa.Integer())
    unit_price: Mapped[Decimal] = mapped_column(sa.Numeric(precision=10, scale=2))
    order_id: Mapped[int] = mapped_column(
        sa.ForeignKey("orders.id", ondelete="CASCADE"), index=True
    )
    product_id: Mapped[int] = mapped_column(
        sa.ForeignKey("products.id", ondelete="RESTRICT"), index=True
    )
