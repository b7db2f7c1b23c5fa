"""The Product model, mapped to the products table."""

from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TimestampMixin


class Product(TimestampMixin, Base):
    """Something the shop sells."""

    __tablename__ = "products"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    sku: Mapped[str] = mapped_column(sa.String(length=32), unique=True)
    name: Mapped[str] = mapped_column(sa.String(length=200), index=True)
    description: Mapped[str | None] = mapped_column(sa.Text())
    price: Mapped[Decimal] = mapped_column(sa.Numeric(precision=12, scale=2))
    stock: Mapped[int] = mapped_column(sa.Integer(), default=0, server_default=sa.text("0"))
    active: Mapped[bool] = mapped_column(sa.Boolean(), default=True, server_default=sa.true())
    weight_kg: Mapped[float | None] = mapped_column(sa.Float())
    category_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("categories.id", ondelete="SET NULL"), index=True
    )
