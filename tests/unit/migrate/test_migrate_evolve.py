"""Evolving specs on a database that holds rows: upgrade keeps them, matches the models, and
the downgrade gives back the previous schema (SQLite and PostgreSQL)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
import yaml
from migrate_evolution import step_1, step_2, step_3
from migrate_oracle import (
    build_metadata,
    postgres_unreachable_reason,
    run_on_postgres,
    run_revision,
    schema_drift,
    schema_facts,
    use_fresh_schema,
)
from migrate_samples import spec

from fortress_gen.migrate import build_snapshot, diff_snapshots, new_migration
from fortress_gen.migrate.renames import declared_renames
from fortress_gen.spec.model import EntitySpec

NOW = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
ALICE = uuid.UUID(int=1)
BOB = uuid.UUID(int=2)


def revisions(steps: Sequence[list[EntitySpec]]) -> list[str]:
    sources: list[str] = []
    previous = None
    parent: str | None = None
    for entities in steps:
        snapshot = build_snapshot(entities)
        plan = diff_snapshots(previous, snapshot, declared_renames(entities))
        migration = new_migration(plan, down_revision=parent, now=NOW)
        sources.append(migration.source)
        previous, parent = snapshot, migration.revision
    return sources


@contextmanager
def sqlite_without_foreign_keys(path: Path) -> Iterator[sa.Connection]:
    """Like `alembic upgrade` on SQLite: foreign keys are not enforced while tables are copied."""
    engine = sa.create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as conn:
            yield conn
    finally:
        engine.dispose()


def insert_rows(conn: sa.Connection) -> None:
    metadata = build_metadata(step_1())
    customers, orders = metadata.tables["customers"], metadata.tables["orders"]
    conn.execute(
        customers.insert(),
        [
            {"id": ALICE, "name": "Alice", "email": "a@example.com"},
            {"id": BOB, "name": "Bob", "email": "b@example.com"},
        ],
    )
    placed = datetime(2026, 1, 1, tzinfo=UTC)
    conn.execute(
        orders.insert(),
        [
            {
                "number": "A-1",
                "status": "paid",
                "total": 10,
                "placed_at": placed,
                "rating": 5,
                "customer_id": ALICE,
                "notes": "ring twice",
                "channel": "web",
            },
            {
                "number": "B-1",
                "status": "pending",
                "total": 20,
                "placed_at": placed,
                "rating": 3,
                "customer_id": BOB,
                "notes": None,
                "channel": None,
            },
        ],
    )


def orders_after_step_2(conn: sa.Connection) -> list[tuple[Any, ...]]:
    rows = conn.execute(
        sa.text(
            "SELECT number, status, notes, score, priority, gift_note, buyer_id"
            " FROM orders ORDER BY number"
        )
    ).all()
    return [tuple(row) for row in rows]


def check_evolution(conn: sa.Connection) -> None:
    first, second, third = revisions([step_1(), step_2(), step_3()])
    run_revision(conn, first, "upgrade", build_metadata(step_1()))
    insert_rows(conn)
    facts_1 = schema_facts(conn)

    run_revision(conn, second, "upgrade", build_metadata(step_2()))
    assert schema_drift(conn, build_metadata(step_2())) == []
    rows = orders_after_step_2(conn)
    assert [uuid.UUID(str(row[-1])) for row in rows] == [ALICE, BOB]
    channels = conn.execute(sa.text("SELECT channel FROM orders ORDER BY number")).all()
    assert [tuple(row) for row in channels] == [("web",), ("phone",)]
    assert [row[:-1] for row in rows] == [
        ("A-1", "paid", "ring twice", 5, 0, None),
        ("B-1", "pending", "none", 3, 0, None),  # the NULL note got the new default
    ]
    facts_2 = schema_facts(conn)

    run_revision(conn, third, "upgrade", build_metadata(step_3()))
    assert schema_drift(conn, build_metadata(step_3())) == []
    assert conn.execute(sa.text("SELECT count(*) FROM orders")).scalar_one() == 2

    run_revision(conn, third, "downgrade", build_metadata(step_2()))
    assert schema_facts(conn) == facts_2
    assert schema_drift(conn, build_metadata(step_2())) == []
    # The downgrade removes the value 'phone' again: rows must not hold it (as on upgrade).
    conn.exec_driver_sql("UPDATE orders SET channel = 'shop' WHERE channel = 'phone'")
    run_revision(conn, second, "downgrade", build_metadata(step_1()))
    assert schema_facts(conn) == facts_1
    assert schema_drift(conn, build_metadata(step_1())) == []
    ratings = conn.execute(sa.text("SELECT number, rating FROM orders ORDER BY number")).all()
    assert [tuple(row) for row in ratings] == [("A-1", 5), ("B-1", 3)]


def test_sqlite_evolution_keeps_rows(tmp_path: Path) -> None:
    with sqlite_without_foreign_keys(tmp_path / "app.db") as conn:
        check_evolution(conn)
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []


@pytest.mark.postgres
def test_postgres_evolution_keeps_rows() -> None:
    reason = postgres_unreachable_reason()
    if reason is not None:
        pytest.skip(reason)

    def work(conn: sa.Connection) -> None:
        use_fresh_schema(conn, "fortress_evolution")
        check_evolution(conn)

    run_on_postgres(work)


# --- an entity renamed: its table, keys, indexes and CHECK constraints follow ---------------


def purchases(renamed: bool) -> list[EntitySpec]:
    name = {"entity": "Order", "renamed_from": "Purchase"} if renamed else {"entity": "Purchase"}
    target = "Order" if renamed else "Purchase"
    return [
        spec({"entity": "Customer", "fields": {"name": "str"}}),
        spec(
            {
                **name,
                "fields": {
                    "number": {"type": "str", "unique": True},
                    "status": {"type": "enum", "values": ["open", "done"], "index": True},
                },
                "relations": {
                    "customer": {"target": "Customer"},
                    "parent": {"target": target, "required": False},
                },
            }
        ),
        spec({"entity": "Line", "relations": {"purchase": {"target": target}}}),
    ]


def expected_facts(conn: sa.Connection, entities: list[EntitySpec], schema: str | None) -> Any:
    if schema is not None:
        use_fresh_schema(conn, schema)
    build_metadata(entities).create_all(conn)
    return schema_facts(conn)


def check_table_rename(conn: sa.Connection, expected: list[Any]) -> None:
    before, after = purchases(renamed=False), purchases(renamed=True)
    first, second = revisions([before, after])
    assert "rename table purchases to orders" in second
    run_revision(conn, first, "upgrade", build_metadata(before))
    conn.exec_driver_sql("INSERT INTO customers (id, name) VALUES (1, 'Alice')")
    conn.exec_driver_sql(
        "INSERT INTO purchases (id, number, status, customer_id) VALUES (7, 'P-7', 'open', 1)"
    )
    conn.exec_driver_sql("INSERT INTO lines (id, purchase_id) VALUES (1, 7)")
    run_revision(conn, second, "upgrade", build_metadata(after))
    assert schema_drift(conn, build_metadata(after)) == []
    assert schema_facts(conn) == expected[1]
    assert conn.exec_driver_sql("SELECT id, number FROM orders").all() == [(7, "P-7")]
    assert conn.exec_driver_sql("SELECT purchase_id FROM lines").all() == [(7,)]
    run_revision(conn, second, "downgrade", build_metadata(before))
    assert schema_facts(conn) == expected[0]
    assert conn.exec_driver_sql("SELECT id, number FROM purchases").all() == [(7, "P-7")]


def test_sqlite_table_rename(tmp_path: Path) -> None:
    expected = []
    for index, entities in enumerate((purchases(False), purchases(True))):
        with sqlite_without_foreign_keys(tmp_path / f"expected_{index}.db") as conn:
            expected.append(expected_facts(conn, entities, None))
    with sqlite_without_foreign_keys(tmp_path / "app.db") as conn:
        check_table_rename(conn, expected)
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []


@pytest.mark.postgres
def test_postgres_table_rename() -> None:
    reason = postgres_unreachable_reason()
    if reason is not None:
        pytest.skip(reason)

    def work(conn: sa.Connection) -> None:
        expected = [
            expected_facts(conn, purchases(False), "fortress_rename_expected_0"),
            expected_facts(conn, purchases(True), "fortress_rename_expected_1"),
        ]
        use_fresh_schema(conn, "fortress_rename")
        check_table_rename(conn, expected)

    run_on_postgres(work)


# --- type changes between kinds: values converted on both databases ------------------------


def typed(kinds: dict[str, str]) -> list[EntitySpec]:
    return [spec({"entity": "Reading", "timestamps": False, "fields": kinds})]


def check_type_changes(conn: sa.Connection) -> None:
    before = typed({"count": "str", "level": "int", "amount": "text"})
    after = typed({"count": "int", "level": "str", "amount": "decimal"})
    first, second = revisions([before, after])
    run_revision(conn, first, "upgrade", build_metadata(before))
    conn.exec_driver_sql(
        "INSERT INTO readings (id, count, level, amount) VALUES (1, '42', 7, '1.5')"
    )
    run_revision(conn, second, "upgrade", build_metadata(after))
    assert schema_drift(conn, build_metadata(after)) == []
    row = conn.execute(sa.text("SELECT count, level, amount FROM readings")).one()
    assert (row[0], row[1], float(row[2])) == (42, "7", 1.5)
    run_revision(conn, second, "downgrade", build_metadata(before))
    assert schema_drift(conn, build_metadata(before)) == []
    row = conn.execute(sa.text("SELECT count, level FROM readings")).one()
    assert (row[0], int(row[1])) == ("42", 7)


def test_sqlite_type_changes(tmp_path: Path) -> None:
    with sqlite_without_foreign_keys(tmp_path / "app.db") as conn:
        check_type_changes(conn)


@pytest.mark.postgres
def test_postgres_type_changes() -> None:
    reason = postgres_unreachable_reason()
    if reason is not None:
        pytest.skip(reason)

    def work(conn: sa.Connection) -> None:
        use_fresh_schema(conn, "fortress_types")
        check_type_changes(conn)

    run_on_postgres(work)


# --- the golden evolution (tests/golden/evolution) runs, step by step, up and down ---------

GOLDEN_STEPS = Path(__file__).parents[2] / "golden" / "evolution" / "steps"


def golden_steps() -> list[list[EntitySpec]]:
    return [
        [spec(yaml.safe_load(path.read_text())) for path in sorted(step.glob("*.yaml"))]
        for step in sorted(GOLDEN_STEPS.iterdir())
    ]


def facts(conn: sa.Connection) -> dict[str, Any]:
    """`schema_facts` with columns sorted: added columns come last in a migrated table."""
    found = schema_facts(conn)
    for table in found.values():
        table["columns"] = sorted(table["columns"])
    return found


def check_golden_steps(conn: sa.Connection, expected: list[dict[str, Any]]) -> None:
    steps = golden_steps()
    sources = revisions(steps)
    for source, entities, want in zip(sources, steps, expected, strict=True):
        run_revision(conn, source, "upgrade", build_metadata(entities))
        assert schema_drift(conn, build_metadata(entities)) == []
        assert facts(conn) == want
    for index in reversed(range(1, len(sources))):
        run_revision(conn, sources[index], "downgrade", build_metadata(steps[index - 1]))
        assert facts(conn) == expected[index - 1]


def test_sqlite_golden_evolution(tmp_path: Path) -> None:
    expected = []
    for index, entities in enumerate(golden_steps()):
        with sqlite_without_foreign_keys(tmp_path / f"expected_{index}.db") as conn:
            build_metadata(entities).create_all(conn)
            expected.append(facts(conn))
    with sqlite_without_foreign_keys(tmp_path / "app.db") as conn:
        check_golden_steps(conn, expected)


@pytest.mark.postgres
def test_postgres_golden_evolution() -> None:
    reason = postgres_unreachable_reason()
    if reason is not None:
        pytest.skip(reason)

    def work(conn: sa.Connection) -> None:
        expected = []
        for index, entities in enumerate(golden_steps()):
            use_fresh_schema(conn, f"fortress_golden_{index}")
            build_metadata(entities).create_all(conn)
            expected.append(facts(conn))
        use_fresh_schema(conn, "fortress_golden")
        check_golden_steps(conn, expected)

    run_on_postgres(work)
