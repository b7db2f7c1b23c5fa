"""The Skill model, mapped to the skills table."""

from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hr.models.base import Base, TimestampMixin

if TYPE_CHECKING:
    from hr.models.Employee import Employee


class Skill(TimestampMixin, Base):
    """Something an employee can do."""

    __tablename__ = "skills"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(length=60), unique=True)
    employees: Mapped[list["Employee"]] = relationship(
        secondary="employees_skills", back_populates="skills", passive_deletes=True, lazy="raise"
    )
