"""The issue's whole story: edits survive evolving specs, and so do the database's rows.

A project is generated, its database upgraded and filled with rows; the user edits the
service and the endpoints; the specs change (a new field, a new entity, a changed
constraint), then a field is dropped with --allow-destructive. After each `fortress generate`
the user's lines are where they put them, the same database upgrades keeping its rows,
`alembic check` is clean, and the evolved project passes its own gates — on SQLite and on
PostgreSQL.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from gates import run_gate, static_gates
from test_evolving_specs import alembic, fortress, rows, sql, write_specs

pytestmark = pytest.mark.e2e

CUSTOMER = """\
entity: Customer
fields:
  name: {type: str, max_length: 120}
  email: {type: email, unique: true}
"""
ORDER = """\
entity: Order
fields:
  number: {type: str, max_length: 32, unique: true}
  status: {type: enum, values: [pending, paid], default: pending}
  gift_note: {type: text, required: false}
relations:
  customer: {kind: many_to_one, target: Customer}
"""
ORDER_EVOLVED = """\
entity: Order
fields:
  number: {type: str, max_length: 64, unique: true}
  status: {type: enum, values: [pending, paid], default: pending}
  gift_note: {type: text, required: false}
  priority: {type: int, default: 0, ge: 0, le: 9}
relations:
  customer: {kind: many_to_one, target: Customer}
"""
ORDER_DROPPED = ORDER_EVOLVED.replace("  gift_note: {type: text, required: false}\n", "")
NOTE = """\
entity: Note
fields:
  body: {type: text}
relations:
  order: {kind: many_to_one, target: Order}
"""
SERVICE_EDIT = '''

def support_label(number: str) -> str:
    """How the support team writes an order number."""
    return f"#{number}"
'''
ENDPOINTS_EDIT = "# Support: these routes are in the partner contract; keep their paths.\n"


def _edit(project: Path) -> None:
    service = project / "app/services/OrderService.py"
    service.write_text(service.read_text(encoding="utf-8") + SERVICE_EDIT, encoding="utf-8")
    endpoints = project / "app/api/v1/endpoints/orders.py"
    text = endpoints.read_text(encoding="utf-8")
    marker = "\nrouter = "
    assert marker in text
    endpoints.write_text(text.replace(marker, "\n" + ENDPOINTS_EDIT + marker[1:], 1))


def _assert_edits(project: Path) -> None:
    service = (project / "app/services/OrderService.py").read_text(encoding="utf-8")
    assert service.endswith(SERVICE_EDIT)
    endpoints = (project / "app/api/v1/endpoints/orders.py").read_text(encoding="utf-8")
    assert ENDPOINTS_EDIT in endpoints
    assert "<<<<<<<" not in service + endpoints


def test_edits_and_rows_survive_evolving_specs(tmp_path: Path, database_url: str) -> None:
    project = tmp_path / "shop"
    assert fortress(tmp_path, "new-project", str(project)).returncode == 0
    write_specs(project, Customer=CUSTOMER, Order=ORDER)
    first = fortress(project, "generate", "--now", "2026-01-01T00:00:00")
    assert first.returncode == 0, first.stderr
    url = database_url
    alembic(project, url, "upgrade", "head")
    sql(
        url,
        "INSERT INTO customers (id, name, email) VALUES (1, 'Alice', 'a@example.com')",
        "INSERT INTO orders (number, status, gift_note, customer_id) VALUES"
        " ('A-1', 'paid', 'wrapped', 1), ('B-1', 'pending', NULL, 1)",
    )
    _edit(project)

    write_specs(project, Order=ORDER_EVOLVED, Note=NOTE)
    second = fortress(project, "generate", "--now", "2026-01-02T00:00:00")
    assert second.returncode == 0, second.stderr
    assert "create  app/models/Note.py" in second.stderr
    _assert_edits(project)
    alembic(project, url, "upgrade", "head")
    assert "No new upgrade operations detected" in alembic(project, url, "check")
    assert rows(url, "SELECT number, status, gift_note, priority FROM orders ORDER BY number") == [
        ("A-1", "paid", "wrapped", 0),
        ("B-1", "pending", None, 0),
    ]
    sql(url, "INSERT INTO notes (body, order_id) SELECT 'call back', id FROM orders LIMIT 1")

    write_specs(project, Order=ORDER_DROPPED)
    refused = fortress(project, "generate", "--now", "2026-01-03T00:00:00")
    assert refused.returncode == 1
    assert "drops column orders.gift_note and its data" in refused.stderr
    third = fortress(project, "generate", "--allow-destructive", "--now", "2026-01-03T00:00:00")
    assert third.returncode == 0, third.stderr
    _assert_edits(project)
    alembic(project, url, "upgrade", "head")
    assert "No new upgrade operations detected" in alembic(project, url, "check")
    assert rows(url, "SELECT number, status, priority FROM orders ORDER BY number") == [
        ("A-1", "paid", 0),
        ("B-1", "pending", 0),
    ]
    assert rows(url, "SELECT body FROM notes") == [("call back",)]
    check = fortress(project, "generate", "--check")
    assert check.returncode == 0, check.stderr

    if not url.startswith("sqlite"):
        return  # the code is the same whatever the database: its gates ran on SQLite
    gates = static_gates("app")
    for name in ("ruff check", "format", "mypy", "lint-imports"):
        run_gate(project, gates[name])
    tests_db = f"sqlite+aiosqlite:///{tmp_path / 'tests.db'}"
    run_gate(
        project,
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"],
        DATABASE_URL=tests_db,
        TEST_DATABASE_URL=tests_db,
    )
