"""Fixtures: a database migrated once per test session, emptied after each test, and a client.

Tests run on SQLite in a temporary file, or on the database `TEST_DATABASE_URL` names
(e.g. `postgresql+asyncpg://postgres@localhost:5432/test`). That database is reset: every
table in it is dropped before the session, and the migrations are reverted after it.
"""

import os
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from pathlib import Path
from typing import Any
from uuid import uuid4

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from celery import Task
from celery.signals import task_prerun
from httpx import ASGITransport, AsyncClient
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from hr.core.cache import clear_cache, setup_cache
from hr.core.config import get_settings
from hr.core.database import create_engine, get_session
from hr.core.worker import celery_app
from hr.main import create_app
from hr.models import Base

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """`TEST_DATABASE_URL`, else a SQLite file that lasts as long as the test session."""
    if url := os.environ.get("TEST_DATABASE_URL"):
        return url
    return f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('database') / 'test.db'}"


@pytest.fixture(scope="session")
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    """The test engine, on a schema built by running the migrations (so they are tested)."""
    engine = create_engine(database_url)
    async with engine.begin() as connection:
        await connection.run_sync(_drop_all_tables)
        await connection.run_sync(_run_migrations, command.upgrade, "head")
    yield engine
    async with engine.begin() as connection:
        await connection.run_sync(_run_migrations, command.downgrade, "base")
        await connection.run_sync(_drop_all_tables)
    await engine.dispose()


@pytest.fixture(autouse=True)
async def empty_tables(engine: AsyncEngine) -> AsyncIterator[None]:
    """Delete every row a test wrote, children before parents."""
    yield
    async with engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            await connection.execute(table.delete())


@pytest.fixture
async def client(engine: AsyncEngine) -> AsyncIterator[AsyncClient]:
    """An HTTP client for the application, whose sessions use the test database."""
    session_factory = async_sessionmaker(engine, expire_on_commit=False)

    async def get_test_session() -> AsyncIterator[AsyncSession]:
        async with session_factory() as session:
            yield session

    app = create_app()
    app.dependency_overrides[get_session] = get_test_session
    async with AsyncClient(transport=ASGITransport(app=app), base_url="http://test") as client:
        yield client


def _drop_all_tables(connection: sa.Connection) -> None:
    """Drop every table, `alembic_version` included (and any an interrupted run left)."""
    existing = sa.MetaData()
    existing.reflect(connection)
    existing.drop_all(connection)


def _run_migrations(
    connection: sa.Connection, migrate: Callable[[Config, str], None], revision: str
) -> None:
    """Run an Alembic command (upgrade, downgrade) on `connection`; see migrations/env.py."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    migrate(config, revision)


@pytest.fixture(scope="session", autouse=True)
def cache_namespace() -> str:
    """A namespace of the cache for this test session (Redis when `REDIS_URL` is set)."""
    namespace = f"test-{uuid4().hex[:12]}"
    setup_cache(get_settings().REDIS_URL, namespace=namespace)
    return namespace


@pytest.fixture(autouse=True)
async def empty_cache(cache_namespace: str) -> AsyncIterator[None]:
    """Forget what a test cached, so that no test reads another one's rows."""
    yield
    await clear_cache()


@pytest.fixture(scope="session", autouse=True)
def eager_tasks() -> None:
    """Run enqueued tasks at once, in the test's process; a task's error fails the test."""
    celery_app.conf.update(task_always_eager=True, task_eager_propagates=True)


@pytest.fixture
def enqueued() -> Iterator[list[tuple[str, list[str]]]]:
    """The tasks run during a test, in order: their names and their arguments as strings."""
    calls: list[tuple[str, list[str]]] = []

    def record(task: "Task[..., Any]", args: Sequence[object], **_: object) -> None:
        calls.append((task.name, [str(arg) for arg in args]))

    task_prerun.connect(record, weak=False)
    yield calls
    task_prerun.disconnect(record)
