"""The snapshot: column types, server defaults, table layout and the JSON form."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
import sqlalchemy as sa
from migrate_oracle import NAMING_CONVENTION as ORACLE_CONVENTION
from migrate_oracle import oracle_server_default, oracle_type
from migrate_samples import all_types, customer, graph, order, shop, spec

from fortress_gen.errors import SpecError
from fortress_gen.migrate import (
    NAMING_CONVENTION,
    build_snapshot,
    column_type_expr,
    from_json,
    server_default_expr,
    table_name,
    to_json,
)
from fortress_gen.migrate.diff import creation_order
from fortress_gen.migrate.snapshot import (
    ColumnSnapshot,
    ForeignKeySnapshot,
    IndexSnapshot,
    PrimaryKeySnapshot,
    TableSnapshot,
    UniqueSnapshot,
)
from fortress_gen.spec.model import FieldSpec


def field(**data: Any) -> FieldSpec:
    return FieldSpec.model_validate(data)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"type": "str"}, "sa.String(length=255)"),
        ({"type": "str", "max_length": 32}, "sa.String(length=32)"),
        ({"type": "text"}, "sa.Text()"),
        ({"type": "int"}, "sa.Integer()"),
        ({"type": "bigint"}, "sa.BigInteger()"),
        ({"type": "float"}, "sa.Float()"),
        ({"type": "decimal"}, "sa.Numeric(precision=12, scale=2)"),
        (
            {"type": "decimal", "max_digits": 8, "decimal_places": 0},
            "sa.Numeric(precision=8, scale=0)",
        ),
        ({"type": "bool"}, "sa.Boolean()"),
        ({"type": "date"}, "sa.Date()"),
        ({"type": "datetime"}, "sa.DateTime(timezone=True)"),
        ({"type": "time"}, "sa.Time()"),
        ({"type": "uuid"}, "sa.Uuid()"),
        ({"type": "email"}, "sa.String(length=320)"),
        ({"type": "email", "max_length": 100}, "sa.String(length=100)"),
        ({"type": "url"}, "sa.String(length=2083)"),
        (
            {"type": "enum", "values": ["pending", "paid"]},
            'sa.Enum("pending", "paid", name="orders_status", native_enum=False,'
            " create_constraint=True)",
        ),
        ({"type": "json"}, "sa.JSON()"),
        ({"type": "bytes"}, "sa.LargeBinary()"),
    ],
)
def test_column_type_expr(data: dict[str, Any], expected: str) -> None:
    spec_field = field(**data)
    text = column_type_expr(spec_field, table="orders", column="status")
    assert text == expected
    # The text builds the very type the oracle (the models) declare.
    built = eval(text, {"sa": sa})
    assert repr(built) == repr(oracle_type(spec_field, "orders", "status"))


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"type": "str"}, None),
        ({"type": "str", "default": "pending"}, '"pending"'),
        ({"type": "str", "default": "it's"}, '"it\'s"'),
        ({"type": "enum", "values": ["a", "b"], "default": "b"}, '"b"'),
        ({"type": "text", "default": ""}, '""'),
        ({"type": "date", "default": "2024-01-31"}, '"2024-01-31"'),
        ({"type": "int", "default": 0}, 'sa.text("0")'),
        ({"type": "bigint", "default": -7}, 'sa.text("-7")'),
        ({"type": "float", "default": 1.5}, 'sa.text("1.5")'),
        ({"type": "float", "default": 2}, 'sa.text("2")'),
        ({"type": "decimal", "default": 9.99}, 'sa.text("9.99")'),
        ({"type": "decimal", "default": 1e-7}, 'sa.text("0.0000001")'),
        ({"type": "bool", "default": True}, "sa.true()"),
        ({"type": "bool", "default": False}, "sa.false()"),
        ({"type": "uuid", "default": "00000000-0000-0000-0000-000000000000"}, None),
        ({"type": "json", "default": "x"}, None),
    ],
)
def test_server_default_expr(data: dict[str, Any], expected: str | None) -> None:
    spec_field = field(**data)
    assert server_default_expr(spec_field) == expected
    oracle = oracle_server_default(spec_field)
    if expected is None or isinstance(oracle, str):
        assert eval(expected or "None") == oracle
    elif expected.startswith("sa.text"):
        assert Decimal(str(eval(expected, {"sa": sa}))) == Decimal(str(oracle))
    else:
        assert str(eval(expected, {"sa": sa})) == str(oracle)


@pytest.mark.parametrize(
    "data",
    [
        {"type": "int", "default": "zero"},
        {"type": "int", "default": 1.5},
        {"type": "int", "default": True},
        {"type": "bool", "default": "yes"},
        {"type": "str", "default": 3},
        {"type": "decimal", "default": "many"},
    ],
)
def test_server_default_rejects_a_wrong_type(data: dict[str, Any]) -> None:
    with pytest.raises(SpecError, match="does not fit"):
        server_default_expr(field(**data))


def test_naming_convention_is_the_projects() -> None:
    assert dict(NAMING_CONVENTION) == ORACLE_CONVENTION


def test_table_name_defaults_to_snake_plural() -> None:
    assert table_name(spec({"entity": "OrderItem"})) == "order_items"
    assert table_name(spec({"entity": "Category", "table": "cats"})) == "cats"


def test_order_table_layout() -> None:
    snapshot = build_snapshot(shop())
    assert snapshot.table_names == ("customers", "orders")
    orders = snapshot.table("orders")
    assert [c.name for c in orders.columns] == [
        "id",
        "number",
        "status",
        "total",
        "placed_at",
        "notes",
        "rating",
        "customer_id",
        "created_at",
        "updated_at",
        "deleted_at",
    ]
    assert orders.column("id") == ColumnSnapshot("id", "sa.Integer()", nullable=False)
    assert orders.column("customer_id") == ColumnSnapshot("customer_id", "sa.Uuid()", False)
    assert orders.column("notes").nullable
    assert orders.column("status").server_default == '"pending"'
    assert orders.column("created_at") == ColumnSnapshot(
        "created_at", "sa.DateTime(timezone=True)", False, "sa.func.now()"
    )
    assert orders.primary_key == PrimaryKeySnapshot("pk_orders", ("id",))
    assert orders.foreign_keys == (
        ForeignKeySnapshot(
            "fk_orders_customer_id_customers", ("customer_id",), "customers", ("id",), "CASCADE"
        ),
    )
    assert orders.unique_constraints == (UniqueSnapshot("uq_orders_number", ("number",)),)
    assert orders.indexes == (
        IndexSnapshot("ix_orders_customer_id", ("customer_id",)),
        IndexSnapshot("ix_orders_deleted_at", ("deleted_at",)),
        IndexSnapshot("ix_orders_status", ("status",)),
    )


def test_unique_and_index_make_a_unique_index() -> None:
    samples = build_snapshot(all_types()).table("samples")
    assert IndexSnapshot("ix_samples_code", ("code",), unique=True) in samples.indexes
    assert "uq_samples_code" not in {uq.name for uq in samples.unique_constraints}
    assert "created_at" not in {c.name for c in samples.columns}


def test_on_delete_defaults_follow_required() -> None:
    tables = build_snapshot(graph())
    (city_fk,) = tables.table("cities").foreign_keys
    assert city_fk.ondelete == "RESTRICT"  # required, no on_delete
    employees = {fk.columns[0]: fk for fk in tables.table("employees").foreign_keys}
    assert employees["manager_id"].ondelete == "SET NULL"  # optional, no on_delete
    assert employees["manager_id"].referred_table == "employees"
    assert tables.table("cities").column("region_id").type == "sa.Uuid()"


def test_unknown_target_is_a_spec_error() -> None:
    with pytest.raises(SpecError, match="unknown entity Customer"):
        build_snapshot([order()])


def test_one_to_one_and_many_to_many() -> None:
    entities = [
        customer(),
        spec(
            {
                "entity": "Profile",
                "relations": {
                    "customer": {"kind": "one_to_one", "target": "Customer"},
                    "friends": {"kind": "many_to_many", "target": "Customer"},
                },
            }
        ),
    ]
    snapshot = build_snapshot(entities)
    profiles = snapshot.table("profiles")
    assert profiles.indexes == (IndexSnapshot("ix_profiles_customer_id", ("customer_id",), True),)
    assert "friends_id" not in {c.name for c in profiles.columns}
    links = snapshot.table("profiles_friends")
    assert [(c.name, c.type, c.nullable) for c in links.columns] == [
        ("profile_id", "sa.Integer()", False),
        ("friend_id", "sa.Uuid()", False),  # customers have uuid ids
    ]
    assert links.primary_key == PrimaryKeySnapshot(
        "pk_profiles_friends", ("profile_id", "friend_id")
    )
    assert [(fk.name, fk.columns, fk.referred_table, fk.ondelete) for fk in links.foreign_keys] == [
        ("fk_profiles_friends_friend_id_customers", ("friend_id",), "customers", "CASCADE"),
        ("fk_profiles_friends_profile_id_profiles", ("profile_id",), "profiles", "CASCADE"),
    ]
    assert links.indexes == (IndexSnapshot("ix_profiles_friends_friend_id", ("friend_id",)),)
    assert creation_order(snapshot.tables).index("profiles_friends") > max(
        creation_order(snapshot.tables).index(name) for name in ("customers", "profiles")
    )


def test_json_round_trip_and_stable_text() -> None:
    snapshot = build_snapshot([*shop(), *graph(), *all_types()])
    text = json.dumps(to_json(snapshot), sort_keys=True, indent=2)
    assert from_json(json.loads(text)) == snapshot
    again = json.dumps(
        to_json(build_snapshot([*all_types(), *graph(), *reversed(shop())])),
        sort_keys=True,
        indent=2,
    )
    assert again == text


def test_json_shape() -> None:
    data = to_json(build_snapshot([customer()]))
    assert data["format"] == 1
    customers = data["tables"]["customers"]
    assert customers["columns"][0] == {
        "name": "id",
        "type": "sa.Uuid()",
        "nullable": False,
        "server_default": None,
    }
    assert customers["primary_key"] == {"name": "pk_customers", "columns": ["id"]}
    assert customers["unique_constraints"] == [{"name": "uq_customers_email", "columns": ["email"]}]


def test_from_json_normalises_order() -> None:
    table = TableSnapshot(
        "t",
        (ColumnSnapshot("id", "sa.Integer()", False),),
        PrimaryKeySnapshot("pk_t", ("id",)),
        indexes=(IndexSnapshot("ix_b", ("id",)), IndexSnapshot("ix_a", ("id",))),
    )
    data = {"format": 1, "tables": {"t": to_json_table(table)}}
    assert [ix.name for ix in from_json(data).table("t").indexes] == ["ix_a", "ix_b"]


def to_json_table(table: TableSnapshot) -> dict[str, Any]:
    from fortress_gen.migrate.snapshot import SchemaSnapshot

    result: dict[str, Any] = to_json(SchemaSnapshot((table,)))["tables"]["t"]
    return result


@pytest.mark.parametrize(
    "data",
    [{}, {"format": 2, "tables": {}}, {"format": 1, "tables": {"t": {"columns": [{}]}}}, []],
)
def test_from_json_rejects_what_it_cannot_read(data: Any) -> None:
    with pytest.raises(ValueError, match="snapshot"):
        from_json(data)
