"""The Data model, mapped to the data_points table."""

import datetime as dt
from decimal import Decimal
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from zoo.models.base import Base, TimestampMixin
from zoo.models.types import UTCDateTime


class Data(TimestampMixin, Base):
    """Names that shadow builtins and types \u2013 all optional, with defaults; text such as \u201c5
    \u00d7 3\u201d, the user\u2019s \"quotes\", a back\\slash and Größe must come out as valid,
    lint-clean Python.
    """

    __tablename__ = "data_points"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    type: Mapped[str | None] = mapped_column(
        sa.String(length=30), default="plain", server_default="plain"
    )
    format: Mapped[str] = mapped_column(
        sa.Enum(
            "csv",
            "json_lines",
            name="data_points_format",
            native_enum=False,
            create_constraint=True,
        ),
        default="csv",
        server_default="csv",
    )
    hash: Mapped[str] = mapped_column(sa.String(length=64), unique=True)
    filter: Mapped[str | None] = mapped_column(sa.Text())
    input: Mapped[int | None] = mapped_column(sa.Integer(), default=3, server_default=sa.text("3"))
    max: Mapped[float | None] = mapped_column(
        sa.Float(), default=1.5, server_default=sa.text("1.5")
    )
    min: Mapped[Decimal | None] = mapped_column(
        sa.Numeric(precision=5, scale=0), default=Decimal("2"), server_default=sa.text("2")
    )
    date: Mapped[dt.date | None] = mapped_column(
        sa.Date(), default=dt.date.fromisoformat("2024-02-29"), server_default="2024-02-29"
    )
    time: Mapped[dt.time | None] = mapped_column(
        sa.Time(), default=dt.time.fromisoformat("08:30:00"), server_default="08:30:00"
    )
    datetime: Mapped[dt.datetime | None] = mapped_column(UTCDateTime())
    uuid: Mapped[UUID | None] = mapped_column(sa.Uuid())
    decimal: Mapped[Decimal | None] = mapped_column(sa.Numeric(precision=12, scale=2))
    email: Mapped[str | None] = mapped_column(sa.String(length=100))
    url: Mapped[str | None] = mapped_column(sa.String(length=300))
    property: Mapped[bool | None] = mapped_column(
        sa.Boolean(), default=False, server_default=sa.false()
    )
    range: Mapped[int | None] = mapped_column(sa.BigInteger())
    status: Mapped[str] = mapped_column(sa.String(length=3), default="new", server_default="new")
    series_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("series.id", ondelete="SET NULL"), index=True
    )
