"""The Sample model, mapped to the samples table."""

import datetime as dt
from decimal import Decimal
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TimestampMixin
from app.models.types import UTCDateTime


class Sample(TimestampMixin, Base):
    """One field of every type, with the options each allows."""

    __tablename__ = "samples"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(length=40), unique=True)
    code: Mapped[str] = mapped_column(sa.String(length=12), unique=True)
    body: Mapped[str | None] = mapped_column(sa.Text())
    count: Mapped[int] = mapped_column(sa.Integer(), default=0, server_default=sa.text("0"))
    big: Mapped[int | None] = mapped_column(sa.BigInteger())
    ratio: Mapped[float | None] = mapped_column(sa.Float())
    price: Mapped[Decimal] = mapped_column(sa.Numeric(precision=8, scale=3))
    active: Mapped[bool] = mapped_column(sa.Boolean(), default=True, server_default=sa.true())
    born_on: Mapped[dt.date | None] = mapped_column(sa.Date())
    seen_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    opens_at: Mapped[dt.time | None] = mapped_column(sa.Time())
    token: Mapped[UUID] = mapped_column(sa.Uuid(), unique=True)
    email: Mapped[str] = mapped_column(sa.String(length=320), index=True)
    homepage: Mapped[str | None] = mapped_column(sa.String(length=2083))
    kind: Mapped[str] = mapped_column(
        sa.Enum(
            "small",
            "medium",
            "large",
            name="samples_kind",
            native_enum=False,
            create_constraint=True,
        ),
        index=True,
        default="medium",
        server_default="medium",
    )
    payload: Mapped[Any | None] = mapped_column(sa.JSON())
    blob: Mapped[bytes | None] = mapped_column(sa.LargeBinary())
    internal_note: Mapped[str] = mapped_column(
        sa.String(length=20), default="new", server_default="new"
    )
    password: Mapped[str] = mapped_column(sa.String(length=128))
    type: Mapped[str | None] = mapped_column(sa.String(length=20))
    date: Mapped[dt.date | None] = mapped_column(sa.Date())
