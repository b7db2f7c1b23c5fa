"""Per-entity consistency: options that fit each field type, defaults, list filters and sort."""

from __future__ import annotations

import datetime as dt
import math
import re
import uuid
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from fortress_gen.spec.model import (
    DEFAULT_DECIMAL_PLACES,
    DEFAULT_MAX_DIGITS,
    DEFAULT_STR_MAX_LENGTH,
    EntitySpec,
    FieldSpec,
)

__all__ = [
    "NUMBER_TYPES",
    "STRING_TYPES",
    "Problem",
    "check_field",
    "check_list",
    "list_columns",
    "value_problem",
]

STRING_TYPES = frozenset({"str", "text", "email", "url"})
NUMBER_TYPES = frozenset({"int", "bigint", "float", "decimal"})
_UNSORTABLE = frozenset({"json", "bytes", "text"})
_UNFILTERABLE = frozenset({"json", "bytes"})
_INT_RANGE = {"int": 2**31, "bigint": 2**63}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_URL = re.compile(r"^https?://[^\s/$.?#].\S*$")
_PARSERS = {
    "date": dt.date.fromisoformat,
    "datetime": dt.datetime.fromisoformat,
    "time": dt.time.fromisoformat,
    "uuid": uuid.UUID,
}

Problem = tuple[str | None, str, str | None]
"""(the option it is about, or None for the field; what is wrong; what is allowed)."""


def _show(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if isinstance(value, str) else str(value)


def _options_for_type(field: FieldSpec) -> Iterator[Problem]:
    kind = field.type
    if kind == "enum" and field.values is None:
        yield None, "an enum field needs `values`", "like {type: enum, values: [draft, published]}"
    if kind != "enum" and field.values is not None:
        yield "values", f"only enum fields have values, not {kind}", None
    if field.values is not None and len(set(field.values)) != len(field.values):
        yield "values", "a value is listed twice", None
    groups = (
        (("min_length", "max_length", "pattern"), STRING_TYPES, "str, text, email and url"),
        (("ge", "le", "gt", "lt"), NUMBER_TYPES, "int, bigint, float and decimal"),
        (("max_digits", "decimal_places"), {"decimal"}, "decimal"),
    )
    for options, types, names in groups:
        if kind in types:
            continue
        for option in options:
            if getattr(field, option) is not None:
                yield option, f"{kind} fields have no {option}", f"{option} is for {names}"
    for option in ("unique", "index"):
        if getattr(field, option) and kind in ("json", "bytes"):
            yield option, f"{kind} fields cannot have `{option}: true`", None


def _bounds(field: FieldSpec) -> Iterator[Problem]:
    for option in ("ge", "le", "gt", "lt"):
        value = getattr(field, option)
        if value is None:
            continue
        if isinstance(value, float) and not math.isfinite(value):
            yield option, f"must be a finite number, got {value}", None
        elif field.type in _INT_RANGE and isinstance(value, float) and not value.is_integer():
            yield option, f"an {field.type} bound must be a whole number, got {value}", None
    if field.ge is not None and field.gt is not None:
        yield "gt", "set either ge or gt, not both", None
    if field.le is not None and field.lt is not None:
        yield "lt", "set either le or lt, not both", None
    low = field.ge if field.ge is not None else field.gt
    high = field.le if field.le is not None else field.lt
    if low is not None and high is not None:
        strict = field.gt is not None or field.lt is not None
        if low > high or (strict and low == high):
            yield (
                ("le" if field.le is not None else "lt"),
                f"the range {low}..{high} is empty",
                None,
            )
    if (
        field.min_length is not None
        and field.max_length is not None
        and field.min_length > field.max_length
    ):
        default = field.type == "str" and field.max_length == DEFAULT_STR_MAX_LENGTH
        hint = f"str fields default to max_length {DEFAULT_STR_MAX_LENGTH}" if default else None
        message = f"min_length {field.min_length} exceeds max_length {field.max_length}"
        yield "min_length", message, hint
    if (
        field.max_digits is not None
        and field.decimal_places is not None
        and field.decimal_places > field.max_digits
    ):
        yield (
            "decimal_places",
            f"decimal_places {field.decimal_places} exceeds max_digits {field.max_digits}",
            "decimal fields default to max_digits 12 and decimal_places 2"
            if field.decimal_places == DEFAULT_DECIMAL_PLACES
            or field.max_digits == DEFAULT_MAX_DIGITS
            else None,
        )
    if field.pattern is not None:
        try:
            re.compile(field.pattern)
        except re.error as exc:
            yield "pattern", f"not a valid regular expression: {exc}", None
        else:
            if field.example is None:
                yield (
                    "pattern",
                    "a field with a pattern needs an `example` that matches it",
                    "the generated tests build their values from the example",
                )


def _string_problem(field: FieldSpec, value: str) -> str | None:
    if field.type == "enum":
        values = field.values or ()
        if value not in values:
            return f"{_show(value)} is not one of the values ({', '.join(values)})"
        return None
    if field.max_length is not None and len(value) > field.max_length:
        return f"{_show(value)} is longer than max_length {field.max_length}"
    if field.min_length is not None and len(value) < field.min_length:
        return f"{_show(value)} is shorter than min_length {field.min_length}"
    if field.pattern is not None:
        try:
            if re.search(field.pattern, value) is None:
                return f"{_show(value)} does not match the pattern"
        except re.error:
            return None
    if field.type == "email" and not _EMAIL.match(value):
        return f"{_show(value)} is not an email address"
    if field.type == "url" and not _URL.match(value):
        return f"{_show(value)} is not an http(s) URL"
    return None


def _number_problem(field: FieldSpec, value: int | float | Decimal) -> str | None:
    if field.type in _INT_RANGE:
        limit = _INT_RANGE[field.type]
        if not -limit <= value < limit:
            return f"{value} does not fit an {field.type} column"
    checks = (("ge", ">="), ("gt", ">"), ("le", "<="), ("lt", "<"))
    for option, sign in checks:
        bound = getattr(field, option)
        if bound is not None and not _compare(value, sign, bound):
            return f"{value} is not {sign} {bound}"
    if field.type == "decimal" and isinstance(value, Decimal):
        _, digits, exponent = value.normalize().as_tuple()
        assert isinstance(exponent, int)
        places = max(0, -exponent)
        whole = max(0, len(digits) + exponent)
        if field.decimal_places is not None and places > field.decimal_places:
            return f"{value} has more than {field.decimal_places} decimal places"
        if field.max_digits is not None and whole > field.max_digits - (field.decimal_places or 0):
            return f"{value} has too many digits for max_digits {field.max_digits}"
    return None


def _compare(value: int | float | Decimal, sign: str, bound: int | float) -> bool:
    other = Decimal(str(bound)) if isinstance(value, Decimal) else bound
    return {
        ">=": value >= other,
        ">": value > other,
        "<=": value <= other,
        "<": value < other,
    }[sign]


def value_problem(field: FieldSpec, value: object) -> str | None:
    """Say why `value` cannot be a value of `field` (its default or example).

    Args:
        field: The field.
        value: A scalar from the spec.

    Returns:
        What is wrong, or None when the value fits the type and every constraint.
    """
    kind = field.type
    if kind == "json":
        return None
    if kind in STRING_TYPES or kind in ("enum", "bytes"):
        if not isinstance(value, str):
            return f"expected a string, got {_show(value)}"
        return _string_problem(field, value) if kind != "bytes" else None
    if kind == "bool":
        return None if isinstance(value, bool) else f"expected true or false, got {_show(value)}"
    if kind in _PARSERS:
        return _parsed_problem(kind, value)
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        expected = "a whole number" if kind in _INT_RANGE else "a number"
        return f"expected {expected}, got {_show(value)}"
    number: int | float | Decimal
    if kind == "decimal":
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            return f"expected a number, got {_show(value)}"
        if not number.is_finite():
            return f"expected a finite number, got {_show(value)}"
    elif isinstance(value, str) or (kind in _INT_RANGE and isinstance(value, float)):
        expected = "a whole number" if kind in _INT_RANGE else "a number"
        return f"expected {expected}, got {_show(value)}"
    elif isinstance(value, float) and not math.isfinite(value):
        return f"expected a finite number, got {_show(value)}"
    else:
        number = value
    return _number_problem(field, number)


def _parsed_problem(kind: str, value: object) -> str | None:
    names = {
        "date": "an ISO date (2024-01-31)",
        "datetime": "an ISO datetime (2024-01-31T12:00:00Z)",
        "time": "an ISO time (12:30 or 12:30:00)",
        "uuid": "a UUID",
    }
    if not isinstance(value, str):
        return f"expected {names[kind]}, got {_show(value)}"
    try:
        _PARSERS[kind](value)
    except ValueError:
        return f"expected {names[kind]}, got {_show(value)}"
    return None


def check_field(field: FieldSpec) -> Iterator[Problem]:
    """Check one field on its own: options that fit its type, bounds, default and example.

    Args:
        field: The field.

    Yields:
        One problem per wrong option, as ``(option or None, message, hint)``.
    """
    yield from _options_for_type(field)
    yield from _bounds(field)
    if field.type == "bytes" and field.default is not None:
        yield "default", "bytes fields take no default", None
    for option in ("default", "example"):
        value = getattr(field, option)
        if value is None or (field.type == "bytes" and option == "default"):
            continue
        if field.type == "enum" and field.values is None:
            continue
        problem = value_problem(field, value)
        if problem:
            yield option, problem, None
    if field.unique and not field.writable and field.default is not None:
        yield (
            "unique",
            "a unique read-only field would get its default on every row, so a second row "
            "could never be created",
            "make it writable, drop its default, or drop `unique`",
        )
    if field.required and not field.writable and field.default is None:
        yield (
            "writable",
            ("a required read-only field needs a default"),
            "add `default:`, or make it `required: false`",
        )
    if field.secret and not field.writable:
        yield (
            "secret",
            "a secret field must be writable",
            ("nobody could set it and nobody can read it; drop `writable: false`"),
        )


def list_columns(spec: EntitySpec) -> dict[str, str]:
    """Name the columns a list endpoint may filter or sort on, with their types.

    Args:
        spec: The entity.

    Returns:
        ``{column: type}`` in table order: ``id``, the fields, the foreign keys
        (type ``"fk"``), then ``created_at``/``updated_at`` (type ``"datetime"``).
    """
    columns: dict[str, str] = {"id": spec.id}
    columns.update({name: field.type for name, field in spec.fields.items()})
    columns.update(
        {f"{name}_id": "fk" for name, rel in spec.relations.items() if rel.kind != "many_to_many"}
    )
    if spec.timestamps:
        columns.update({"created_at": "datetime", "updated_at": "datetime"})
    return columns


def check_list(spec: EntitySpec) -> Iterator[tuple[tuple[str | int, ...], str, str | None]]:
    """Check the list options: page sizes, and that filters and sort name usable columns.

    Args:
        spec: The entity.

    Yields:
        ``(path into the spec, message, hint)`` per problem.
    """
    lst = spec.list
    if lst.max_page_size < lst.page_size:
        message = f"max_page_size {lst.max_page_size} is smaller than page_size {lst.page_size}"
        yield ("list", "max_page_size"), message, None
    columns = list_columns(spec)
    allowed = "allowed: " + ", ".join(columns)
    for option in ("filters", "sort"):
        entries: tuple[str, ...] = getattr(lst, option)
        seen: set[str] = set()
        for index, entry in enumerate(entries):
            loc = ("list", option, index)
            name = entry.removeprefix("-") if option == "sort" else entry
            problem = _column_problem(spec, name, columns, option)
            if name in seen:
                yield loc, f"{name!r} is listed twice", None
            elif problem:
                yield loc, problem, allowed if "no column" in problem else None
            seen.add(name)


def _column_problem(
    spec: EntitySpec, name: str, columns: dict[str, str], option: str
) -> str | None:
    if name not in columns:
        return f"{name!r} names no column of {spec.entity}"
    field = spec.fields.get(name)
    kind = columns[name]
    if field is not None and field.secret:
        verb = "filter" if option == "filters" else "sort"
        return f"{name!r} is secret; clients may not {verb} on it"
    if option == "filters":
        return f"cannot filter on {kind} field {name!r}" if kind in _UNFILTERABLE else None
    if kind in _UNSORTABLE:
        return f"cannot sort on {kind} field {name!r}"
    relation = spec.relations.get(name[:-3]) if kind == "fk" else None
    if (field is not None and not field.required) or (
        relation is not None and not relation.required
    ):
        return f"cannot sort on {name!r}: it is optional (null values have no order)"
    return None
