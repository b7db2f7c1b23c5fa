"""The base of every request schema: strict about unknown fields, nulls and unstorable text."""

import datetime as dt
from typing import Annotated, Any, ClassVar, get_args, get_origin

from pydantic import (
    AwareDatetime,
    BaseModel,
    ConfigDict,
    JsonValue,
    NaiveDatetime,
    ValidationInfo,
    field_validator,
)
from pydantic.config import JsonDict

# Text without NUL characters, which the validator below refuses (ECMA-262 and Python syntax).
NO_NUL_PATTERN = "^[^\\u0000]*$"
BASE64_PATTERN = "^(?:[A-Za-z0-9+/_-]{4})*$"


def _document_input(schema: JsonDict, model: type[Any]) -> None:
    """Make the OpenAPI of a request schema say all that its validation checks."""
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return
    for name, field in properties.items():
        if isinstance(field, dict):
            _document_text(field)
            _document_decimal(field, model.model_fields.get(name))
    _document_not_null(properties, model)


def _branches(field: dict[str, Any]) -> list[dict[str, Any]]:
    """A property's schema and the choices of its `anyOf`."""
    choices = field.get("anyOf")
    others = [c for c in choices if isinstance(c, dict)] if isinstance(choices, list) else []
    return [field, *others]


def _document_text(field: dict[str, Any]) -> None:
    """Strings refuse NUL characters: say so, unless a pattern of the spec already rules.

    Bytes travel as base64: whole groups of four characters always decode, so that is what
    OpenAPI shows (pydantic also takes a shorter, canonical last group).
    """
    for branch in _branches(field):
        if branch.get("type") != "string" or "pattern" in branch:
            continue
        # pydantic says `format: base64url`; FastAPI's OpenAPI says `contentEncoding: base64`.
        base64 = branch.get("format") == "base64url" or branch.get("contentEncoding") == "base64"
        branch["pattern"] = BASE64_PATTERN if base64 else NO_NUL_PATTERN


def _document_decimal(field: dict[str, Any], info: Any) -> None:
    """A decimal's digits: `max_digits` and `decimal_places` as JSON Schema bounds."""
    digits = places = None
    signed = True
    for constraint in getattr(info, "metadata", ()):
        for bound in ("ge", "gt"):
            lowest = getattr(constraint, bound, None)
            if lowest is not None and lowest >= 0:
                signed = False
        if getattr(constraint, "max_digits", None) is not None:
            digits = constraint.max_digits
        if getattr(constraint, "decimal_places", None) is not None:
            places = constraint.decimal_places
    if digits is None or places is None:
        return
    whole = digits - places
    for branch in _branches(field):
        if branch.get("type") == "number":
            branch.setdefault("exclusiveMaximum", 10**whole)
            branch.setdefault("exclusiveMinimum", -(10**whole))
            branch["multipleOf"] = 10**-places if places else 1
        elif branch.get("type") == "string":
            fraction = f"(\\.{_digits(places)})?" if places else ""
            sign = "-?" if signed else ""
            branch["pattern"] = f"^{sign}{_digits(whole)}{fraction}$"


def _digits(most: int) -> str:
    """A regular expression of 1 to `most` decimal digits."""
    return "\\d{1," + str(most) + "}"


def _document_not_null(properties: dict[str, Any], model: type[Any]) -> None:
    """Show the fields of `NOT_NULL` in OpenAPI as they are: optional, but never null."""
    for name in getattr(model, "NOT_NULL", ()):
        field = properties.get(name)
        any_of = field.get("anyOf") if isinstance(field, dict) else None
        if not isinstance(field, dict) or not isinstance(any_of, list):
            continue
        choices = [c for c in any_of if not (isinstance(c, dict) and c.get("type") == "null")]
        field.pop("default", None)
        if len(choices) == 1 and isinstance(choices[0], dict):
            del field["anyOf"]
            field.update(choices[0])
        else:
            field["anyOf"] = choices


class InputSchema(BaseModel):
    """A request body or query: unknown fields and NUL characters are refused with a 422.

    PostgreSQL cannot store NUL in text, so without this check such a value would pass
    validation and fail in the database instead. Fields named in `NOT_NULL` may be left out
    (a partial update) but not sent as null, since their columns hold a value.
    """

    model_config = ConfigDict(extra="forbid", json_schema_extra=_document_input)

    NOT_NULL: ClassVar[frozenset[str]] = frozenset()

    @field_validator("*", mode="before")
    @classmethod
    def _check_value(cls, value: object, info: ValidationInfo) -> object:
        if value is None and info.field_name in cls.NOT_NULL:
            raise ValueError("may not be null")
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("must not contain NUL characters")
        if isinstance(value, bool) and not _is_boolean(cls, info.field_name):
            raise ValueError("must be a number or text, not true or false")
        if isinstance(value, int | float) and _is_temporal(cls, info.field_name):
            # Pydantic would read a number as a Unix time; OpenAPI documents ISO 8601 text.
            raise ValueError("must be an ISO 8601 string")
        return value


# Pydantic's aware and naive datetimes are marker classes, not datetime subclasses.
_TEMPORAL_TYPES = (dt.date, dt.time, AwareDatetime, NaiveDatetime)


def _is_boolean(model: type[BaseModel], name: str | None) -> bool:
    """Whether a field takes true or false (pydantic would read them as 1 and 0 elsewhere).

    A bool does, and so does a JSON value, where true and false are values like any other.
    """
    return any(t is bool or t is JsonValue for t in _field_types(model, name))


def _is_temporal(model: type[BaseModel], name: str | None) -> bool:
    """Whether a field holds a date, a datetime or a time (alone or in a union)."""
    types = _field_types(model, name)
    return any(isinstance(t, type) and issubclass(t, _TEMPORAL_TYPES) for t in types)


def _field_types(model: type[BaseModel], name: str | None) -> list[Any]:
    """A field's type and, for a union, each of its members, without `Annotated` wrappers."""
    field = model.model_fields.get(name or "")
    if field is None:
        return []
    members = [field.annotation, *get_args(field.annotation)]
    return [get_args(t)[0] if get_origin(t) is Annotated else t for t in members]
