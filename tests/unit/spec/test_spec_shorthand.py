"""The `new-entity` shorthand and spec -> YAML dumping."""

from __future__ import annotations

from pathlib import Path

import pytest

from fortress_gen.errors import SpecError
from fortress_gen.spec.loader import load_spec_text
from fortress_gen.spec.model import EntitySpec, FieldSpec, RelationSpec
from fortress_gen.spec.shorthand import (
    DEFAULT_SCHEMA_REF,
    dump_spec_yaml,
    parse_field_args,
    schema_ref,
)

DESIGN_EXAMPLE = [
    "number:str:unique",
    "status:enum[pending,paid,shipped]:index",
    "total:decimal",
    "customer:ref[Customer]",
    "notes:text?",
    "title:str[120]",
    "parent:ref[Category]?",
    "price:decimal[10,3]:optional",
]


def _reload(spec: EntitySpec) -> EntitySpec:
    return load_spec_text(dump_spec_yaml(spec), Path(f"specs/{spec.entity}.yaml")).spec


def test_parse_design_example() -> None:
    spec = parse_field_args("Order", DESIGN_EXAMPLE)
    assert spec.fields == {
        "number": FieldSpec(type="str", unique=True),
        "status": FieldSpec(type="enum", values=("pending", "paid", "shipped"), index=True),
        "total": FieldSpec(type="decimal"),
        "notes": FieldSpec(type="text", required=False),
        "title": FieldSpec(type="str", max_length=120),
        "price": FieldSpec(type="decimal", required=False, max_digits=10, decimal_places=3),
    }
    assert spec.relations == {
        "customer": RelationSpec(target="Customer"),
        "parent": RelationSpec(target="Category", required=False),
    }


def test_question_mark_after_options() -> None:
    spec = parse_field_args("Order", ["code:str:unique?"])
    assert spec.fields["code"] == FieldSpec(type="str", unique=True, required=False)


def test_dump_design_example() -> None:
    assert dump_spec_yaml(parse_field_args("Order", DESIGN_EXAMPLE)) == (
        "# yaml-language-server: $schema=../.fortress/entity.schema.json\n"
        "entity: Order\n"
        "fields:\n"
        "  number: {type: str, unique: true}\n"
        "  status: {type: enum, index: true, values: [pending, paid, shipped]}\n"
        "  total: decimal\n"
        "  notes: text?\n"
        "  title: {type: str, max_length: 120}\n"
        "  price: {type: decimal, required: false, max_digits: 10, decimal_places: 3}\n"
        "relations:\n"
        "  customer: {target: Customer}\n"
        "  parent: {target: Category, required: false}\n"
    )


def test_dump_writes_only_non_defaults_and_quotes_ambiguous_scalars() -> None:
    spec = EntitySpec(
        entity="Order",
        description="An order: yes, really",
        table="sales_orders",
        id="uuid",
        timestamps=False,
        soft_delete=True,
        access="public",
        operations=("list", "get"),
        fields={
            "answer": FieldSpec(type="enum", values=("yes", "no"), default="yes"),
            "code": FieldSpec(type="str", default="10:30", description="#1 code"),
            "born": FieldSpec(type="date", default="2024-01-31"),
        },
        list={"page_size": 10, "filters": ("answer",), "sort": ("-code",)},
    )
    text = dump_spec_yaml(spec)
    assert text == (
        "# yaml-language-server: $schema=../.fortress/entity.schema.json\n"
        "entity: Order\n"
        "description: 'An order: yes, really'\n"
        "table: sales_orders\n"
        "id: uuid\n"
        "timestamps: false\n"
        "soft_delete: true\n"
        "access: public\n"
        "operations: [list, get]\n"
        "fields:\n"
        "  answer: {type: enum, default: 'yes', values: ['yes', 'no']}\n"
        "  code: {type: str, default: '10:30', description: '#1 code'}\n"
        "  born: {type: date, default: '2024-01-31'}\n"
        "list:\n"
        "  page_size: 10\n"
        "  filters: [answer]\n"
        "  sort: [-code]\n"
    )
    assert _reload(spec) == spec


def test_dump_minimal_spec() -> None:
    assert dump_spec_yaml(EntitySpec(entity="Tag"), schema_ref="x.json") == (
        "# yaml-language-server: $schema=x.json\nentity: Tag\n"
    )


def test_schema_ref() -> None:
    assert DEFAULT_SCHEMA_REF == "../.fortress/entity.schema.json"
    assert schema_ref("specs") == DEFAULT_SCHEMA_REF
    assert schema_ref("design/specs") == "../../.fortress/entity.schema.json"


def test_round_trip_of_design_example() -> None:
    spec = parse_field_args("Order", DESIGN_EXAMPLE)
    assert _reload(spec) == spec


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["number:str", "x:int", "total:money"],
            "argument 3 'total:money': 'money' is not a field type (allowed: str, text, int,"
            " bigint, float, decimal, bool, date, datetime, time, uuid, email, url, enum, json,"
            " bytes, ref[Entity])",
        ),
        (
            ["number"],
            "argument 1 'number': expected NAME:TYPE (NAME:TYPE[:OPTION...], like"
            " title:str[120]:unique, customer:ref[Customer] or notes:text?)",
        ),
        (
            ["Number:str"],
            "argument 1 'Number:str': 'Number' is not a snake_case name (lowercase letters,"
            " digits and _, like order_no)",
        ),
        (
            ["class:str"],
            "argument 1 'class:str': 'class' is reserved: a Python keyword (choose another name)",
        ),
        (
            ["code:str:uniq"],
            "argument 1 'code:str:uniq': 'uniq' is not an option (allowed: unique, index,"
            " optional)",
        ),
        (
            ["code:str[0]"],
            "argument 1 'code:str[0]': bad brackets '0' for str (str[MAX_LENGTH], like str[120])",
        ),
        (
            ["qty:int[3]"],
            "argument 1 'qty:int[3]': int takes no [...] (only str, decimal, enum and ref do)",
        ),
        (
            ["state:enum"],
            "argument 1 'state:enum': an enum needs its values (enum[VALUE,...], like"
            " enum[draft,published])",
        ),
        (
            ["state:enum[a,B]"],
            "argument 1 'state:enum[a,B]': 'B' is not a snake_case enum value (lowercase"
            " letters, digits and _, like order_no)",
        ),
        (
            ["c:ref[customer]"],
            "argument 1 'c:ref[customer]': bad target 'customer' (ref[Entity], like ref[Customer])",
        ),
        (
            ["c:ref[Customer]:unique"],
            "argument 1 'c:ref[Customer]:unique': a ref takes no unique or index (allowed:"
            " optional, or ?)",
        ),
        (["a:int", "a:str"], "argument 2 'a:str': 'a' is defined twice"),
        (
            ["a:str[12"],
            "argument 1 'a:str[12': unbalanced brackets (NAME:TYPE[:OPTION...], like"
            " title:str[120]:unique, customer:ref[Customer] or notes:text?)",
        ),
    ],
)
def test_bad_arguments(args: list[str], expected: str) -> None:
    with pytest.raises(SpecError) as info:
        parse_field_args("Order", args)
    assert info.value.location is None
    assert str(info.value) == expected


@pytest.mark.parametrize(
    ("entity", "expected"),
    [
        (
            "order",
            "entity name 'order' is not PascalCase (a capital letter, then letters and"
            " digits, like OrderItem)",
        ),
        (
            "User",
            "entity name 'User' is reserved: the built-in User entity of every generated"
            " project (choose another name)",
        ),
    ],
)
def test_bad_entity_name(entity: str, expected: str) -> None:
    with pytest.raises(SpecError) as info:
        parse_field_args(entity, [])
    assert str(info.value) == expected
