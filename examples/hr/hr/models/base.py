"""The declarative base of every model, and the timestamp columns most models share."""

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from hr.models.types import UTCDateTime, utc_now

# Deterministic constraint and index names, so migrations can alter and drop them by name
# on every database (SQLite leaves constraints unnamed otherwise).
NAMING_CONVENTION: dict[str, str] = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base class of every model; its metadata names constraints by `NAMING_CONVENTION`."""

    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)


def _same_as_created_at(context: DefaultExecutionContext) -> dt.datetime:
    """A new row's `updated_at`: the very time of its `created_at`."""
    row = context.current_parameters or {}
    created_at = row.get("created_at")
    return created_at if isinstance(created_at, dt.datetime) else utc_now()


class TimestampMixin:
    """`created_at` and `updated_at` in UTC.

    Python sets both on insert (to the same time) and `updated_at` on update, so a saved
    object is complete without a reload; the server defaults cover rows written by plain SQL.
    """

    created_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime, default=utc_now, server_default=sa.func.now()
    )
    updated_at: Mapped[dt.datetime] = mapped_column(
        UTCDateTime, default=_same_as_created_at, onupdate=utc_now, server_default=sa.func.now()
    )
