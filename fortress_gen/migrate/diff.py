"""Snapshot diff: the migration plan that takes the schema of one snapshot to the next.

Every change kind inside a table migrates: columns added, dropped, renamed or altered
(type, nullability, server default, max_length, enum values); unique constraints, indexes
and foreign keys (on_delete too) added, dropped or changed. Tables are created and dropped
whole. A column is renamed only when a spec declares it (`renamed_from`, handed in as
`Renames`); otherwise a new name is a drop plus an add.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol, TypeVar

from fortress_gen.migrate.ops import (
    AddColumnOp,
    AlterColumnOp,
    CreateForeignKeyOp,
    CreateIndexOp,
    CreateTableOp,
    CreateUniqueOp,
    DropColumnOp,
    DropForeignKeyOp,
    DropIndexOp,
    DropUniqueOp,
    MigrationOp,
    MigrationPlan,
    reverse_ops,
)
from fortress_gen.migrate.snapshot import ColumnSnapshot, SchemaSnapshot, TableSnapshot

__all__ = ["Renames", "creation_order", "diff_snapshots"]


@dataclass(frozen=True, slots=True)
class Renames:
    """Column renames the specs declare: (table, new column) -> old column."""

    columns: Mapping[tuple[str, str], str] = field(default_factory=dict)


def diff_snapshots(
    old: SchemaSnapshot | None, new: SchemaSnapshot, renames: Renames | None = None
) -> MigrationPlan:
    """Plan the migration from the schema `old` describes to the one `new` describes.

    The upgrade runs in phases, so that every step finds what it needs: foreign keys, then
    indexes that go or change are dropped; each changed table is altered in one batch
    block (unique constraints that go or change dropped, columns renamed or altered,
    added, dropped, then the new unique constraints); new tables are created, referred-to
    tables first (foreign keys closing a cycle after every table exists); then the new
    indexes and foreign keys of changed tables; removed tables are dropped last,
    dependents first. The downgrade is the upgrade reversed.

    A declared rename applies only while the old column exists in `old` and the new one
    does not: once migrated, the hint is ignored.

    Args:
        old: The snapshot recorded with the last migration, or None before the first one.
        new: The snapshot of the current specs.
        renames: The column renames the specs declare.

    Returns:
        The plan; empty when the schemas agree.
    """
    before = old if old is not None else SchemaSnapshot()
    declared = renames or Renames()
    old_names = set(before.table_names)
    new_names = set(new.table_names)
    created = [new.table(name) for name in sorted(new_names - old_names)]
    dropped = [before.table(name) for name in sorted(old_names - new_names)]
    phases: list[list[MigrationOp]] = [[], [], [], [], []]
    for name in sorted(old_names & new_names):
        table_ops = _table_ops(before.table(name), new.table(name), declared)
        for phase, ops in zip(phases, table_ops, strict=True):
            phase.extend(ops)
    fk_drops, ix_drops, batches, ix_creates, fk_creates = phases
    upgrade = (
        *fk_drops,
        *ix_drops,
        *batches,
        *_creation_ops(created),
        *ix_creates,
        *fk_creates,
        *reverse_ops(_creation_ops(dropped)),
    )
    return MigrationPlan(upgrade=upgrade, downgrade=reverse_ops(upgrade))


def creation_order(tables: Sequence[TableSnapshot]) -> list[str]:
    """The order in which `tables` can be created: referred-to tables first.

    Ties (and cycles) are broken by name, so the order is the same on every run.

    Args:
        tables: Tables to create; foreign keys to other tables count as already created.

    Returns:
        The table names in creation order.
    """
    return [op.table.name for op in _creation_ops(tables) if isinstance(op, CreateTableOp)]


def _creation_ops(tables: Sequence[TableSnapshot]) -> tuple[MigrationOp, ...]:
    """Create `tables` with their indexes; foreign keys closing a cycle come last."""
    names = {table.name for table in tables}
    pending = {table.name: table for table in tables}
    created: set[str] = set()
    ops: list[MigrationOp] = []
    deferred: list[MigrationOp] = []

    def missing(table: TableSnapshot) -> set[str]:
        return _referred(table, names) - created - {table.name}

    while pending:
        name = min(pending, key=lambda n: (len(missing(pending[n])), n))
        table = pending.pop(name)
        late = {fk for fk in table.foreign_keys if fk.referred_table in missing(table)}
        table = replace(
            table, foreign_keys=tuple(fk for fk in table.foreign_keys if fk not in late)
        )
        ops.append(CreateTableOp(table))
        ops.extend(CreateIndexOp(name, index) for index in table.indexes)
        deferred.extend(CreateForeignKeyOp(name, fk) for fk in sorted(late, key=lambda fk: fk.name))
        created.add(name)
    return (*ops, *deferred)


def _referred(table: TableSnapshot, among: Iterable[str]) -> set[str]:
    pool = set(among)
    return {fk.referred_table for fk in table.foreign_keys if fk.referred_table in pool}


def _table_ops(
    old: TableSnapshot, new: TableSnapshot, renames: Renames
) -> tuple[list[MigrationOp], ...]:
    """The ops that turn `old` into `new`, by phase: foreign key drops, index drops, the
    batch block, index creates, foreign key creates.

    Foreign keys get blocks of their own, apart from column renames: in one block with a
    rename of their column, Alembic's batch mode on SQLite silently leaves them out. The
    index phases between keep the blocks apart (a relation's column is always indexed, so
    renaming it changes an index too).
    """
    table = new.name
    old_columns = {column.name: column for column in old.columns}
    new_columns = {column.name: column for column in new.columns}
    sources: dict[str, str] = {}  # new column -> old column
    for name in new_columns:
        declared = renames.columns.get((table, name))
        if name in old_columns:
            sources[name] = name
        elif declared is not None and declared in old_columns and declared not in new_columns:
            sources[name] = declared
    fk_gone, fk_new = _changed(old.foreign_keys, new.foreign_keys)
    ix_gone, ix_new = _changed(old.indexes, new.indexes)
    uq_gone, uq_new = _changed(old.unique_constraints, new.unique_constraints)
    batch: list[MigrationOp] = [DropUniqueOp(table, unique) for unique in uq_gone]
    for name, column in new_columns.items():
        source = sources.get(name)
        if source is not None and old_columns[source] != column:
            before = old_columns[source]
            batch.append(AlterColumnOp(table, before, column, _fill_nulls(before, column)))
    batch += [AddColumnOp(table, c) for name, c in new_columns.items() if name not in sources]
    used = set(sources.values())
    batch += [DropColumnOp(table, c) for name, c in old_columns.items() if name not in used]
    batch += [CreateUniqueOp(table, unique) for unique in uq_new]
    return (
        [DropForeignKeyOp(table, fk) for fk in fk_gone],
        [DropIndexOp(table, index) for index in ix_gone],
        batch,
        [CreateIndexOp(table, index) for index in ix_new],
        [CreateForeignKeyOp(table, fk) for fk in fk_new],
    )


def _fill_nulls(old: ColumnSnapshot, new: ColumnSnapshot) -> str | None:
    """The value for NULLs when a column becomes NOT NULL and has a server default."""
    if old.nullable and not new.nullable and new.server_default is not None:
        return new.server_default
    return None


class _Named(Protocol):
    @property
    def name(self) -> str: ...


_N = TypeVar("_N", bound=_Named)


def _changed(before: Sequence[_N], after: Sequence[_N]) -> tuple[list[_N], list[_N]]:
    """(gone, new): by name; one that changed is both dropped and created again."""
    old = {item.name: item for item in before}
    new = {item.name: item for item in after}
    gone = [item for name, item in sorted(old.items()) if new.get(name) != item]
    added = [item for name, item in sorted(new.items()) if old.get(name) != item]
    return gone, added
