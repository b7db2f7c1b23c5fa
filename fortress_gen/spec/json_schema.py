"""The JSON Schema of the spec format, for editors and `fortress schema`."""

from __future__ import annotations

import json
from typing import Any

from fortress_gen.spec.model import EntitySpec

__all__ = [
    "SCHEMA_DIALECT",
    "SCHEMA_FILE",
    "SCHEMA_ID",
    "SPEC_FORMAT_VERSION",
    "entity_json_schema",
    "render_json_schema",
]

SPEC_FORMAT_VERSION = "0.1"
SCHEMA_DIALECT = "http://json-schema.org/draft-07/schema#"
SCHEMA_ID = f"urn:fortress-gen:schema:entity:{SPEC_FORMAT_VERSION}"
SCHEMA_FILE = ".fortress/entity.schema.json"
"""Where a project keeps the schema (relative to its root); spec modelines point at it."""

_DEFS = "$defs"
_DEFINITIONS = "definitions"


def _draft07(node: Any, *, is_properties: bool = False) -> Any:
    """Rewrite pydantic's 2020-12 output with draft-07 keywords only.

    `$defs` becomes `definitions`, a `$ref` with siblings is wrapped in `allOf` (draft-07
    ignores siblings of `$ref`), generated `title`s of properties are dropped, and objects
    keyed by a name pattern get ``additionalProperties: false``.
    """
    if isinstance(node, list):
        return [_draft07(item) for item in node]
    if not isinstance(node, dict):
        return node
    if is_properties:
        return {key: _draft07(value) for key, value in node.items()}
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == _DEFS:
            out[_DEFINITIONS] = {name: _draft07(sub) for name, sub in value.items()}
        elif key in ("properties", "patternProperties"):
            out[key] = _draft07(value, is_properties=True)
        elif key == "$ref":
            out[key] = value.replace(f"#/{_DEFS}/", f"#/{_DEFINITIONS}/")
        else:
            out[key] = _draft07(value)
    if "$ref" in out and len(out) > 1:
        ref = out.pop("$ref")
        out["allOf"] = [{"$ref": ref}]
    if "patternProperties" in out and "additionalProperties" not in out:
        out["additionalProperties"] = False
    if "properties" in node:
        for prop in out["properties"].values():
            if isinstance(prop, dict):
                prop.pop("title", None)
    return out


def entity_json_schema() -> dict[str, Any]:
    """Build the JSON Schema of one entity spec file (draft-07 keywords).

    A field accepts both the full mapping and the shorthand string (``int``, ``text?``);
    every object forbids unknown keys.

    Returns:
        The schema as a JSON-ready dict.
    """
    schema = _draft07(EntitySpec.model_json_schema())
    schema.pop("$comment", None)
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": SCHEMA_ID,
        "$comment": f"Fortress entity spec format {SPEC_FORMAT_VERSION} (DESIGN.md §3)",
        **schema,
    }


def render_json_schema() -> str:
    """Render the schema as text: sorted keys, 2-space indent, a trailing newline.

    Returns:
        The text written to `.fortress/entity.schema.json` and printed by `fortress schema`.
    """
    return json.dumps(entity_json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
