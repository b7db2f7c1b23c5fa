"""The Invoice model, mapped to the invoices table."""

from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from shop_api.models.base import Base, TimestampMixin


class Invoice(TimestampMixin, Base):
    """An Invoice."""

    __tablename__ = "invoices"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    number: Mapped[str] = mapped_column(sa.String(length=20), unique=True)
    amount: Mapped[Decimal] = mapped_column(sa.Numeric(precision=12, scale=2))
    customer_id: Mapped[int] = mapped_column(
        sa.ForeignKey("customers.id", ondelete="CASCADE"), index=True
    )
    replaces_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("invoices.id", ondelete="SET NULL"), index=True
    )
