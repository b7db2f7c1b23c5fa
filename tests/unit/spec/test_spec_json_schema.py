"""The JSON Schema of the spec format (`fortress schema`, `.fortress/entity.schema.json`)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from fortress_gen.spec.json_schema import (
    SCHEMA_DIALECT,
    SCHEMA_ID,
    entity_json_schema,
    render_json_schema,
)


def _objects(node: Any) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        if node.get("type") == "object":
            found.append(node)
        for value in node.values():
            found.extend(_objects(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(_objects(item))
    return found


def test_header() -> None:
    schema = entity_json_schema()
    assert schema["$schema"] == SCHEMA_DIALECT == "http://json-schema.org/draft-07/schema#"
    assert schema["$id"] == SCHEMA_ID
    assert schema["title"] == "Fortress entity spec"
    assert schema["required"] == ["entity"]


def test_rendering_is_deterministic_and_sorted() -> None:
    text = render_json_schema()
    assert text == render_json_schema()
    assert text.endswith("}\n")
    assert text == json.dumps(json.loads(text), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def test_draft07_keywords_only() -> None:
    text = render_json_schema()
    assert "$defs" not in text
    assert "prefixItems" not in text
    for obj in _objects(entity_json_schema()):
        assert obj["additionalProperties"] is False


def test_refs_have_no_siblings() -> None:
    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "$ref" in node:
                assert list(node) == ["$ref"]
                assert node["$ref"].startswith("#/definitions/")
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(entity_json_schema())


def test_field_accepts_shorthand_and_mapping() -> None:
    field_schema = entity_json_schema()["properties"]["fields"]["patternProperties"]
    (alternatives,) = field_schema.values()
    refs = [alt.get("$ref") for alt in alternatives["anyOf"]]
    assert "#/definitions/FieldSpec" in refs
    shorthand = next(alt for alt in alternatives["anyOf"] if alt.get("type") == "string")
    assert "int" in shorthand["enum"]
    assert "text?" in shorthand["enum"]


@pytest.mark.parametrize(
    ("document", "valid"),
    [
        ({"entity": "Order"}, True),
        ({"entity": "Order", "fields": {"a": "int", "b": "text?"}}, True),
        ({"entity": "Order", "fields": {"a": {"type": "str", "max_length": 3}}}, True),
        ({"entity": "Order", "relations": {"c": {"target": "Customer"}}}, True),
        ({"entity": "Order", "list": {"page_size": 5, "sort": ["-a"]}}, True),
        ({}, False),
        ({"entity": "order"}, False),
        ({"entity": "Order", "bogus": 1}, False),
        ({"entity": "Order", "fields": {"A": "int"}}, False),
        ({"entity": "Order", "fields": {"a": "money"}}, False),
        ({"entity": "Order", "fields": {"a": {"type": "int", "uniqe": True}}}, False),
        ({"entity": "Order", "list": {"page_sise": 5}}, False),
    ],
)
def test_schema_validates_documents(document: dict[str, Any], valid: bool) -> None:
    jsonschema_rs = pytest.importorskip("jsonschema_rs")
    validator = jsonschema_rs.Draft7Validator(entity_json_schema())
    assert validator.is_valid(document) is valid
