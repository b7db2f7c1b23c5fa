"""Keyset (cursor) pagination, the one SQL helper the repositories share.

A cursor holds the sort key of the last row of a page and a tag naming the list order it
belongs to, as JSON in URL-safe base64; clients treat it as opaque. `keyset_after` turns
the key back into the condition selecting the rows after it, which stays fast and stable
however deep the page.
"""

import base64
import binascii
from collections.abc import Sequence
from functools import cache
from types import GenericAlias
from typing import Any

import pydantic_core
import sqlalchemy as sa
from pydantic import TypeAdapter, ValidationError
from sqlalchemy.orm import InstrumentedAttribute

from hr.core.errors import InvalidCursorError

MAX_CURSOR_LENGTH = 1024


def encode_cursor(values: Sequence[object], *, tag: str = "") -> str:
    """Encode the sort key of a row, e.g. `(order.placed_at, order.id)`, as a cursor.

    Args:
        values: The row's values of the sort columns, in order.
        tag: Names the order (e.g. "-placed_at"), so a cursor of another order is refused.
    """
    payload = pydantic_core.to_json([tag, *values])
    return base64.urlsafe_b64encode(payload).decode("ascii")


def decode_cursor(cursor: str, types: Sequence[type], *, tag: str = "") -> tuple[Any, ...]:
    """Decode a cursor into one value of each of `types`, in order.

    Raises:
        InvalidCursorError: The cursor is malformed, holds other types, or has another tag.
    """
    if len(cursor) > MAX_CURSOR_LENGTH:
        raise InvalidCursorError("Invalid cursor")
    try:
        payload = base64.urlsafe_b64decode(cursor.encode("ascii"))
        found_tag, *values = _cursor_adapter((str, *types)).validate_json(payload)
    except (UnicodeEncodeError, binascii.Error, ValidationError) as error:
        raise InvalidCursorError("Invalid cursor") from error
    if found_tag != tag:
        raise InvalidCursorError("Invalid cursor: it belongs to another sort order")
    return tuple(values)


def keyset_after(
    columns: Sequence[InstrumentedAttribute[Any] | sa.ColumnElement[Any]],
    values: Sequence[object],
    descending: bool,
) -> sa.ColumnElement[bool]:
    """The condition selecting the rows after `values` in the order of `columns`.

    All columns sort in one direction and together must be unique, so end them with the
    primary key: `ORDER BY placed_at DESC, id DESC` pages with `descending=True`.
    """
    if len(columns) != len(values):
        raise ValueError(f"{len(columns)} columns but {len(values)} values")
    key = sa.tuple_(*columns)
    return key < tuple(values) if descending else key > tuple(values)


@cache
def _cursor_adapter(types: tuple[type, ...]) -> TypeAdapter[tuple[Any, ...]]:
    # `tuple[str, dt.datetime, int]`, built at run time; mypy cannot check a type made of values.
    cursor_type: Any = GenericAlias(tuple, types)
    return TypeAdapter(cursor_type)
