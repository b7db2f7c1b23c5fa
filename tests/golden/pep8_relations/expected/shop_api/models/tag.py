"""The Tag model, mapped to the tags table."""

from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from shop_api.models.base import Base, TimestampMixin

if TYPE_CHECKING:
    from shop_api.models.invoice import Invoice


class Tag(TimestampMixin, Base):
    """A Tag."""

    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    label: Mapped[str] = mapped_column(sa.String(length=40), unique=True)
    invoices: Mapped[list["Invoice"]] = relationship(
        secondary="invoices_tags", back_populates="tags", passive_deletes=True, lazy="raise"
    )
