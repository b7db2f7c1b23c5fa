"""End to end: a fresh project, with no entity yet, passes every gate of its own toolchain.

The gates are DESIGN.md §2 "quality": ruff, mypy --strict, import-linter, its own tests, and
Alembic (`upgrade head`, then `check` finds no drift). The database gates run on SQLite,
and on PostgreSQL when `FORTRESS_TEST_POSTGRES_URL` names a server (a database on it is
created for the run and dropped afterwards).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from gates import DATABASE_GATES, run_gate, static_gates

from fortress_gen.project import create_project

pytestmark = pytest.mark.e2e

PACKAGE = "shop_api"
STATIC_GATES = static_gates(PACKAGE)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return create_project(tmp_path_factory.mktemp("e2e") / "shop", data={"package": PACKAGE})


@pytest.mark.parametrize("gate", sorted(STATIC_GATES))
def test_static_gate_passes(project: Path, gate: str) -> None:
    run_gate(project, STATIC_GATES[gate])


def test_tests_and_migrations_pass_on_the_database(project: Path, database_url: str) -> None:
    for command in DATABASE_GATES:
        run_gate(project, command, DATABASE_URL=database_url, TEST_DATABASE_URL=database_url)
