"""The database engine and the one-session-per-request dependency.

Each event loop gets its own engine, made on first use: pooled connections belong to the
loop that opened them, and a server, a test runner and Schemathesis each run their own.
"""

import asyncio
from collections.abc import AsyncIterator
from weakref import WeakKeyDictionary

from sqlalchemy import event
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.pool import ConnectionPoolEntry

from hr.core.config import get_settings

Database = tuple[AsyncEngine, async_sessionmaker[AsyncSession]]

_databases: WeakKeyDictionary[asyncio.AbstractEventLoop, Database] = WeakKeyDictionary()


def create_engine(url: str) -> AsyncEngine:
    """Create an async engine for `url`; SQLite connections enforce foreign keys."""
    engine = create_async_engine(url, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine.sync_engine, "connect", _enable_sqlite_foreign_keys)
    return engine


def _enable_sqlite_foreign_keys(
    dbapi_connection: DBAPIConnection, connection_record: ConnectionPoolEntry
) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _database() -> Database:
    """The engine and session factory of the running event loop, made on first use."""
    loop = asyncio.get_running_loop()
    database = _databases.get(loop)
    if database is None:
        engine = create_engine(get_settings().DATABASE_URL)
        database = _databases[loop] = (engine, async_sessionmaker(engine, expire_on_commit=False))
    return database


def get_engine() -> AsyncEngine:
    """The engine of the running event loop, on DATABASE_URL."""
    return _database()[0]


def session_factory() -> async_sessionmaker[AsyncSession]:
    """The session factory of the running event loop."""
    return _database()[1]


async def dispose_engine() -> None:
    """Close the running loop's engine and its connections (the server calls it when it stops)."""
    database = _databases.pop(asyncio.get_running_loop(), None)
    if database is not None:
        await database[0].dispose()


async def get_session() -> AsyncIterator[AsyncSession]:
    """Yield one session for a request: rolled back on error, always closed, never committed.

    Services commit explicitly, so a failed commit is an error response, not a lost write.
    """
    async with session_factory()() as session:
        try:
            yield session
        except Exception:
            await session.rollback()
            raise
