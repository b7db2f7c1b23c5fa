"""The Customer model, mapped to the customers table."""

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TimestampMixin


class Customer(TimestampMixin, Base):
    """Someone who buys from the shop."""

    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(length=120))
    email: Mapped[str] = mapped_column(sa.String(length=320), unique=True)
    phone: Mapped[str | None] = mapped_column(sa.String(length=32))
    loyalty_points: Mapped[int] = mapped_column(
        sa.Integer(), default=0, server_default=sa.text("0")
    )
    birthday: Mapped[dt.date | None] = mapped_column(sa.Date())
