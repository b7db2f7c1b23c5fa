"""The News model, mapped to the news table."""

import datetime as dt
from uuid import UUID, uuid4

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base
from app.models.types import UTCDateTime


class News(Base):
    """An entity whose name is already plural, with a UUID key and soft delete."""

    __tablename__ = "news"

    id: Mapped[UUID] = mapped_column(sa.Uuid(), primary_key=True, default=uuid4)
    headline: Mapped[str] = mapped_column(sa.String(length=120))
    status: Mapped[str] = mapped_column(
        sa.Enum("draft", "live", name="news_status", native_enum=False, create_constraint=True),
        default="draft",
        server_default="draft",
    )
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), index=True)
