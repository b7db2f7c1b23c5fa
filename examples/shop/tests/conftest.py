"""Fixtures: a database migrated once per test session, emptied after each test, and clients.

Tests run on SQLite in a temporary file, or on the database `TEST_DATABASE_URL` names
(e.g. `postgresql+asyncpg://postgres@localhost:5432/test`). That database is reset: every
table in it is dropped before the session, and the migrations are reverted after it.

`client` is signed in as a regular User, `other_client` as a second one, `admin_client` as
an admin and `anonymous_client` not at all. Their Users are inserted directly with a hash
computed once per session, and their tokens made by `create_access_token`, so they are cheap.
"""

import os
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from contextlib import asynccontextmanager
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

from app.core.cache import clear_cache, setup_cache
from app.core.config import Settings, get_settings
from app.core.database import create_engine, get_session
from app.core.security import create_access_token, hash_password
from app.core.worker import celery_app
from app.main import create_app
from app.models import Base, User

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"
# The password of every User the fixtures make.
PASSWORD = "correct horse battery staple"

MakeUser = Callable[..., Awaitable[User]]


@pytest.fixture(scope="session", autouse=True)
def test_settings(database_url: str) -> Iterator[Settings]:
    """The settings of the tests: the test database, and a secret key of this session's own."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ENVIRONMENT", "test")
        patch.setenv("SECRET_KEY", secrets.token_urlsafe(32))
        patch.setenv("DATABASE_URL", database_url)
        get_settings.cache_clear()
        yield get_settings()
    get_settings.cache_clear()


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
    """Delete every row a test wrote: optional references first (a row may point at a row of
    its own table, or round a cycle of tables), then children before parents."""
    yield
    async with engine.begin() as connection:
        for table in Base.metadata.sorted_tables:
            optional = {fk.parent.name: None for fk in table.foreign_keys if fk.parent.nullable}
            if optional:
                await connection.execute(table.update().values(optional))
        for table in reversed(Base.metadata.sorted_tables):
            await connection.execute(table.delete())


@asynccontextmanager
async def api_client(engine: AsyncEngine, token: str | None) -> AsyncIterator[AsyncClient]:
    """An HTTP client for a new application on the test database, sending `token` if given."""
    session_factory = async_sessionmaker(engine, expire_on_commit=False)

    async def get_test_session() -> AsyncIterator[AsyncSession]:
        async with session_factory() as session:
            yield session

    app = create_app()
    app.dependency_overrides[get_session] = get_test_session
    headers = {} if token is None else {"Authorization": f"Bearer {token}"}
    transport = ASGITransport(app=app)
    async with AsyncClient(transport=transport, base_url="http://test", headers=headers) as client:
        yield client


@pytest.fixture(scope="session")
def password_hash() -> str:
    """The hash of PASSWORD, computed once: Argon2 is slow on purpose."""
    return hash_password(PASSWORD)


@pytest.fixture
def make_user(engine: AsyncEngine, password_hash: str) -> MakeUser:
    """Insert a User with PASSWORD: `await make_user("a@example.com", is_admin=True)`."""

    async def make(email: str, *, is_admin: bool = False, is_active: bool = True) -> User:
        async with AsyncSession(engine, expire_on_commit=False) as session:
            user = User(
                email=email, hashed_password=password_hash, is_admin=is_admin, is_active=is_active
            )
            session.add(user)
            await session.commit()
            return user

    return make


@pytest.fixture
async def user(make_user: MakeUser) -> User:
    """The regular User `client` is signed in as."""
    return await make_user("user@example.com")


@pytest.fixture
async def other_user(make_user: MakeUser) -> User:
    """A second regular User, the one `other_client` is signed in as."""
    return await make_user("other@example.com")


@pytest.fixture
async def admin_user(make_user: MakeUser) -> User:
    """The admin `admin_client` is signed in as."""
    return await make_user("admin@example.com", is_admin=True)


@pytest.fixture
async def client(engine: AsyncEngine, user: User) -> AsyncIterator[AsyncClient]:
    """An HTTP client for the application, signed in as `user`."""
    async with api_client(engine, create_access_token(user.id)) as client:
        yield client


@pytest.fixture
async def other_client(engine: AsyncEngine, other_user: User) -> AsyncIterator[AsyncClient]:
    """An HTTP client signed in as `other_user`."""
    async with api_client(engine, create_access_token(other_user.id)) as client:
        yield client


@pytest.fixture
async def admin_client(engine: AsyncEngine, admin_user: User) -> AsyncIterator[AsyncClient]:
    """An HTTP client signed in as `admin_user`."""
    async with api_client(engine, create_access_token(admin_user.id)) as client:
        yield client


@pytest.fixture
async def anonymous_client(engine: AsyncEngine) -> AsyncIterator[AsyncClient]:
    """An HTTP client that sends no token."""
    async with api_client(engine, None) as client:
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
def cache_namespace(test_settings: Settings) -> str:
    """A namespace of the cache for this test session (Redis when `REDIS_URL` is set)."""
    namespace = f"test-{uuid4().hex[:12]}"
    setup_cache(test_settings.REDIS_URL, namespace=namespace)
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
