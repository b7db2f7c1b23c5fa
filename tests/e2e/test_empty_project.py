"""End to end: a fresh project, with no entity yet, passes every gate of its own toolchain.

The gates are DESIGN.md §2 "quality": ruff, mypy --strict, import-linter, its own tests, and
Alembic (`upgrade head`, then `check` finds no drift). The database gates run on SQLite,
and on PostgreSQL when `FORTRESS_TEST_POSTGRES_URL` names a server (a database on it is
created for the run and dropped afterwards).
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

from fortress_gen.project import create_project

pytestmark = pytest.mark.e2e

PACKAGE = "shop_api"
POSTGRES_URL_VARIABLE = "FORTRESS_TEST_POSTGRES_URL"
BIN = Path(sys.executable).parent
DATABASE_VARIABLES = ("DATABASE_URL", "TEST_DATABASE_URL", "ALEMBIC_DATABASE_URL")

STATIC_GATES = {
    "ruff check": [sys.executable, "-m", "ruff", "check", "."],
    "ruff format": [sys.executable, "-m", "ruff", "format", "--check", "."],
    "mypy": [sys.executable, "-m", "mypy", "--strict", PACKAGE, "tests"],
    "lint-imports": [str(BIN / "lint-imports")],
}
DATABASE_GATES = [
    [sys.executable, "-m", "pytest", "-q"],
    [sys.executable, "-m", "alembic", "upgrade", "head"],
    [sys.executable, "-m", "alembic", "check"],
]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return create_project(tmp_path_factory.mktemp("e2e") / "shop", data={"package": PACKAGE})


@pytest.fixture(
    scope="module",
    params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)],
)
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A database URL for both the project's tests and its migrations."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('sqlite') / 'app.db'}"
        return
    server_url = os.environ.get(POSTGRES_URL_VARIABLE)
    if not server_url:
        pytest.skip(f"set {POSTGRES_URL_VARIABLE} to run the gates on PostgreSQL")
    with _private_database(server_url) as url:
        yield url


@pytest.mark.parametrize("gate", sorted(STATIC_GATES))
def test_static_gate_passes(project: Path, gate: str) -> None:
    _run(project, STATIC_GATES[gate])


def test_tests_and_migrations_pass_on_the_database(project: Path, database_url: str) -> None:
    for command in DATABASE_GATES:
        _run(project, command, DATABASE_URL=database_url, TEST_DATABASE_URL=database_url)


def _run(project: Path, command: list[str], **environment: str) -> None:
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in DATABASE_VARIABLES and name != "PYTEST_ADDOPTS"
    }
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(project), env.get("PYTHONPATH")]))
    env.update(environment)
    result = subprocess.run(
        command, cwd=project, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert result.returncode == 0, (
        f"{' '.join(command)} exited {result.returncode}\n{result.stdout}\n{result.stderr}"
    )


@contextmanager
def _private_database(server_url: str) -> Iterator[str]:
    """A new, empty database on the server `server_url` names, dropped afterwards."""
    server = sa.make_url(server_url)
    name = f"fortress_e2e_{uuid.uuid4().hex[:12]}"
    asyncio.run(_execute_autocommit(server, f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        asyncio.run(_execute_autocommit(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def _execute_autocommit(url: sa.URL, statement: str) -> None:
    engine = create_async_engine(url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            await connection.execute(sa.text(statement))
    finally:
        await engine.dispose()
