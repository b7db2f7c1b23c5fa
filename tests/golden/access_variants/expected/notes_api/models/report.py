"""The Report model, mapped to the reports table."""

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from notes_api.models.base import Base, TimestampMixin


class Report(TimestampMixin, Base):
    """An abuse report; anyone lists them, users file them, admins remove them."""

    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    reason: Mapped[str] = mapped_column(sa.String(length=200))
    board_id: Mapped[int] = mapped_column(
        sa.ForeignKey("boards.id", ondelete="CASCADE"), index=True
    )
