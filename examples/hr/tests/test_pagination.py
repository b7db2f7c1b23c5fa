"""Keyset pagination: cursors round-trip, bad ones are refused, the condition compares rows."""

import datetime as dt
from decimal import Decimal
from uuid import UUID

import pytest
import sqlalchemy as sa

from hr.core.errors import InvalidCursorError
from hr.repositories.pagination import (
    decode_cursor,
    encode_cursor,
    keyset_after,
)

KEY = (
    dt.datetime(2026, 1, 31, 12, 30, tzinfo=dt.UTC),
    Decimal("12.50"),
    UUID("12345678-1234-5678-1234-567812345678"),
    "näme",
    7,
)
TYPES = (dt.datetime, Decimal, UUID, str, int)

items = sa.table("items", sa.column("price", sa.Numeric()), sa.column("id", sa.Integer()))


def test_cursor_round_trips() -> None:
    cursor = encode_cursor(KEY, tag="-placed_at")

    assert decode_cursor(cursor, TYPES, tag="-placed_at") == KEY
    assert cursor.isascii()


def test_cursor_of_another_order_is_refused() -> None:
    cursor = encode_cursor(KEY, tag="-placed_at")

    with pytest.raises(InvalidCursorError):
        decode_cursor(cursor, TYPES, tag="placed_at")


@pytest.mark.parametrize(
    "cursor",
    ["", "not base64!", "é", "A" * 2000, encode_cursor(["x", 1]), encode_cursor([1, 2, 3])],
)
def test_malformed_cursor_is_refused(cursor: str) -> None:
    with pytest.raises(InvalidCursorError):
        decode_cursor(cursor, (dt.datetime, int))


@pytest.mark.parametrize(("descending", "operator"), [(False, ">"), (True, "<")])
def test_keyset_after_compares_the_whole_key(descending: bool, operator: str) -> None:
    condition = keyset_after((items.c.price, items.c.id), (Decimal("1.5"), 3), descending)

    assert str(condition) == f"(items.price, items.id) {operator} (:param_1, :param_2)"
