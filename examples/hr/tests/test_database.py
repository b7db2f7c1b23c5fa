"""The database layer: SQLite enforces foreign keys, and datetimes come back aware, in UTC."""

import datetime as dt

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from hr.models.types import UTCDateTime


async def test_sqlite_enforces_foreign_keys(engine: AsyncEngine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("only SQLite needs foreign keys switched on")
    async with engine.connect() as connection:
        assert await connection.scalar(sa.text("PRAGMA foreign_keys")) == 1


@pytest.mark.parametrize("offset_hours", [0, 2, -5])
async def test_utc_datetime_reads_back_aware_utc(engine: AsyncEngine, offset_hours: int) -> None:
    written = dt.datetime(2026, 1, 31, 12, 30, tzinfo=dt.timezone(dt.timedelta(hours=offset_hours)))
    async with engine.connect() as connection:
        read = await connection.scalar(sa.select(sa.literal(written, UTCDateTime())))

    assert read == written
    assert read.tzinfo is dt.UTC


async def test_utc_datetime_takes_naive_values_as_utc(engine: AsyncEngine) -> None:
    async with engine.connect() as connection:
        read = await connection.scalar(
            sa.select(sa.literal(dt.datetime(2026, 1, 31, 12, 30), UTCDateTime()))
        )

    assert read == dt.datetime(2026, 1, 31, 12, 30, tzinfo=dt.UTC)
