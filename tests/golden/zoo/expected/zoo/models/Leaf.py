"""The Leaf model, mapped to the leaves table."""

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from zoo.models.base import Base


class Leaf(Base):
    """The end of a chain of required relations (Leaf -> Node -> Data)."""

    __tablename__ = "leaves"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    note: Mapped[str] = mapped_column(sa.Text())
    secret_code: Mapped[str] = mapped_column(sa.String(length=16))
    created_by: Mapped[str] = mapped_column(
        sa.String(length=40), default="system", server_default="system"
    )
    node_id: Mapped[int] = mapped_column(sa.ForeignKey("nodes.id", ondelete="CASCADE"), index=True)
