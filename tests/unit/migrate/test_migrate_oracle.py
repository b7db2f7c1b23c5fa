"""Rendered migrations, run by Alembic, give exactly the schema of the models' metadata."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from migrate_oracle import (
    build_metadata,
    postgres_unreachable_reason,
    run_on_postgres,
    run_revision,
    schema_drift,
    schema_facts,
    sqlite_connection,
    use_fresh_schema,
)
from migrate_samples import all_types, customer, graph, order, shop

from fortress_gen.migrate import build_snapshot, diff_snapshots, new_migration
from fortress_gen.migrate.snapshot import SchemaSnapshot
from fortress_gen.spec.model import EntitySpec

NOW = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
SCENARIOS: dict[str, Callable[[], list[EntitySpec]]] = {
    "shop": shop,
    "all_types": all_types,
    "graph": graph,
}
# SQLAlchemy warns that it cannot sort the Department <-> Employee cycle; that is the point.
pytestmark = pytest.mark.filterwarnings(
    "ignore:Cannot correctly sort tables:sqlalchemy.exc.SAWarning"
)


def _steps(spec_sets: Sequence[list[EntitySpec]]) -> list[str]:
    """One revision per step from an empty schema through each spec set."""
    sources: list[str] = []
    previous: SchemaSnapshot | None = None
    parent: str | None = None
    for entities in spec_sets:
        snapshot = build_snapshot(entities)
        plan = diff_snapshots(previous, snapshot)
        migration = new_migration(plan, down_revision=parent, now=NOW)
        sources.append(migration.source)
        previous, parent = snapshot, migration.revision
    return sources


def _check_steps(
    conn: sa.Connection,
    spec_sets: Sequence[list[EntitySpec]],
    expected: Sequence[dict[str, Any]],
) -> None:
    """Upgrade step by step (no drift, same facts), then downgrade back to nothing."""
    sources = _steps(spec_sets)
    for source, entities, facts in zip(sources, spec_sets, expected, strict=True):
        metadata = build_metadata(entities)
        run_revision(conn, source, "upgrade", metadata)
        assert schema_drift(conn, metadata) == []
        assert schema_facts(conn) == facts
    for index in reversed(range(len(sources))):
        run_revision(conn, sources[index], "downgrade", build_metadata(spec_sets[index]))
        assert schema_facts(conn) == (expected[index - 1] if index else {})


def _expected_sqlite(tmp_path: Path, entities: list[EntitySpec], name: str) -> dict[str, Any]:
    with sqlite_connection(tmp_path / f"expected_{name}.db") as conn:
        build_metadata(entities).create_all(conn)
        return schema_facts(conn)


@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_sqlite_upgrade_matches_metadata(tmp_path: Path, scenario: str) -> None:
    entities = SCENARIOS[scenario]()
    expected = _expected_sqlite(tmp_path, entities, scenario)
    with sqlite_connection(tmp_path / "migrated.db") as conn:
        _check_steps(conn, [entities], [expected])


def test_sqlite_add_then_drop_an_entity(tmp_path: Path) -> None:
    spec_sets = [[customer()], [customer(), order()], [customer()]]
    expected = [_expected_sqlite(tmp_path, s, str(i)) for i, s in enumerate(spec_sets)]
    with sqlite_connection(tmp_path / "migrated.db") as conn:
        _check_steps(conn, spec_sets, expected)


def test_sqlite_migrated_schema_enforces_constraints(tmp_path: Path) -> None:
    with sqlite_connection(tmp_path / "migrated.db") as conn:
        (source,) = _steps([shop()])
        run_revision(conn, source, "upgrade", build_metadata(shop()))
        conn.exec_driver_sql("INSERT INTO customers (id, name, email) VALUES ('a' , 'A', 'a@x')")
        with pytest.raises(sa.exc.IntegrityError), conn.begin_nested():
            conn.exec_driver_sql(
                "INSERT INTO orders (number, status, total, placed_at, rating, customer_id)"
                " VALUES ('1', 'lost', 1, '2024-01-01', 1, 'a')"
            )
        status = conn.exec_driver_sql("SELECT active FROM customers").scalar_one()
        assert status == 1


# --- PostgreSQL ------------------------------------------------------------------------

_PG_REASON: list[str | None] = []


def _require_postgres() -> None:
    if not _PG_REASON:
        _PG_REASON.append(postgres_unreachable_reason())
    if _PG_REASON[0] is not None:
        pytest.skip(_PG_REASON[0])


def _postgres_steps(spec_sets: Sequence[list[EntitySpec]]) -> None:
    def work(conn: sa.Connection) -> None:
        expected = []
        for index, entities in enumerate(spec_sets):
            use_fresh_schema(conn, f"fortress_expected_{index}")
            build_metadata(entities).create_all(conn)
            expected.append(schema_facts(conn))
        use_fresh_schema(conn, "fortress_migrated")
        _check_steps(conn, spec_sets, expected)

    run_on_postgres(work)


@pytest.mark.postgres
@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
def test_postgres_upgrade_matches_metadata(scenario: str) -> None:
    _require_postgres()
    _postgres_steps([SCENARIOS[scenario]()])


@pytest.mark.postgres
def test_postgres_add_then_drop_an_entity() -> None:
    _require_postgres()
    _postgres_steps([[customer()], [customer(), order()], [customer()]])


def test_the_oracle_catches_a_wrong_migration(tmp_path: Path) -> None:
    """A tampered snapshot gives drift (types, indexes) or other facts (ondelete, names)."""
    from dataclasses import replace

    entities = shop()
    expected = _expected_sqlite(tmp_path, entities, "shop")
    good = build_snapshot(entities)
    orders = good.table("orders")
    tampered_tables = {
        "type": replace(
            orders,
            columns=tuple(
                replace(c, type="sa.String(length=33)") if c.name == "number" else c
                for c in orders.columns
            ),
        ),
        "index": replace(orders, indexes=orders.indexes[1:]),
        "ondelete": replace(
            orders,
            foreign_keys=tuple(replace(fk, ondelete="RESTRICT") for fk in orders.foreign_keys),
        ),
    }
    for name, table in tampered_tables.items():
        snapshot = SchemaSnapshot((good.table("customers"), table))
        source = new_migration(diff_snapshots(None, snapshot), down_revision=None, now=NOW).source
        metadata = build_metadata(entities)
        with sqlite_connection(tmp_path / f"tampered_{name}.db") as conn:
            run_revision(conn, source, "upgrade", metadata)
            caught = bool(schema_drift(conn, metadata)) or schema_facts(conn) != expected
        assert caught, name
