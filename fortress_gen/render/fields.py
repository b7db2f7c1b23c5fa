"""Per-field source fragments: type hints, column arguments and pydantic constraints."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from decimal import Decimal

from fortress_gen.literals import escape_text, py_str, py_text
from fortress_gen.migrate.columns import (
    DEFAULT_DECIMAL_PLACES,
    DEFAULT_MAX_DIGITS,
    DEFAULT_MAX_LENGTH,
)
from fortress_gen.spec.model import FieldSpec

__all__ = [
    "API_MAX_LENGTH",
    "INT32_RANGE",
    "INT64_RANGE",
    "JSON_MAX_LENGTH",
    "RESPONSE_TYPES",
    "FieldExpr",
    "decimal_shape",
    "docstring",
    "field_constraints",
    "max_length",
    "python_literal",
    "python_type",
]

INT32_RANGE = (-(2**31), 2**31 - 1)
INT64_RANGE = (-(2**63), 2**63 - 1)

# The Python type each field type has in schemas; models use the same except where noted in
# `model_type`. Names refer to the imports each module gets from `imports_for`.
_PYTHON_TYPES = {
    "str": "str",
    "text": "str",
    "email": "EmailStr",
    "url": "HttpUrlStr",
    "int": "int",
    "bigint": "int",
    "float": "float",
    "decimal": "Decimal",
    "bool": "bool",
    "date": "dt.date",
    "datetime": "dt.datetime",
    "time": "dt.time",
    "uuid": "UUID",
    "json": "JsonInput",
    "bytes": "bytes",
}

API_MAX_LENGTH = {"text": 100_000, "bytes": 1_048_576}
"""What the API accepts of columns without a width: text in characters, bytes in bytes.

The database would store more; the caps keep one request from writing megabytes (OWASP API4).
A spec's `max_length` on a text field overrides the cap.
"""
JSON_MAX_LENGTH = 65_536
"""The cap of a JSON value, as JSON text: `JsonInput` in the project's `schemas/types.py`."""

_MODEL_TYPES = {**_PYTHON_TYPES, "email": "str", "url": "str", "json": "Any"}
RESPONSE_TYPES = {"email": "str", "url": "str", "json": "JsonValue", "time": "TimeOfDay"}
"""Output types that differ from the input's: what is stored is returned as it is."""


@dataclass(frozen=True, slots=True)
class FieldExpr:
    """A field's type as a schema sees it (`python`) and as a model maps it (`model`)."""

    python: str
    model: str


def docstring(text: str, *, indent: int, width: int = 100) -> str:
    """Free text as the inside of a triple-quoted docstring at `indent` spaces.

    Backslashes and quotes are escaped so any text gives valid Python; lines are wrapped to
    fit `width` columns, and a docstring of several lines closes on a line of its own.
    """
    escaped = escape_text(text.strip().replace("\\", "\\\\").replace('"', '\\"'))
    wrapper = textwrap.TextWrapper(
        width=width - indent - 3, break_long_words=False, break_on_hyphens=False
    )
    lines = [wrapped for part in escaped.splitlines() for wrapped in wrapper.wrap(part) or [""]]
    if len(lines) <= 1:
        return lines[0] if lines else ""
    pad = " " * indent
    return "\n".join([lines[0], *(pad + line if line else "" for line in lines[1:]), pad])


def python_type(field: FieldSpec) -> FieldExpr:
    """The Python type of a field's values, for schemas and for `Mapped[...]`."""
    if field.type == "enum":
        literal = "Literal[" + ", ".join(py_str(v) for v in field.values or ()) + "]"
        return FieldExpr(python=literal, model="str")
    return FieldExpr(python=_PYTHON_TYPES[field.type], model=_MODEL_TYPES[field.type])


_FROM_ISO = {"date": "dt.date", "datetime": "dt.datetime", "time": "dt.time"}


def python_literal(value: object, field: FieldSpec) -> str:
    """A spec value (a default or an example) as a Python expression of the field's type."""
    if field.type == "decimal":
        return f'Decimal("{value}")'
    if field.type == "float" and isinstance(value, int) and not isinstance(value, bool):
        return repr(float(value))
    if field.type in _FROM_ISO:
        return f"{_FROM_ISO[field.type]}.fromisoformat({py_str(str(value))})"
    if field.type == "uuid":
        return f"UUID({py_str(str(value))})"
    if field.type == "bytes":
        return repr(str(value).encode())
    if isinstance(value, str):
        return py_text(value)
    return repr(value)


def max_length(field: FieldSpec) -> int | None:
    """The effective `max_length`: the spec's, the column's default width, or the API's cap."""
    if field.max_length is not None:
        return field.max_length
    return DEFAULT_MAX_LENGTH.get(field.type) or API_MAX_LENGTH.get(field.type)


def decimal_shape(field: FieldSpec) -> tuple[int, int]:
    """The effective (max_digits, decimal_places) of a decimal field."""
    digits = field.max_digits if field.max_digits is not None else DEFAULT_MAX_DIGITS
    places = field.decimal_places if field.decimal_places is not None else DEFAULT_DECIMAL_PLACES
    return digits, places


def _bound(value: int | float | Decimal, field: FieldSpec) -> str:
    if field.type == "decimal":
        return f'Decimal("{value}")'
    if field.type == "float":
        return repr(float(value))
    return repr(value)


def field_constraints(field: FieldSpec) -> list[str]:
    """The keyword arguments of `pydantic.Field(...)` that enforce the spec's constraints.

    Integer fields get the range of their column type unless the spec is stricter, so a
    client can never send a value the database rejects with an error instead of a 422.
    """
    args: list[str] = []
    if field.min_length is not None:
        args.append(f"min_length={field.min_length}")
    longest = max_length(field)
    if longest is not None:
        args.append(f"max_length={longest}")
    if field.pattern is not None:
        args.append(f"pattern={py_text(field.pattern)}")
    lower, upper = _column_range(field)
    if field.gt is not None:
        args.append(f"gt={_bound(field.gt, field)}")
    elif field.ge is not None:
        args.append(f"ge={_bound(field.ge, field)}")
    elif lower is not None:
        args.append(f"ge={lower}")
    if field.lt is not None:
        args.append(f"lt={_bound(field.lt, field)}")
    elif field.le is not None:
        args.append(f"le={_bound(field.le, field)}")
    elif upper is not None:
        args.append(f"le={upper}")
    if field.type == "decimal":
        digits, places = decimal_shape(field)
        args.append(f"max_digits={digits}")
        args.append(f"decimal_places={places}")
    if field.description is not None:
        args.append(f"description={py_text(field.description)}")
    if field.example is not None:
        args.append(f"examples=[{python_literal(field.example, field)}]")
    return args


def _column_range(field: FieldSpec) -> tuple[int | None, int | None]:
    if field.type == "int":
        return INT32_RANGE
    if field.type == "bigint":
        return INT64_RANGE
    return (None, None)
