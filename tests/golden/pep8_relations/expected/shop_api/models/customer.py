"""The Customer model, mapped to the customers table."""

from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop_api.models.base import Base, TimestampMixin

if TYPE_CHECKING:
    from shop_api.models.invoice import Invoice


class Customer(TimestampMixin, Base):
    """A Customer."""

    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(length=80))
    email: Mapped[str] = mapped_column(sa.String(length=320), unique=True)
    invoices: Mapped[list["Invoice"]] = relationship(
        back_populates="customer", cascade="all, delete", passive_deletes=True, lazy="raise"
    )
