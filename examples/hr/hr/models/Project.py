"""The Project model, mapped to the projects table."""

from decimal import Decimal
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hr.models.base import Base, TimestampMixin

if TYPE_CHECKING:
    from hr.models.Employee import Employee

projects_members = sa.Table(
    "projects_members",
    Base.metadata,
    sa.Column("project_id", sa.ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True),
    sa.Column(
        "member_id", sa.ForeignKey("employees.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)


class Project(TimestampMixin, Base):
    """Work that a team of employees does."""

    __tablename__ = "projects"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(length=120))
    budget: Mapped[Decimal | None] = mapped_column(sa.Numeric(precision=12, scale=2))
    lead_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("employees.id", ondelete="SET NULL"), unique=True, index=True
    )
    members: Mapped[list["Employee"]] = relationship(
        secondary=projects_members,
        back_populates="projects",
        order_by="Employee.id",
        passive_deletes=True,
        lazy="raise",
    )

    @property
    def member_ids(self) -> list[int]:
        """The ids of the members, in ascending order."""
        return sorted(row.id for row in self.members)
