"""The base of every request schema: strict about unknown fields, nulls and unstorable text."""

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, ValidationInfo, field_validator
from pydantic.config import JsonDict


def _document_not_null(schema: JsonDict, model: type[Any]) -> None:
    """Show the fields of `NOT_NULL` in OpenAPI as they are: optional, but never null."""
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return
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

    model_config = ConfigDict(extra="forbid", json_schema_extra=_document_not_null)

    NOT_NULL: ClassVar[frozenset[str]] = frozenset()

    @field_validator("*", mode="before")
    @classmethod
    def _check_value(cls, value: object, info: ValidationInfo) -> object:
        if value is None and info.field_name in cls.NOT_NULL:
            raise ValueError("may not be null")
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("must not contain NUL characters")
        return value
