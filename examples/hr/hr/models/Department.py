"""The Department model, mapped to the departments table."""

from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hr.models.base import Base, TimestampMixin

if TYPE_CHECKING:
    from hr.models.Employee import Employee


class Department(TimestampMixin, Base):
    """A part of the company that employees belong to."""

    __tablename__ = "departments"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(length=80), unique=True)
    cost_center: Mapped[str | None] = mapped_column(sa.String(length=12))
    employees: Mapped[list["Employee"]] = relationship(
        back_populates="department", passive_deletes="all", lazy="raise"
    )
