"""The snapshot diff of whole tables: creation order, cycles, drops and reversal."""

from __future__ import annotations

from migrate_samples import all_types, customer, graph, shop

from fortress_gen.migrate import build_snapshot, creation_order, diff_snapshots
from fortress_gen.migrate.ops import (
    CreateForeignKeyOp,
    CreateIndexOp,
    CreateTableOp,
    DropForeignKeyOp,
    DropIndexOp,
    DropTableOp,
    MigrationOp,
    reverse_ops,
)


def kinds(ops: tuple[MigrationOp, ...]) -> list[tuple[str, str]]:
    result = []
    for op in ops:
        if isinstance(op, CreateTableOp | DropTableOp):
            result.append((type(op).__name__, op.table.name))
        elif isinstance(op, CreateIndexOp | DropIndexOp):
            result.append((type(op).__name__, op.index.name))
        else:
            result.append((type(op).__name__, op.foreign_key.name))
    return result


def test_first_migration_creates_targets_first() -> None:
    plan = diff_snapshots(None, build_snapshot(shop()))
    assert kinds(plan.upgrade) == [
        ("CreateTableOp", "customers"),
        ("CreateIndexOp", "ix_customers_referrer_id"),
        ("CreateTableOp", "orders"),
        ("CreateIndexOp", "ix_orders_customer_id"),
        ("CreateIndexOp", "ix_orders_deleted_at"),
        ("CreateIndexOp", "ix_orders_status"),
    ]
    assert plan.downgrade == reverse_ops(plan.upgrade)
    assert kinds(plan.downgrade)[-1] == ("DropTableOp", "customers")
    assert not plan.destructive
    assert plan.created_tables == ("customers", "orders")
    assert plan.default_message() == "create customers, orders"


def test_self_reference_keeps_its_foreign_key_inline() -> None:
    plan = diff_snapshots(None, build_snapshot([customer()]))
    (create, _index) = plan.upgrade
    assert isinstance(create, CreateTableOp)
    assert [fk.referred_table for fk in create.table.foreign_keys] == ["customers"]


def test_chain_is_created_from_its_root() -> None:
    chain = [e for e in graph() if e.entity in {"City", "Region", "Country"}]
    assert creation_order(build_snapshot(chain).tables) == ["countries", "regions", "cities"]


def test_cycle_defers_the_closing_foreign_key() -> None:
    plan = diff_snapshots(None, build_snapshot(graph()))
    tables = [name for kind, name in kinds(plan.upgrade) if kind == "CreateTableOp"]
    assert tables == ["countries", "regions", "cities", "departments", "employees"]
    *_, last = plan.upgrade
    assert isinstance(last, CreateForeignKeyOp)
    assert last.table_name == "departments"
    assert last.foreign_key.name == "fk_departments_head_id_employees"
    departments = next(
        op
        for op in plan.upgrade
        if isinstance(op, CreateTableOp) and op.table.name == "departments"
    )
    assert departments.table.foreign_keys == ()
    assert "head_id" in {c.name for c in departments.table.columns}
    assert isinstance(plan.downgrade[0], DropForeignKeyOp)


def test_order_does_not_depend_on_input_order() -> None:
    forward = diff_snapshots(None, build_snapshot(graph()))
    backward = diff_snapshots(None, build_snapshot(list(reversed(graph()))))
    assert forward == backward


def test_removed_entities_are_dropped_dependents_first() -> None:
    old = build_snapshot([*shop(), *graph()])
    new = build_snapshot([customer()])
    plan = diff_snapshots(old, new)
    dropped = plan.dropped_tables
    assert dropped.index("orders") >= 0
    assert dropped.index("employees") < dropped.index("cities") < dropped.index("regions")
    assert dropped.index("regions") < dropped.index("countries")
    assert isinstance(plan.upgrade[0], DropForeignKeyOp)  # the cycle is opened first
    assert plan.destructive
    assert plan.losses == tuple(f"drops table {name} and its rows" for name in dropped)
    assert plan.created_tables == ()
    assert (
        plan.default_message() == "drop cities, countries, departments, employees, orders, regions"
    )
    assert plan.downgrade == reverse_ops(plan.upgrade)


def test_add_and_drop_in_one_plan() -> None:
    plan = diff_snapshots(build_snapshot([customer(), *all_types()]), build_snapshot(shop()))
    assert plan.created_tables == ("orders",)
    assert plan.dropped_tables == ("samples",)
    assert plan.default_message() == "create orders; drop samples"


def test_no_change_is_an_empty_plan() -> None:
    snapshot = build_snapshot(shop())
    plan = diff_snapshots(snapshot, build_snapshot(list(reversed(shop()))))
    assert plan.is_empty
    assert plan.downgrade == ()


def test_reverse_of_each_op_is_an_involution() -> None:
    plan = diff_snapshots(None, build_snapshot(graph()))
    assert reverse_ops(reverse_ops(plan.upgrade)) == plan.upgrade
    for op in plan.upgrade:
        assert op.reverse().reverse() == op
        assert not op.destructive
    assert all(op.destructive for op in plan.downgrade if isinstance(op, DropTableOp))
