"""The Badge model, mapped to the badges table."""

from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hr.models.base import Base, TimestampMixin

if TYPE_CHECKING:
    from hr.models.Employee import Employee


class Badge(TimestampMixin, Base):
    """The access badge of one employee."""

    __tablename__ = "badges"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(length=16), unique=True)
    active: Mapped[bool] = mapped_column(sa.Boolean(), default=True, server_default=sa.true())
    employee_id: Mapped[int] = mapped_column(
        sa.ForeignKey("employees.id", ondelete="CASCADE"), unique=True, index=True
    )
    issued_by_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="RESTRICT"), index=True
    )
    employee: Mapped["Employee"] = relationship(back_populates="badge", lazy="raise")
