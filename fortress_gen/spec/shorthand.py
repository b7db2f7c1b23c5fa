"""The CLI shorthand (`total:decimal customer:ref[Customer]`) and spec -> YAML text."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import PurePosixPath
from typing import Any

import yaml
from pydantic import BaseModel

from fortress_gen.errors import SpecError
from fortress_gen.naming import reserved_entity_reason, reserved_reason
from fortress_gen.spec.json_schema import SCHEMA_FILE
from fortress_gen.spec.model import (
    FIELD_TYPES,
    PASCAL_CASE,
    SNAKE_CASE,
    AccessSpec,
    EntitySpec,
    FieldSpec,
    ListSpec,
    RelationSpec,
)

__all__ = [
    "DEFAULT_SCHEMA_REF",
    "MODELINE_PREFIX",
    "dump_spec_yaml",
    "parse_field_args",
    "schema_ref",
]


def schema_ref(specs: str) -> str:
    """The schema's path relative to a spec file in the `specs` folder (of fortress.yaml).

    Args:
        specs: The specs folder relative to the project root, e.g. ``"specs"``.

    Returns:
        E.g. ``"../.fortress/entity.schema.json"``; ``"../../..."`` for ``"design/specs"``.
    """
    depth = len([part for part in PurePosixPath(specs).parts if part not in (".", "")])
    return "../" * depth + SCHEMA_FILE


DEFAULT_SCHEMA_REF = schema_ref("specs")
"""``../.fortress/entity.schema.json``: the schema a project ships, seen from ``specs/``."""

MODELINE_PREFIX = "# yaml-language-server: $schema="

_TYPE = re.compile(r"(?P<type>[a-z_]+)(?:\[(?P<param>[^\[\]]*)\])?")
_OPTIONS = ("unique", "index", "optional")
_ALLOWED_TYPES = "allowed: " + ", ".join((*FIELD_TYPES, "ref[Entity]"))
_USAGE = "NAME:TYPE[:OPTION...], like title:str[120]:unique, customer:ref[Customer] or notes:text?"


class _ArgError(Exception):
    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def _split(arg: str) -> list[str]:
    """Split on ``:`` outside brackets."""
    parts, depth, current = [], 0, ""
    for char in arg:
        depth += {"[": 1, "]": -1}.get(char, 0)
        if depth < 0 or depth > 1:
            raise _ArgError("unbalanced brackets", _USAGE)
        if char == ":" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    if depth:
        raise _ArgError("unbalanced brackets", _USAGE)
    return [*parts, current]


def _snake(name: str, what: str) -> str:
    if not re.fullmatch(SNAKE_CASE, name):
        raise _ArgError(
            f"{name!r} is not a snake_case {what}", "lowercase letters, digits and _, like order_no"
        )
    return name


def _params(kind: str, param: str) -> dict[str, Any]:
    items = [item.strip() for item in param.split(",")]
    if kind == "str" and re.fullmatch(r"[1-9][0-9]*", param):
        return {"max_length": int(param)}
    if kind == "decimal" and len(items) == 2 and all(i.isdigit() for i in items):
        digits, places = int(items[0]), int(items[1])
        if digits >= 1 and places <= digits:
            return {"max_digits": digits, "decimal_places": places}
    if kind == "enum" and param:
        values = [_snake(item, "enum value") for item in items]
        if len(set(values)) != len(values):
            raise _ArgError("an enum value is listed twice")
        return {"values": tuple(values)}
    forms = {
        "str": "str[MAX_LENGTH], like str[120]",
        "decimal": "decimal[MAX_DIGITS,DECIMAL_PLACES], like decimal[12,2]",
        "enum": "enum[VALUE,...], like enum[draft,published]",
        "ref": "ref[Entity], like ref[Customer]",
    }
    if kind in forms:
        raise _ArgError(f"bad brackets {param!r} for {kind}", forms[kind])
    raise _ArgError(f"{kind} takes no [...]", "only str, decimal, enum and ref do")


def _parse_arg(arg: str) -> tuple[str, FieldSpec | RelationSpec]:
    parts = _split(arg)
    if len(parts) < 2 or not parts[0] or not parts[1]:
        raise _ArgError("expected NAME:TYPE", _USAGE)
    name, type_part, options = parts[0], parts[1], parts[2:]
    optional = False
    last = options[-1] if options else type_part
    if last.endswith("?"):
        optional = True
        if options:
            options[-1] = last[:-1]
        else:
            type_part = last[:-1]
    _snake(name, "name")
    reason = reserved_reason(name)
    if reason:
        raise _ArgError(f"{name!r} is reserved: {reason}", "choose another name")
    match = _TYPE.fullmatch(type_part)
    kind = match["type"] if match else type_part
    if match is None or (kind not in FIELD_TYPES and kind != "ref"):
        raise _ArgError(f"{kind!r} is not a field type", _ALLOWED_TYPES)
    for option in options:
        if option not in _OPTIONS:
            raise _ArgError(f"{option!r} is not an option", "allowed: " + ", ".join(_OPTIONS))
    optional = optional or "optional" in options
    if kind == "ref":
        target = match["param"] or ""
        if not re.fullmatch(PASCAL_CASE, target):
            raise _ArgError(f"bad target {target!r}", "ref[Entity], like ref[Customer]")
        if {"unique", "index"} & set(options):
            raise _ArgError("a ref takes no unique or index", "allowed: optional, or ?")
        return name, RelationSpec(target=target, required=not optional)
    data: dict[str, Any] = {"type": kind, "required": not optional}
    data.update({option: True for option in options if option in ("unique", "index")})
    if match["param"] is not None:
        data.update(_params(kind, match["param"]))
    elif kind == "enum":
        raise _ArgError("an enum needs its values", "enum[VALUE,...], like enum[draft,published]")
    return name, FieldSpec.model_validate(data)


def parse_field_args(entity: str, args: Sequence[str]) -> EntitySpec:
    """Build a spec from the `fortress new-entity` shorthand (DESIGN.md §3).

    ``number:str:unique status:enum[pending,paid]:index total:decimal title:str[120]
    customer:ref[Customer] notes:text? parent:ref[Category]?`` -- options after the type are
    ``unique``, ``index`` and ``optional`` (same as a trailing ``?``); ``str[N]`` sets
    max_length, ``decimal[P,S]`` max_digits and decimal_places, ``ref[Target]`` makes a
    many_to_one relation.

    Args:
        entity: The PascalCase entity name.
        args: The field arguments, in order.

    Returns:
        The spec (not yet checked against the other entities of a project).

    Raises:
        SpecError: An argument is malformed (no location: it names the argument instead).
    """
    if not re.fullmatch(PASCAL_CASE, entity):
        raise SpecError(
            f"entity name {entity!r} is not PascalCase",
            hint="a capital letter, then letters and digits, like OrderItem",
        )
    reason = reserved_entity_reason(entity)
    if reason:
        raise SpecError(f"entity name {entity!r} is reserved: {reason}", hint="choose another name")
    fields: dict[str, FieldSpec] = {}
    relations: dict[str, RelationSpec] = {}
    for index, arg in enumerate(args, start=1):
        try:
            name, spec = _parse_arg(arg)
            if name in fields or name in relations:
                raise _ArgError(f"{name!r} is defined twice")
        except _ArgError as exc:
            raise SpecError(f"argument {index} {arg!r}: {exc.message}", hint=exc.hint) from None
        if isinstance(spec, RelationSpec):
            relations[name] = spec
        else:
            fields[name] = spec
    return EntitySpec(entity=entity, fields=fields, relations=relations)


# --- spec -> YAML ---------------------------------------------------------------------------


def _scalar(value: Any) -> str:
    text = yaml.safe_dump([value], default_flow_style=True, allow_unicode=True, width=2**30)
    return text.strip()[1:-1]


def _flow(value: Any) -> str:
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_scalar(item) for item in value) + "]"
    return _scalar(value)


def _changed(model: BaseModel, baseline: BaseModel) -> Iterator[tuple[str, Any]]:
    """The (key, value) pairs of `model` that differ from `baseline`, in model order."""
    for key in type(model).model_fields:
        value, default = getattr(model, key), getattr(baseline, key)
        if type(value) is not type(default) or value != default:
            yield key, value


def _mapping(pairs: Sequence[tuple[str, Any]]) -> str:
    return "{" + ", ".join(f"{key}: {_flow(value)}" for key, value in pairs) + "}"


def _field_text(field: FieldSpec) -> str:
    changed = [pair for pair in _changed(field, FieldSpec(type=field.type)) if pair[0] != "type"]
    if not changed:
        return field.type
    if changed == [("required", False)]:
        return f"{field.type}?"
    return _mapping([("type", field.type), *changed])


def dump_spec_yaml(spec: EntitySpec, *, schema_ref: str = DEFAULT_SCHEMA_REF) -> str:
    """Write a spec as a readable, deterministic YAML document.

    The first line is the yaml-language-server modeline pointing at the JSON Schema; only
    keys that differ from their (effective) defaults are written; a field that only has a
    type is written ``rating: int`` (or ``notes: text?``), others as a flow mapping.
    Loading the text again gives an equal spec.

    Args:
        spec: The spec.
        schema_ref: The schema path relative to the spec file (default: for ``specs/``).

    Returns:
        The YAML text, ending with a newline.
    """
    lines = [MODELINE_PREFIX + schema_ref, f"entity: {_scalar(spec.entity)}"]
    baseline = EntitySpec(entity=spec.entity)
    for key, value in _changed(spec, baseline):
        if key == "fields":
            lines.append("fields:")
            lines.extend(f"  {name}: {_field_text(field)}" for name, field in value.items())
        elif key == "relations":
            lines.append("relations:")
            for name, rel in value.items():
                pairs = [("target", rel.target)]
                pairs += [
                    p for p in _changed(rel, RelationSpec(target=rel.target)) if p[0] != "target"
                ]
                lines.append(f"  {name}: {_mapping(pairs)}")
        elif key == "list":
            lines.append("list:")
            lines.extend(f"  {k}: {_flow(v)}" for k, v in _changed(value, ListSpec()))
        elif key == "cache":
            lines.append(f"cache: {_mapping(list(value.model_dump().items()))}")
        elif key == "access" and isinstance(value, AccessSpec):
            pairs = [(k, v) for k, v in value.model_dump().items() if v is not None]
            lines.append(f"access: {_mapping(pairs)}")
        elif key != "entity":
            lines.append(f"{key}: {_flow(value)}")
    return "\n".join(lines) + "\n"
