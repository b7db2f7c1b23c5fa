"""The Invoice model, mapped to the invoices table."""

from decimal import Decimal
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop_api.models.base import Base, TimestampMixin

if TYPE_CHECKING:
    from shop_api.models.customer import Customer
    from shop_api.models.refund import Refund
    from shop_api.models.tag import Tag

invoices_tags = sa.Table(
    "invoices_tags",
    Base.metadata,
    sa.Column("invoice_id", sa.ForeignKey("invoices.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("tag_id", sa.ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
)


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
    customer: Mapped["Customer"] = relationship(back_populates="invoices", lazy="raise")
    tags: Mapped[list["Tag"]] = relationship(
        secondary=invoices_tags,
        back_populates="invoices",
        order_by="Tag.id",
        passive_deletes=True,
        lazy="raise",
    )
    refund: Mapped["Refund | None"] = relationship(
        back_populates="invoice",
        uselist=False,
        cascade="all, delete",
        passive_deletes=True,
        lazy="raise",
    )

    @property
    def tag_ids(self) -> list[int]:
        """The ids of the tags, in ascending order."""
        return sorted(row.id for row in self.tags)
