"""The Refund model, mapped to the refunds table."""

from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop_api.models.base import Base, TimestampMixin

if TYPE_CHECKING:
    from shop_api.models.invoice import Invoice


class Refund(TimestampMixin, Base):
    """A Refund."""

    __tablename__ = "refunds"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    reason: Mapped[str] = mapped_column(sa.String(length=200))
    invoice_id: Mapped[int] = mapped_column(
        sa.ForeignKey("invoices.id", ondelete="CASCADE"), unique=True, index=True
    )
    invoice: Mapped["Invoice"] = relationship(back_populates="refund", lazy="raise")
