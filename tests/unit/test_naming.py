"""Naming: case conversion, plurals, reserved words and module names per style."""

from __future__ import annotations

import keyword

import pytest

from fortress_gen.naming import (
    RESERVED_FIELD_NAMES,
    is_plural_only,
    is_reserved,
    kebab_case,
    module_stem,
    pascal_case,
    pluralize,
    reserved_entity_reason,
    reserved_reason,
    singularize,
    snake_case,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Order", "order"),
        ("OrderItem", "order_item"),
        ("HTTPLog", "http_log"),
        ("APIKey", "api_key"),
        ("Item2Order", "item2_order"),
        ("orderItem", "order_item"),
        ("order_item", "order_item"),
        ("order-item", "order_item"),
        ("A", "a"),
    ],
)
def test_snake_case(name: str, expected: str) -> None:
    assert snake_case(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("OrderItem", "order-item"), ("HTTPLog", "http-log"), ("order_items", "order-items")],
)
def test_kebab_case(name: str, expected: str) -> None:
    assert kebab_case(name) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("order_item", "OrderItem"), ("order", "Order"), ("http_log", "HttpLog"), ("a-b", "AB")],
)
def test_pascal_case(name: str, expected: str) -> None:
    assert pascal_case(name) == expected


@pytest.mark.parametrize(
    ("word", "plural"),
    [
        ("order", "orders"),
        ("category", "categories"),
        ("company", "companies"),
        ("day", "days"),
        ("key", "keys"),
        ("box", "boxes"),
        ("status", "statuses"),
        ("address", "addresses"),
        ("bus", "buses"),
        ("match", "matches"),
        ("wish", "wishes"),
        ("quiz", "quizzes"),
        ("person", "people"),
        ("child", "children"),
        ("leaf", "leaves"),
        ("analysis", "analyses"),
        ("news", "news"),
        ("series", "series"),
        ("data", "data"),
        ("sheep", "sheep"),
        ("settings", "settings"),
        ("photo", "photos"),
        ("hero", "heroes"),
        ("order_item", "order_items"),
        ("line_category", "line_categories"),
        ("sales_person", "sales_people"),
        ("user_settings", "user_settings"),
        ("Person", "People"),
    ],
)
def test_pluralize(word: str, plural: str) -> None:
    assert pluralize(word) == plural


@pytest.mark.parametrize(
    "word",
    ["tag", "skill", "category", "person", "status", "box", "analysis", "order_item", "news"],
)
def test_singularize_undoes_pluralize(word: str) -> None:
    assert singularize(pluralize(word)) == word


@pytest.mark.parametrize(
    ("word", "single"), [("members", "member"), ("s", "s"), ("glass", "glass")]
)
def test_singularize_leaves_what_is_not_plural(word: str, single: str) -> None:
    assert singularize(word) == single


def test_is_plural_only() -> None:
    assert is_plural_only("news")
    assert is_plural_only("user_settings")
    assert not is_plural_only("order")


@pytest.mark.parametrize(
    ("layer", "fortress", "pep8"),
    [
        ("model", "OrderItem", "order_item"),
        ("schema", "OrderItemSchema", "order_item_schema"),
        ("repository", "OrderItemRepository", "order_item_repository"),
        ("service", "OrderItemService", "order_item_service"),
    ],
)
def test_module_stem(layer: str, fortress: str, pep8: str) -> None:
    assert module_stem("OrderItem", layer, "fortress") == fortress  # type: ignore[arg-type]
    assert module_stem("OrderItem", layer, "pep8") == pep8  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("class", "a Python keyword"),
        ("match", "a Python keyword"),
        ("case", "a Python keyword"),
        ("id", "the primary key"),
        ("created_at", "a column Fortress adds to every entity"),
        ("deleted_at", "a column Fortress adds to every entity"),
        ("sa", "a name generated modules import"),
        ("mapped_column", "a name generated modules import"),
        ("list", "a builtin type used in generated annotations"),
        ("self", "a method parameter in generated code"),
        ("model_config", "in pydantic's protected `model_` namespace"),
        ("model_anything", "in pydantic's protected `model_` namespace"),
        ("metadata", "an attribute of pydantic's BaseModel or SQLAlchemy's DeclarativeBase"),
        ("schema_json", "an attribute of pydantic's BaseModel or SQLAlchemy's DeclarativeBase"),
        ("cursor", "a query parameter of the list endpoint"),
    ],
)
def test_reserved_reason(name: str, reason: str) -> None:
    assert reserved_reason(name) == reason
    assert is_reserved(name)


@pytest.mark.parametrize(
    "name",
    [
        "type",
        "date",
        "time",
        "datetime",
        "format",
        "hash",
        "filter",
        "input",
        "range",
        "max",
        "min",
        "sum",
        "property",
        "decimal",
        "email",
        "url",
        "status",
        "uuid",
        "model",
        "order",
        "name",
    ],
)
def test_names_the_generator_supports_stay_allowed(name: str) -> None:
    assert reserved_reason(name) is None
    assert name not in RESERVED_FIELD_NAMES


def test_every_python_keyword_is_reserved() -> None:
    assert set(keyword.kwlist) <= RESERVED_FIELD_NAMES


def test_reserved_entity_names() -> None:
    assert reserved_entity_reason("User") == "the built-in User entity of every generated project"
    assert reserved_entity_reason("None") == "a Python keyword"
    assert reserved_entity_reason("Base") == "a name generated modules import or define"
    assert reserved_entity_reason("Order") is None
