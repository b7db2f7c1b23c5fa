"""The spec model: effective defaults every later stage reads."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from fortress_gen.spec.model import EntitySpec, FieldSpec, RelationSpec


def test_str_gets_an_effective_max_length() -> None:
    assert FieldSpec(type="str").max_length == 255
    assert FieldSpec(type="str", max_length=32).max_length == 32
    assert FieldSpec.model_validate({"type": "str", "max_length": None}).max_length == 255
    assert FieldSpec(type="text").max_length is None
    assert FieldSpec(type="email").max_length is None


def test_decimal_gets_effective_digits() -> None:
    field = FieldSpec(type="decimal")
    assert (field.max_digits, field.decimal_places) == (12, 2)
    field = FieldSpec(type="decimal", max_digits=6)
    assert (field.max_digits, field.decimal_places) == (6, 2)
    assert FieldSpec(type="float").max_digits is None


def test_shorthand_field_values() -> None:
    spec = EntitySpec.model_validate({"entity": "Order", "fields": {"a": "int", "b": "text?"}})
    assert spec.fields == {"a": FieldSpec(type="int"), "b": FieldSpec(type="text", required=False)}


@pytest.mark.parametrize(
    ("entity", "table", "route"),
    [
        ("Order", "orders", "orders"),
        ("OrderItem", "order_items", "order-items"),
        ("Category", "categories", "categories"),
        ("Person", "people", "people"),
        ("HTTPLog", "http_logs", "http-logs"),
    ],
)
def test_table_and_route_are_filled(entity: str, table: str, route: str) -> None:
    spec = EntitySpec(entity=entity)
    assert (spec.table, spec.route) == (table, route)
    assert (spec.table_name, spec.route_name) == (table, route)


def test_explicit_table_and_route_are_kept() -> None:
    spec = EntitySpec(entity="Order", table="sales", route="shop/orders")
    assert (spec.table_name, spec.route_name) == ("sales", "shop/orders")


def test_effective_on_delete() -> None:
    assert RelationSpec(target="A").effective_on_delete == "restrict"
    assert RelationSpec(target="A", required=False).effective_on_delete == "set_null"
    assert RelationSpec(target="A", on_delete="cascade").effective_on_delete == "cascade"


def test_models_are_frozen_and_strict_about_keys() -> None:
    spec = EntitySpec(entity="Order")
    with pytest.raises(ValidationError):
        spec.entity = "Other"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        FieldSpec.model_validate({"type": "int", "uniqe": True})
