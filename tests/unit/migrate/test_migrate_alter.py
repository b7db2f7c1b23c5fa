"""The diff inside an existing table, one change kind at a time, and what each can lose."""

from __future__ import annotations

from typing import Any

import pytest
from migrate_samples import spec

from fortress_gen.migrate import build_snapshot, diff_snapshots
from fortress_gen.migrate.alter_ops import type_change_loss
from fortress_gen.migrate.diff import Renames
from fortress_gen.migrate.ops import (
    AddColumnOp,
    AlterColumnOp,
    CreateForeignKeyOp,
    CreateIndexOp,
    DropColumnOp,
    DropForeignKeyOp,
    DropIndexOp,
    MigrationPlan,
    RenameTableOp,
    ReplacePrimaryKeyOp,
    reverse_ops,
)
from fortress_gen.migrate.renames import declared_renames
from fortress_gen.migrate.snapshot import ColumnSnapshot
from fortress_gen.spec.model import EntitySpec

BASE_FIELDS: dict[str, Any] = {
    "number": {"type": "str", "max_length": 32, "unique": True},
    "status": {"type": "enum", "values": ["pending", "paid"], "default": "pending"},
    "notes": "text?",
    "rating": "int",
}


def orders(fields: dict[str, Any] | None = None, **relations: Any) -> list[EntitySpec]:
    customer = spec({"entity": "Customer", "timestamps": False, "fields": {"name": "str"}})
    order = spec(
        {
            "entity": "Order",
            "timestamps": False,
            "fields": BASE_FIELDS if fields is None else fields,
            "relations": relations or {"customer": {"target": "Customer"}},
        }
    )
    return [customer, order]


def plan_for(old: list[EntitySpec], new: list[EntitySpec]) -> MigrationPlan:
    plan = diff_snapshots(build_snapshot(old), build_snapshot(new), declared_renames(new))
    assert plan.downgrade == reverse_ops(plan.upgrade)
    return plan


def changed(**fields: Any) -> dict[str, Any]:
    return {**BASE_FIELDS, **fields}


def test_adding_an_optional_field() -> None:
    plan = plan_for(orders(), orders(changed(gift="text?")))
    assert plan.upgrade == (
        AddColumnOp("orders", ColumnSnapshot("gift", "sa.Text()", nullable=True)),
    )
    assert plan.downgrade == (
        DropColumnOp("orders", ColumnSnapshot("gift", "sa.Text()", nullable=True)),
    )
    assert plan.losses == ()
    assert plan.default_message() == "add orders.gift"


def test_adding_a_required_field_with_a_default_fills_rows_by_server_default() -> None:
    plan = plan_for(orders(), orders(changed(priority={"type": "int", "default": 3})))
    (add,) = plan.upgrade
    assert add == AddColumnOp(
        "orders", ColumnSnapshot("priority", "sa.Integer()", False, 'sa.text("3")')
    )


def test_dropping_a_field_is_destructive() -> None:
    fields = {k: v for k, v in BASE_FIELDS.items() if k != "notes"}
    plan = plan_for(orders(), orders(fields))
    assert [type(op) for op in plan.upgrade] == [DropColumnOp]
    assert plan.destructive
    assert plan.losses == ("drops column orders.notes and its data",)
    assert plan.default_message() == "drop orders.notes"


@pytest.mark.parametrize(
    ("change", "loss"),
    [
        ({"number": {"type": "str", "max_length": 64, "unique": True}}, None),
        (
            {"number": {"type": "str", "max_length": 16, "unique": True}},
            "narrows orders.number from 32 to 16 characters; longer values fail the upgrade"
            " (PostgreSQL) or stay too long (SQLite)",
        ),
        ({"rating": "bigint"}, None),
        (
            {"rating": "float"},
            "changes the type of orders.rating from sa.Integer() to sa.Float(), which can"
            " fail or lose values",
        ),
        ({"number": {"type": "text", "unique": True}}, None),
    ],
)
def test_type_changes(change: dict[str, Any], loss: str | None) -> None:
    plan = plan_for(orders(), orders(changed(**change)))
    (alter,) = plan.upgrade
    assert isinstance(alter, AlterColumnOp)
    assert alter.old.type != alter.new.type
    assert alter.loss == loss
    assert plan.losses == (() if loss is None else (loss,))
    assert plan.default_message() == f"alter orders.{alter.new.name}"


def test_nullability_both_ways() -> None:
    relaxed = plan_for(orders(), orders(changed(rating="int?")))
    (alter,) = relaxed.upgrade
    assert isinstance(alter, AlterColumnOp)
    assert (alter.old.nullable, alter.new.nullable, alter.fill_nulls) == (False, True, None)
    assert not relaxed.destructive
    tightened = plan_for(orders(), orders(changed(notes={"type": "text", "default": "-"})))
    (alter,) = tightened.upgrade
    assert isinstance(alter, AlterColumnOp)
    assert (alter.new.nullable, alter.new.server_default, alter.fill_nulls) == (False, '"-"', '"-"')
    (back,) = tightened.downgrade
    assert isinstance(back, AlterColumnOp)
    assert back.fill_nulls is None


def test_server_default_change() -> None:
    plan = plan_for(orders(), orders(changed(rating={"type": "int", "default": 1})))
    (alter,) = plan.upgrade
    assert isinstance(alter, AlterColumnOp)
    assert (alter.old.server_default, alter.new.server_default) == (None, 'sa.text("1")')


def test_enum_values() -> None:
    more = {"type": "enum", "values": ["pending", "paid", "void"], "default": "pending"}
    added = plan_for(orders(), orders(changed(status=more)))
    (alter,) = added.upgrade
    assert isinstance(alter, AlterColumnOp)
    assert '"void"' in alter.new.type
    assert not added.destructive
    fewer = {"type": "enum", "values": ["pending"], "default": "pending"}
    removed = plan_for(orders(), orders(changed(status=fewer)))
    assert removed.losses == (
        "removes value(s) 'paid' from orders.status; rows holding them fail the upgrade",
    )


def test_unique_and_index_changes() -> None:
    plan = plan_for(
        orders(),
        orders(
            changed(
                number={"type": "str", "max_length": 32},
                rating={"type": "int", "index": True},
                notes={"type": "text", "required": False, "unique": True},
            )
        ),
    )
    kinds = [
        (type(op).__name__, getattr(op, "unique", getattr(op, "index", None)).name)
        for op in plan.upgrade
    ]
    assert kinds == [
        ("DropUniqueOp", "uq_orders_number"),
        ("CreateUniqueOp", "uq_orders_notes"),
        ("CreateIndexOp", "ix_orders_rating"),
    ]
    assert not plan.destructive
    assert plan.default_message() == "alter orders.notes, orders.number, orders.rating"


def test_unique_on_an_indexed_column_recreates_the_index() -> None:
    plan = plan_for(
        orders(changed(rating={"type": "int", "index": True})),
        orders(changed(rating={"type": "int", "index": True, "unique": True})),
    )
    assert [type(op) for op in plan.upgrade] == [DropIndexOp, CreateIndexOp]
    last = plan.upgrade[-1]
    assert isinstance(last, CreateIndexOp)
    assert last.index.unique


def test_on_delete_change_recreates_the_foreign_key() -> None:
    plan = plan_for(
        orders(),
        orders(customer={"target": "Customer", "on_delete": "cascade"}),
    )
    assert [type(op) for op in plan.upgrade] == [DropForeignKeyOp, CreateForeignKeyOp]
    drop, create = plan.upgrade
    assert isinstance(drop, DropForeignKeyOp)
    assert isinstance(create, CreateForeignKeyOp)
    assert (drop.foreign_key.ondelete, create.foreign_key.ondelete) == ("RESTRICT", "CASCADE")
    assert plan.default_message() == "alter orders.customer_id"


def test_field_rename_only_when_declared() -> None:
    fields = {k: v for k, v in BASE_FIELDS.items() if k != "rating"}
    undeclared = plan_for(orders(), orders({**fields, "score": "int"}))
    assert [type(op) for op in undeclared.upgrade] == [AddColumnOp, DropColumnOp]
    declared = plan_for(
        orders(), orders({**fields, "score": {"type": "int", "renamed_from": "rating"}})
    )
    (alter,) = declared.upgrade
    assert isinstance(alter, AlterColumnOp)
    assert (alter.old.name, alter.new.name, alter.renames) == ("rating", "score", True)
    assert not declared.destructive
    assert declared.default_message() == "rename orders.rating to orders.score"


def test_a_migrated_rename_hint_is_harmless() -> None:
    fields = {**{k: v for k, v in BASE_FIELDS.items() if k != "rating"}}
    renamed = orders({**fields, "score": {"type": "int", "renamed_from": "rating"}})
    assert plan_for(renamed, renamed).is_empty
    # The old name coming back as another field is a new column, not a second rename.
    again = orders({**fields, "score": {"type": "int", "renamed_from": "rating"}, "rating": "int?"})
    plan = plan_for(renamed, again)
    assert [type(op) for op in plan.upgrade] == [AddColumnOp]


def test_relation_rename_moves_its_column_index_and_foreign_key() -> None:
    plan = plan_for(orders(), orders(buyer={"target": "Customer", "renamed_from": "customer"}))
    assert [type(op).__name__ for op in plan.upgrade] == [
        "DropForeignKeyOp",
        "DropIndexOp",
        "AlterColumnOp",
        "CreateIndexOp",
        "CreateForeignKeyOp",
    ]
    alter = plan.upgrade[2]
    assert isinstance(alter, AlterColumnOp)
    assert (alter.old.name, alter.new.name) == ("customer_id", "buyer_id")
    assert plan.default_message() == "rename orders.customer_id to orders.buyer_id"


def test_new_table_and_new_relation_to_it() -> None:
    tag = spec({"entity": "Tag", "timestamps": False, "fields": {"label": "str"}})
    old = orders()
    new_orders = orders(customer={"target": "Customer"}, tag={"target": "Tag", "required": False})
    plan = plan_for(old, [*new_orders, tag])
    names = [type(op).__name__ for op in plan.upgrade]
    assert names == ["AddColumnOp", "CreateTableOp", "CreateIndexOp", "CreateForeignKeyOp"]
    assert plan.default_message() == "create tags; add orders.tag_id"


def test_renames_with_stale_hints_are_ignored() -> None:
    old, new = build_snapshot(orders()), build_snapshot(orders())
    stale = Renames(columns={("orders", "rating"): "nothing", ("gone", "x"): "y"})
    assert diff_snapshots(old, new, stale).is_empty


ENUM = 'sa.Enum({}, name="t_c", native_enum=False, create_constraint=True)'


@pytest.mark.parametrize(
    ("old", "new", "lossless"),
    [
        ("sa.String(length=10)", "sa.String(length=10)", True),
        ("sa.String(length=10)", "sa.Text()", True),
        ("sa.Text()", "sa.String(length=10)", False),
        ("sa.Numeric(precision=10, scale=2)", "sa.Numeric(precision=12, scale=2)", True),
        ("sa.Numeric(precision=10, scale=2)", "sa.Numeric(precision=10, scale=3)", False),
        ("sa.Numeric(precision=10, scale=2)", "sa.Numeric(precision=11, scale=3)", True),
        (
            'sa.Enum("ab", name="t_c", native_enum=False, create_constraint=True)',
            "sa.String(length=2)",
            True,
        ),
        (
            'sa.Enum("abc", name="t_c", native_enum=False, create_constraint=True)',
            "sa.String(length=2)",
            False,
        ),
        ("sa.BigInteger()", "sa.Integer()", False),
        ("sa.Uuid()", "sa.Integer()", False),
    ],
)
def test_type_change_loss(old: str, new: str, lossless: bool) -> None:
    assert (type_change_loss("t.c", old, new) is None) is lossless


def test_entity_rename_renames_its_table_once() -> None:
    old = [spec({"entity": "Purchase", "timestamps": False, "fields": {"n": "int"}})]
    new = [
        spec(
            {
                "entity": "Order",
                "renamed_from": "Purchase",
                "timestamps": False,
                "fields": {"n": "int"},
            }
        )
    ]
    plan = plan_for(old, new)
    first, replace_pk = plan.upgrade
    assert first == RenameTableOp("purchases", "orders")
    assert isinstance(replace_pk, ReplacePrimaryKeyOp)
    assert (replace_pk.old.name, replace_pk.new.name) == ("pk_purchases", "pk_orders")
    assert plan.default_message() == "rename table purchases to orders"
    assert not plan.destructive
    assert plan_for(new, new).is_empty  # once migrated, the hint does nothing
    undeclared = [spec({"entity": "Order", "timestamps": False, "fields": {"n": "int"}})]
    assert plan_for(old, undeclared).losses == ("drops table purchases and its rows",)


def test_entity_rename_keeping_its_table_changes_nothing() -> None:
    old = [spec({"entity": "Purchase", "fields": {"n": "int"}})]
    new = [
        spec(
            {
                "entity": "Order",
                "renamed_from": "Purchase",
                "table": "purchases",
                "fields": {"n": "int"},
            }
        )
    ]
    assert plan_for(old, new).is_empty
