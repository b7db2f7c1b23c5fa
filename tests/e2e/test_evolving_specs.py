"""End to end: specs change under a database that holds rows, on SQLite and on PostgreSQL.

A project is generated with `fortress generate`, its database upgraded and filled with
rows. Then the specs evolve twice: every non-destructive change kind (a required field with
a default, an optional field, a wider max_length, a field made optional and one made
required, a unique, an enum value, a declared rename), then a dropped field, which
`fortress generate` refuses until it is allowed. After each step the same database
upgrades keeping its rows, `alembic check` is clean, and `alembic downgrade -1` followed by
`upgrade head` works. The project's own gates pass on the evolved code.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from fortress_testing import fortress_migrations
from gates import run_gate, static_gates
from sqlalchemy.ext.asyncio import create_async_engine

pytestmark = pytest.mark.e2e

FORTRESS = [sys.executable, "-m", "fortress_gen"]
ALEMBIC = [sys.executable, "-m", "alembic"]

CUSTOMER_1 = """\
entity: Customer
fields:
  name: {type: str, max_length: 120}
  email: {type: email, unique: true}
"""
ORDER_1 = """\
entity: Order
fields:
  number: {type: str, max_length: 32, unique: true}
  status: {type: enum, values: [pending, paid], default: pending}
  notes: {type: text, required: false}
  rating: int
  gift_note: {type: text, required: false}
relations:
  customer: {kind: many_to_one, target: Customer, on_delete: cascade}
"""
CUSTOMER_2 = CUSTOMER_1.replace("max_length: 120}", "max_length: 120, unique: true}")
ORDER_2 = """\
entity: Order
fields:
  number: {type: str, max_length: 64, unique: true}
  status: {type: enum, values: [pending, paid, shipped], default: pending}
  notes: {type: text, default: none}
  score: {type: int, required: false, renamed_from: rating}
  gift_note: {type: text, required: false}
  priority: {type: int, default: 0}
  coupon: {type: str, max_length: 20, required: false}
relations:
  customer: {kind: many_to_one, target: Customer, on_delete: cascade}
"""
ORDER_3 = ORDER_2.replace("  gift_note: {type: text, required: false}\n", "")


def fortress(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*FORTRESS, *args], cwd=project, capture_output=True, text=True, check=False
    )


def write_specs(project: Path, **specs: str) -> None:
    for entity, text in specs.items():
        (project / "specs" / f"{entity}.yaml").write_text(text, encoding="utf-8")


def migrations(project: Path) -> list[str]:
    """The names of the migrations Fortress wrote (the template's users migration left out)."""
    return [path.name for path in fortress_migrations(project)]


def sql(url: str, *statements: str) -> list[list[tuple[Any, ...]]]:
    """Run statements in one transaction; the rows of each."""

    async def main() -> list[list[tuple[Any, ...]]]:
        engine = create_async_engine(url)
        try:
            async with engine.begin() as connection:
                results = []
                for statement in statements:
                    result = await connection.execute(sa.text(statement))
                    results.append([tuple(row) for row in result] if result.returns_rows else [])
                return results
        finally:
            await engine.dispose()

    return asyncio.run(main())


def alembic(project: Path, url: str, *args: str) -> str:
    return run_gate(project, [*ALEMBIC, *args], DATABASE_URL=url)


def upgrade_and_round_trip(project: Path, url: str) -> None:
    """Upgrade, check, step back one revision and forward again, check again."""
    alembic(project, url, "upgrade", "head")
    alembic(project, url, "check")
    alembic(project, url, "downgrade", "-1")
    alembic(project, url, "upgrade", "head")
    assert "No new upgrade operations detected" in alembic(project, url, "check")


ORDERS = "SELECT number, status, notes, {rating}, customer_id FROM orders ORDER BY number"


def rows(url: str, query: str) -> Sequence[tuple[Any, ...]]:
    return sql(url, query)[0]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "shop"
    result = fortress(tmp_path, "new-project", str(root))
    assert result.returncode == 0, result.stderr
    write_specs(root, Customer=CUSTOMER_1, Order=ORDER_1)
    result = fortress(root, "generate", "--now", "2026-01-01T00:00:00")
    assert result.returncode == 0, result.stderr
    return root


def test_specs_evolve_under_a_database_with_rows(project: Path, database_url: str) -> None:
    url = database_url
    alembic(project, url, "upgrade", "head")
    sql(
        url,
        "INSERT INTO customers (id, name, email) VALUES (1, 'Alice', 'a@example.com'),"
        " (2, 'Bob', 'b@example.com')",
        "INSERT INTO orders (number, status, notes, rating, gift_note, customer_id) VALUES"
        " ('A-1', 'paid', 'ring twice', 5, 'wrapped', 1), ('B-1', 'pending', NULL, 3, NULL, 2)",
    )

    # Every non-destructive change kind at once.
    write_specs(project, Customer=CUSTOMER_2, Order=ORDER_2)
    result = fortress(project, "generate", "--now", "2026-01-02T00:00:00")
    assert result.returncode == 0, result.stderr
    (_, second) = migrations(project)
    assert second.startswith("20260102_000000_")
    assert second.endswith("_add_orders_coupon_orders_priority_.py")
    upgrade_and_round_trip(project, url)
    assert rows(url, ORDERS.format(rating="score")) == [
        ("A-1", "paid", "ring twice", 5, 1),
        ("B-1", "pending", "none", 3, 2),  # the NULL note was filled with the new default
    ]
    assert rows(url, "SELECT priority, coupon, gift_note FROM orders ORDER BY number") == [
        (0, None, "wrapped"),
        (0, None, None),
    ]
    sql(url, "INSERT INTO orders (number, status, customer_id) VALUES ('C-1', 'shipped', 1)")

    # A dropped field loses data: refused, saying so, until it is allowed.
    write_specs(project, Order=ORDER_3)
    refused = fortress(project, "generate", "--now", "2026-01-03T00:00:00")
    assert refused.returncode == 1
    assert "drops column orders.gift_note and its data" in refused.stderr
    assert len(migrations(project)) == 2
    allowed = fortress(project, "generate", "--allow-destructive", "--now", "2026-01-03T00:00:00")
    assert allowed.returncode == 0, allowed.stderr
    assert migrations(project)[-1].endswith("_drop_orders_gift_note.py")
    upgrade_and_round_trip(project, url)
    assert rows(url, "SELECT number, status, score, priority FROM orders ORDER BY number") == [
        ("A-1", "paid", 5, 0),
        ("B-1", "pending", 3, 0),
        ("C-1", "shipped", None, 0),
    ]
    assert fortress(project, "generate", "--check").returncode == 0


def test_evolved_project_passes_its_gates(project: Path, tmp_path: Path) -> None:
    write_specs(project, Customer=CUSTOMER_2, Order=ORDER_2)
    assert fortress(project, "generate", "--now", "2026-01-02T00:00:00").returncode == 0
    write_specs(project, Order=ORDER_3)
    assert fortress(project, "generate", "--allow-destructive").returncode == 0
    gates = static_gates("app")
    for name in ("ruff check", "format", "mypy"):
        run_gate(project, gates[name])
    database = f"sqlite+aiosqlite:///{tmp_path / 'tests.db'}"
    run_gate(
        project,
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        DATABASE_URL=database,
        TEST_DATABASE_URL=database,
    )
