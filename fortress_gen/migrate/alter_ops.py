"""Operations on an existing table: columns, unique constraints, and renaming the table.

Like the table-level ops in `fortress_gen.migrate.ops`, each is a frozen record that knows
its reverse and whether it can lose data (`loss`: one sentence for the user, or None).
They render as ``batch_op.*`` calls in ``op.batch_alter_table`` blocks, so SQLite (which
cannot ALTER most things) gets Alembic's move-and-copy and PostgreSQL plain ALTERs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fortress_gen.migrate._base import Operation
from fortress_gen.migrate.snapshot import ColumnSnapshot, PrimaryKeySnapshot, UniqueSnapshot

__all__ = [
    "AddColumnOp",
    "AlterColumnOp",
    "CreateUniqueOp",
    "DropColumnOp",
    "DropUniqueOp",
    "RenameTableOp",
    "ReplaceEnumCheckOp",
    "ReplacePrimaryKeyOp",
    "enum_values",
    "type_change_loss",
]


@dataclass(frozen=True, slots=True)
class AddColumnOp(Operation):
    """``batch_op.add_column``; a NOT NULL column fills existing rows from its server default."""

    table_name: str
    column: ColumnSnapshot

    def reverse(self) -> DropColumnOp:
        """The operation that undoes this one."""
        return DropColumnOp(self.table_name, self.column)


@dataclass(frozen=True, slots=True)
class DropColumnOp(Operation):
    """``batch_op.drop_column``; keeps the column so the downgrade can add it back."""

    table_name: str
    column: ColumnSnapshot

    @property
    def loss(self) -> str | None:
        """What the operation can lose, as a sentence; None when nothing."""
        return f"drops column {self.table_name}.{self.column.name} and its data"

    def reverse(self) -> AddColumnOp:
        """The operation that undoes this one."""
        return AddColumnOp(self.table_name, self.column)


@dataclass(frozen=True, slots=True)
class AlterColumnOp(Operation):
    """``batch_op.alter_column``: rename, type, nullability and server default in one call.

    Attributes:
        table_name: The table (its name after any rename of the table).
        old: The column before.
        new: The column after; a different name renames it.
        fill_nulls: When the column becomes NOT NULL and has a server default, rows holding
            NULL are set to it first (source text of the value), so the upgrade keeps them.
    """

    table_name: str
    old: ColumnSnapshot
    new: ColumnSnapshot
    fill_nulls: str | None = None

    @property
    def loss(self) -> str | None:
        """What the operation can lose, as a sentence; None when nothing."""
        if self.old.type == self.new.type:
            return None
        return type_change_loss(f"{self.table_name}.{self.new.name}", self.old.type, self.new.type)

    @property
    def renames(self) -> bool:
        """True when the column changes its name."""
        return self.old.name != self.new.name

    def reverse(self) -> AlterColumnOp:
        """The operation that undoes this one (NULLs it filled stay filled)."""
        return AlterColumnOp(self.table_name, self.new, self.old)


@dataclass(frozen=True, slots=True)
class CreateUniqueOp(Operation):
    """``batch_op.create_unique_constraint``."""

    table_name: str
    unique: UniqueSnapshot

    def reverse(self) -> DropUniqueOp:
        """The operation that undoes this one."""
        return DropUniqueOp(self.table_name, self.unique)


@dataclass(frozen=True, slots=True)
class DropUniqueOp(Operation):
    """``batch_op.drop_constraint(..., type_="unique")``."""

    table_name: str
    unique: UniqueSnapshot

    def reverse(self) -> CreateUniqueOp:
        """The operation that undoes this one."""
        return CreateUniqueOp(self.table_name, self.unique)


@dataclass(frozen=True, slots=True)
class RenameTableOp(Operation):
    """``op.rename_table``: an entity declared `renamed_from` and its table name changed.

    Indexes and constraints keep their old names through the rename; the plan replaces
    them with the ones the naming convention gives the new table.
    """

    old_name: str
    new_name: str

    def reverse(self) -> RenameTableOp:
        """The operation that undoes this one."""
        return RenameTableOp(self.new_name, self.old_name)


@dataclass(frozen=True, slots=True)
class ReplacePrimaryKeyOp(Operation):
    """The primary key under a new name (after a table rename): drop it, create it again."""

    table_name: str
    old: PrimaryKeySnapshot
    new: PrimaryKeySnapshot

    def reverse(self) -> ReplacePrimaryKeyOp:
        """The operation that undoes this one."""
        return ReplacePrimaryKeyOp(self.table_name, self.new, self.old)


@dataclass(frozen=True, slots=True)
class ReplaceEnumCheckOp(Operation):
    """An enum's CHECK constraint under a new name (after a table rename), same values."""

    table_name: str
    column: str
    old_name: str
    new_name: str
    values: tuple[str, ...]

    def reverse(self) -> ReplaceEnumCheckOp:
        """The operation that undoes this one."""
        return ReplaceEnumCheckOp(
            self.table_name, self.column, self.new_name, self.old_name, self.values
        )


# --- which type changes keep every value ---------------------------------------------------

_LENGTH = re.compile(r"^sa\.String\(length=(\d+)\)$")
_NUMERIC = re.compile(r"^sa\.Numeric\(precision=(\d+), scale=(\d+)\)$")
_ENUM = re.compile(r"^sa\.Enum\((.*), name=.*\)$")
_WIDER: frozenset[tuple[str, str]] = frozenset(
    {
        ("sa.Integer()", "sa.BigInteger()"),
        ("sa.Integer()", "sa.Text()"),
        ("sa.BigInteger()", "sa.Text()"),
    }
)


def enum_values(type_expr: str) -> list[str] | None:
    """The values of an ``sa.Enum(...)`` type's source text; None for other types."""
    match = _ENUM.match(type_expr)
    return re.findall(r'"((?:[^"\\]|\\.)*)"', match.group(1)) if match else None


def type_change_loss(column: str, old: str, new: str) -> str | None:
    """Why changing a column's type can lose data, or None when every value survives.

    Widening keeps values: a longer ``String``, ``String`` or ``Text`` to ``Text``, an enum
    gaining values (or becoming a string long enough), more integer digits of a
    ``Numeric``, ``Integer`` to ``BigInteger``. Anything else can fail or cut values.

    Args:
        column: ``table.column``, for the sentence.
        old: The old type (source text, as in the snapshot).
        new: The new type.

    Returns:
        One sentence, or None.
    """
    if old == new or (old, new) in _WIDER:
        return None
    old_values, new_values = enum_values(old), enum_values(new)
    if old_values is not None and new_values is not None:
        removed = [value for value in old_values if value not in new_values]
        if not removed:
            return None
        listed = ", ".join(repr(value) for value in removed)
        return f"removes value(s) {listed} from {column}; rows holding them fail the upgrade"
    old_length = _text_length(old, old_values)
    new_length = _LENGTH.match(new)
    if new == "sa.Text()" and old_length is not None:
        return None
    if old_length is not None and new_length is not None:
        if int(new_length.group(1)) >= old_length:
            return None
        return (
            f"narrows {column} from {old_length} to {new_length.group(1)} characters;"
            " longer values fail the upgrade (PostgreSQL) or stay too long (SQLite)"
        )
    old_numeric, new_numeric = _NUMERIC.match(old), _NUMERIC.match(new)
    if old_numeric and new_numeric:
        (p1, s1), (p2, s2) = (map(int, m.groups()) for m in (old_numeric, new_numeric))
        if s2 >= s1 and p2 - s2 >= p1 - s1:
            return None
        return f"changes {column} from {old} to {new}, which can round or reject values"
    return f"changes the type of {column} from {old} to {new}, which can fail or lose values"


def _text_length(type_expr: str, enum_values: list[str] | None) -> int | None:
    """The character length of a String, or of an enum's VARCHAR (its longest value)."""
    match = _LENGTH.match(type_expr)
    if match:
        return int(match.group(1))
    if enum_values:
        return max(len(value) for value in enum_values)
    return None
