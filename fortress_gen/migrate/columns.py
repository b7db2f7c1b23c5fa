"""Column types and server defaults: the one mapping from spec fields to SQLAlchemy source.

The model templates and the migrations both spell a column with these strings, so the
models' metadata and the migrated database agree and `alembic check` finds no drift.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from fortress_gen.errors import SpecError
from fortress_gen.literals import py_str
from fortress_gen.spec.model import FieldSpec

__all__ = [
    "DEFAULT_DECIMAL_PLACES",
    "DEFAULT_MAX_DIGITS",
    "DEFAULT_MAX_LENGTH",
    "NOW_EXPR",
    "TIMESTAMP_TYPE",
    "column_type_expr",
    "enum_type_name",
    "id_type_expr",
    "server_default_expr",
]

DEFAULT_MAX_LENGTH: Mapping[str, int] = {"str": 255, "email": 320, "url": 2083}
"""`max_length` when a spec leaves it unset (email: RFC 5321; url: the classic browser cap)."""
DEFAULT_MAX_DIGITS = 12
DEFAULT_DECIMAL_PLACES = 2
TIMESTAMP_TYPE = "sa.DateTime(timezone=True)"
"""The type of datetime fields and of created_at/updated_at/deleted_at."""
NOW_EXPR = "sa.func.now()"
"""The server default of created_at/updated_at (CURRENT_TIMESTAMP on SQLite, now() on PG)."""

_SIMPLE_TYPES: Mapping[str, str] = {
    "text": "sa.Text()",
    "int": "sa.Integer()",
    "bigint": "sa.BigInteger()",
    "float": "sa.Float()",
    "bool": "sa.Boolean()",
    "date": "sa.Date()",
    "datetime": TIMESTAMP_TYPE,
    "time": "sa.Time()",
    "uuid": "sa.Uuid()",
    "json": "sa.JSON()",
    "bytes": "sa.LargeBinary()",
}
_STRING_DEFAULTS = frozenset({"str", "text", "email", "url", "enum", "date", "datetime", "time"})


def id_type_expr(kind: str) -> str:
    """The column type of a primary key (and of foreign keys pointing at it).

    Args:
        kind: The entity's `id`: ``"int"`` or ``"uuid"``.

    Returns:
        ``"sa.Integer()"`` or ``"sa.Uuid()"``.
    """
    return "sa.Uuid()" if kind == "uuid" else "sa.Integer()"


def enum_type_name(table: str, column: str) -> str:
    """The name of an enum type, which names its CHECK constraint (``ck_<table>_<name>``)."""
    return f"{table}_{column}"


def column_type_expr(field: FieldSpec, *, table: str, column: str) -> str:
    """The SQLAlchemy type of a field's column as source text, for models and migrations.

    Args:
        field: The field spec; unset `max_length`/`max_digits`/`decimal_places` get the
            effective defaults (str 255, email 320, url 2083; decimal 12 and 2).
        table: The entity's table (names the enum's CHECK constraint).
        column: The column name (ditto).

    Returns:
        Source text such as ``sa.String(length=32)``, ``sa.Numeric(precision=12, scale=2)``
        or ``sa.Enum("a", "b", name="orders_status", native_enum=False,
        create_constraint=True)`` (a VARCHAR of the longest value plus a CHECK constraint,
        the same on SQLite and PostgreSQL).
    """
    kind = field.type
    if kind in DEFAULT_MAX_LENGTH:
        length = field.max_length or DEFAULT_MAX_LENGTH[kind]
        return f"sa.String(length={length})"
    if kind == "decimal":
        precision = field.max_digits or DEFAULT_MAX_DIGITS
        scale = field.decimal_places if field.decimal_places is not None else DEFAULT_DECIMAL_PLACES
        return f"sa.Numeric(precision={precision}, scale={scale})"
    if kind == "enum":
        values = ", ".join(py_str(value) for value in field.values or ())
        name = py_str(enum_type_name(table, column))
        return f"sa.Enum({values}, name={name}, native_enum=False, create_constraint=True)"
    return _SIMPLE_TYPES[kind]


def server_default_expr(field: FieldSpec) -> str | None:
    """The `server_default=` argument for a field's `default`, as source text.

    Strings (str, text, email, url, enum, date, datetime, time) give a plain Python string
    literal (``"pending"``), which SQLAlchemy quotes; numbers give ``sa.text("0")``; booleans
    ``sa.true()``/``sa.false()`` (1/0 on SQLite, true/false on PostgreSQL). uuid, json and
    bytes fields get no server default (their defaults are applied by the model).

    Args:
        field: The field spec.

    Returns:
        The source text, or None when the column has no server default.

    Raises:
        SpecError: The default does not fit the field's type.
    """
    value = field.default
    if value is None or field.type in {"uuid", "json", "bytes"}:
        return None
    if field.type == "bool":
        if not isinstance(value, bool):
            raise _bad_default(field)
        return "sa.true()" if value else "sa.false()"
    if field.type in _STRING_DEFAULTS:
        if not isinstance(value, str):
            raise _bad_default(field)
        return py_str(value)
    return f"sa.text({py_str(_number_text(field))})"


def _number_text(field: FieldSpec) -> str:
    value = field.default
    if isinstance(value, bool):
        raise _bad_default(field)
    if field.type in {"int", "bigint"}:
        if isinstance(value, int):
            return str(value)
        raise _bad_default(field)
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise _bad_default(field) from None
    if not number.is_finite():
        raise _bad_default(field)
    return str(value) if isinstance(value, int) else format(number, "f")


def _bad_default(field: FieldSpec) -> SpecError:
    return SpecError(
        f"default {field.default!r} does not fit a {field.type} field",
        hint="use a value of the field's type",
    )
