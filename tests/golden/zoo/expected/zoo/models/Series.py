"""The Series model, mapped to the series table."""

import datetime as dt
from decimal import Decimal
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from zoo.models.base import Base, TimestampMixin
from zoo.models.types import UTCDateTime


class Series(TimestampMixin, Base):
    """Already plural; every field type, each with no options at all."""

    __tablename__ = "series"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    a_str: Mapped[str] = mapped_column(sa.String(length=255))
    a_text: Mapped[str] = mapped_column(sa.Text())
    a_int: Mapped[int] = mapped_column(sa.Integer())
    a_bigint: Mapped[int] = mapped_column(sa.BigInteger())
    a_float: Mapped[float] = mapped_column(sa.Float())
    a_decimal: Mapped[Decimal] = mapped_column(sa.Numeric(precision=12, scale=2))
    a_bool: Mapped[bool] = mapped_column(sa.Boolean())
    a_date: Mapped[dt.date] = mapped_column(sa.Date())
    a_datetime: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    a_time: Mapped[dt.time] = mapped_column(sa.Time())
    a_uuid: Mapped[UUID] = mapped_column(sa.Uuid())
    a_email: Mapped[str] = mapped_column(sa.String(length=320))
    a_url: Mapped[str] = mapped_column(sa.String(length=2083))
    a_enum: Mapped[str] = mapped_column(
        sa.Enum("one", "two", name="series_a_enum", native_enum=False, create_constraint=True)
    )
    a_json: Mapped[Any] = mapped_column(sa.JSON())
    a_bytes: Mapped[bytes] = mapped_column(sa.LargeBinary())
