"""Column types shared by the models."""

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.engine import Dialect


def utc_now() -> dt.datetime:
    """Return the current time as a timezone-aware UTC datetime."""
    return dt.datetime.now(dt.UTC)


class UTCDateTime(sa.TypeDecorator[dt.datetime]):
    """A `DateTime(timezone=True)` that stores UTC and always reads back aware UTC values.

    PostgreSQL keeps the offset (`timestamptz`); SQLite keeps none and returns naive values,
    which this type marks as UTC. A naive value written to it is taken to be UTC.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        """Convert an outgoing value to UTC."""
        return None if value is None else _as_utc(value)

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        """Mark an incoming value as UTC."""
        return None if value is None else _as_utc(value)


def _as_utc(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)
