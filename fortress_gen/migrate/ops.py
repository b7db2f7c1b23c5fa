"""Migration operations: small typed records of schema changes, and the plan that orders them.

Modelled on Alembic's `alembic.operations.ops` (one class per operation, each knowing its
reverse and what it can lose) without importing Alembic: `fortress_gen.migrate.render`
turns them into the `op.*` calls of a revision file. Operations inside an existing table
live in `fortress_gen.migrate.alter_ops`.
"""

from __future__ import annotations

from dataclasses import dataclass

from fortress_gen.migrate._base import Operation
from fortress_gen.migrate.alter_ops import (
    AddColumnOp,
    AlterColumnOp,
    CreateUniqueOp,
    DropColumnOp,
    DropUniqueOp,
    RenameTableOp,
    ReplaceEnumCheckOp,
    ReplacePrimaryKeyOp,
)
from fortress_gen.migrate.snapshot import ForeignKeySnapshot, IndexSnapshot, TableSnapshot

__all__ = [
    "AddColumnOp",
    "AlterColumnOp",
    "CreateForeignKeyOp",
    "CreateIndexOp",
    "CreateTableOp",
    "CreateUniqueOp",
    "DropColumnOp",
    "DropForeignKeyOp",
    "DropIndexOp",
    "DropTableOp",
    "DropUniqueOp",
    "MigrationOp",
    "MigrationPlan",
    "RenameTableOp",
    "ReplaceEnumCheckOp",
    "ReplacePrimaryKeyOp",
    "reverse_ops",
]


@dataclass(frozen=True, slots=True)
class CreateTableOp(Operation):
    """``op.create_table``: columns, primary key, foreign keys and unique constraints.

    Indexes are separate `CreateIndexOp`s, as Alembic renders them.
    """

    table: TableSnapshot

    def reverse(self) -> DropTableOp:
        """The operation that undoes this one."""
        return DropTableOp(self.table)


@dataclass(frozen=True, slots=True)
class DropTableOp(Operation):
    """``op.drop_table``; keeps the whole table so the downgrade can re-create it."""

    table: TableSnapshot

    @property
    def loss(self) -> str | None:
        """What the operation can lose, as a sentence; None when nothing."""
        return f"drops table {self.table.name} and its rows"

    def reverse(self) -> CreateTableOp:
        """The operation that undoes this one."""
        return CreateTableOp(self.table)


@dataclass(frozen=True, slots=True)
class CreateIndexOp(Operation):
    """``op.create_index`` on one table."""

    table_name: str
    index: IndexSnapshot

    def reverse(self) -> DropIndexOp:
        """The operation that undoes this one."""
        return DropIndexOp(self.table_name, self.index)


@dataclass(frozen=True, slots=True)
class DropIndexOp(Operation):
    """``op.drop_index``."""

    table_name: str
    index: IndexSnapshot

    def reverse(self) -> CreateIndexOp:
        """The operation that undoes this one."""
        return CreateIndexOp(self.table_name, self.index)


@dataclass(frozen=True, slots=True)
class CreateForeignKeyOp(Operation):
    """``batch_op.create_foreign_key``: a foreign key added after its table exists.

    Used when new tables refer to each other in a cycle, so that PostgreSQL finds every
    referred table; rendered in ``op.batch_alter_table`` so SQLite can do it too.
    """

    table_name: str
    foreign_key: ForeignKeySnapshot

    def reverse(self) -> DropForeignKeyOp:
        """The operation that undoes this one."""
        return DropForeignKeyOp(self.table_name, self.foreign_key)


@dataclass(frozen=True, slots=True)
class DropForeignKeyOp(Operation):
    """``batch_op.drop_constraint(..., type_="foreignkey")``."""

    table_name: str
    foreign_key: ForeignKeySnapshot

    def reverse(self) -> CreateForeignKeyOp:
        """The operation that undoes this one."""
        return CreateForeignKeyOp(self.table_name, self.foreign_key)


MigrationOp = (
    CreateTableOp
    | DropTableOp
    | CreateIndexOp
    | DropIndexOp
    | CreateForeignKeyOp
    | DropForeignKeyOp
    | AddColumnOp
    | DropColumnOp
    | AlterColumnOp
    | CreateUniqueOp
    | DropUniqueOp
    | RenameTableOp
    | ReplacePrimaryKeyOp
    | ReplaceEnumCheckOp
)
"""Every operation a plan can hold; `render` has one renderer per class."""


def reverse_ops(ops: tuple[MigrationOp, ...]) -> tuple[MigrationOp, ...]:
    """The operations that undo `ops`: each one reversed, in reverse order.

    Args:
        ops: Upgrade operations.

    Returns:
        The matching downgrade operations.
    """
    return tuple(op.reverse() for op in reversed(ops))


@dataclass(frozen=True, slots=True)
class MigrationPlan:
    """What one revision does, upgrade and downgrade.

    Attributes:
        upgrade: The operations of ``upgrade()``, in order.
        downgrade: The operations of ``downgrade()``: the upgrade reversed.
    """

    upgrade: tuple[MigrationOp, ...] = ()
    downgrade: tuple[MigrationOp, ...] = ()

    @property
    def is_empty(self) -> bool:
        """True when there is nothing to migrate."""
        return not self.upgrade

    @property
    def destructive(self) -> bool:
        """True when the upgrade can lose data, so it needs the user's explicit consent."""
        return any(op.destructive for op in self.upgrade)

    @property
    def losses(self) -> tuple[str, ...]:
        """What the upgrade can lose, one sentence per destructive operation, in order."""
        return tuple(op.loss for op in self.upgrade if op.loss is not None)

    @property
    def created_tables(self) -> tuple[str, ...]:
        """Names of the tables the upgrade creates, in order."""
        return tuple(op.table.name for op in self.upgrade if isinstance(op, CreateTableOp))

    @property
    def dropped_tables(self) -> tuple[str, ...]:
        """Names of the tables the upgrade drops, in order."""
        return tuple(op.table.name for op in self.upgrade if isinstance(op, DropTableOp))

    def default_message(self) -> str:
        """A revision message naming what changes, e.g. ``add orders.notes; alter customers.email``.

        Returns:
            The message (its slug names the file); the same for the same plan.
        """
        from fortress_gen.migrate.message import describe

        return describe(self.upgrade)
