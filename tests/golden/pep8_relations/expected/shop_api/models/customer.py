"""The Customer model, mapped to the customers table."""

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from shop_api.models.base import Base, TimestampMixin


class Customer(TimestampMixin, Base):
    """A Customer."""

    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(length=80))
    email: Mapped[str] = mapped_column(sa.String(length=320), unique=True)
