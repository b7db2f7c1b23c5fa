"""Migrations of relations: association tables, their renames, and cycles of optional keys."""

from __future__ import annotations

from typing import Any

from fortress_gen.migrate.alter_ops import ReplacePrimaryKeyOp
from fortress_gen.migrate.diff import diff_snapshots
from fortress_gen.migrate.ops import CreateForeignKeyOp, CreateTableOp, RenameTableOp
from fortress_gen.migrate.renames import declared_renames
from fortress_gen.migrate.snapshot import PrimaryKeySnapshot, build_snapshot
from fortress_gen.spec.model import EntitySpec


def _spec(data: dict[str, Any]) -> EntitySpec:
    return EntitySpec.model_validate(data)


TAG = _spec({"entity": "Tag"})


def _product(relation: str, **extra: Any) -> EntitySpec:
    relations = {relation: {"kind": "many_to_many", "target": "Tag", **extra}}
    return _spec({"entity": "Product", "relations": relations})


def test_an_association_table_is_created_after_both_sides() -> None:
    plan = diff_snapshots(None, build_snapshot([_product("tags"), TAG]))
    created = [op.table.name for op in plan.upgrade if isinstance(op, CreateTableOp)]
    assert created.index("products_tags") > max(created.index("products"), created.index("tags"))


def test_renamed_from_renames_the_association_table_and_its_column() -> None:
    old = [_product("labels"), TAG]
    new = [_product("tags", renamed_from="labels"), TAG]
    plan = diff_snapshots(build_snapshot(old), build_snapshot(new), declared_renames(new))
    assert plan.upgrade[0] == RenameTableOp("products_labels", "products_tags")
    # The key gets its new name on the columns the table has then; the column rename follows.
    (key,) = [op for op in plan.upgrade if isinstance(op, ReplacePrimaryKeyOp)]
    assert key.new == PrimaryKeySnapshot("pk_products_tags", ("product_id", "label_id"))
    assert not any(isinstance(op, CreateTableOp) for op in plan.upgrade)


def test_a_cycle_of_optional_keys_adds_its_closing_key_last() -> None:
    department = _spec(
        {
            "entity": "Department",
            "relations": {"head": {"kind": "one_to_one", "target": "Employee", "required": False}},
        }
    )
    employee = _spec({"entity": "Employee", "relations": {"department": {"target": "Department"}}})
    plan = diff_snapshots(None, build_snapshot([department, employee]))
    last = plan.upgrade[-1]
    assert isinstance(last, CreateForeignKeyOp)
    assert last.foreign_key.name == "fk_departments_head_id_employees"
