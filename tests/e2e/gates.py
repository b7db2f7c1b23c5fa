"""The generated project's own gates (DESIGN.md §2 "quality"), run as a user would run them.

Shared by the end-to-end tests: `run_gate` runs one command in a project with a clean
environment; `private_database` makes a throwaway PostgreSQL database for one project.
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

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

POSTGRES_URL_VARIABLE = "FORTRESS_TEST_POSTGRES_URL"
BIN = Path(sys.executable).parent
DATABASE_VARIABLES = ("DATABASE_URL", "TEST_DATABASE_URL", "ALEMBIC_DATABASE_URL")


def static_gates(package: str, formatter: str = "ruff") -> dict[str, list[str]]:
    """The gates that need no database, by name; "format" runs the project's formatter."""
    format_check = (
        [sys.executable, "-m", "black", "--check", "."]
        if formatter == "black"
        else [sys.executable, "-m", "ruff", "format", "--check", "."]
    )
    return {
        "ruff check": [sys.executable, "-m", "ruff", "check", "."],
        "format": format_check,
        "mypy": [sys.executable, "-m", "mypy", "--strict", package, "tests"],
        "lint-imports": [str(BIN / "lint-imports")],
        "fortress check": [sys.executable, "-m", "fortress_gen", "check"],
    }


DATABASE_GATES = [
    [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
    [sys.executable, "-m", "alembic", "upgrade", "head"],
    [sys.executable, "-m", "alembic", "check"],
]


def run_gate(project: Path, command: list[str], **environment: str) -> str:
    """Run `command` in `project`; fail with its output if it exits non-zero."""
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in DATABASE_VARIABLES and name != "PYTEST_ADDOPTS"
    }
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(project), env.get("PYTHONPATH")]))
    env.update(environment)
    result = subprocess.run(
        command, cwd=project, env=env, capture_output=True, text=True, timeout=900, check=False
    )
    assert result.returncode == 0, (
        f"{' '.join(command)} exited {result.returncode}\n{result.stdout}\n{result.stderr}"
    )
    return result.stdout + result.stderr


@contextmanager
def private_database(server_url: str) -> Iterator[str]:
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
