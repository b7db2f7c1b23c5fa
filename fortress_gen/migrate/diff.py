"""Snapshot diff: the migration plan that takes the schema of one snapshot to the next.

Every change kind migrates: tables created, dropped or renamed; columns added, dropped,
renamed or altered (type, nullability, server default, max_length, enum values); unique
constraints, indexes and foreign keys (on_delete too) added, dropped or changed. A table or
column is renamed only when a spec declares it (`renamed_from`, handed in as `Renames`);
otherwise a new name is a drop plus an add.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol, TypeVar

from fortress_gen.migrate.alter_ops import enum_values
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
    RenameTableOp,
    ReplaceEnumCheckOp,
    ReplacePrimaryKeyOp,
    reverse_ops,
)
from fortress_gen.migrate.snapshot import ColumnSnapshot, SchemaSnapshot, TableSnapshot

__all__ = ["Renames", "creation_order", "diff_snapshots"]


@dataclass(frozen=True, slots=True)
class Renames:
    """Renames the specs declare, as table and column names.

    Attributes:
        tables: New table -> old table.
        columns: (new table, new column) -> old column.
    """

    tables: Mapping[str, str] = field(default_factory=dict)
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

    A declared rename applies only while the old name exists in `old` and the new one does
    not: once migrated, the hint is ignored. Renamed tables are renamed first.

    Args:
        old: The snapshot recorded with the last migration, or None before the first one.
        new: The snapshot of the current specs.
        renames: The table and column renames the specs declare.

    Returns:
        The plan; empty when the schemas agree.
    """
    before = old if old is not None else SchemaSnapshot()
    declared = renames or Renames()
    old_names = set(before.table_names)
    new_names = set(new.table_names)
    table_renames = {
        new_name: old_name
        for new_name, old_name in sorted(declared.tables.items())
        if new_name in new_names - old_names and old_name in old_names - new_names
    }
    old_to_new = {old_name: new_name for new_name, old_name in table_renames.items()}
    created = [new.table(name) for name in sorted(new_names - old_names - set(table_renames))]
    dropped = [before.table(name) for name in sorted(old_names - new_names - set(old_to_new))]
    phases: list[list[MigrationOp]] = [[], [], [], [], []]
    for name in sorted(new_names):
        source = table_renames.get(name, name if name in old_names else None)
        if source is None:
            continue
        renamed, prefix = _after_rename(before.table(source), new.table(name), old_to_new)
        table_ops = _table_ops(renamed, new.table(name), declared, prefix)
        for phase, ops in zip(phases, table_ops, strict=True):
            phase.extend(ops)
    fk_drops, ix_drops, batches, ix_creates, fk_creates = phases
    upgrade = (
        *(RenameTableOp(old_name, new_name) for new_name, old_name in table_renames.items()),
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


def _after_rename(
    old: TableSnapshot, new: TableSnapshot, old_to_new: Mapping[str, str]
) -> tuple[TableSnapshot, list[MigrationOp]]:
    """`old` as the database has it once the plan's tables are renamed, and the ops that
    give a renamed table's primary key and enum CHECK constraints their new names.

    A rename keeps every index and constraint name, and foreign keys follow the renamed
    tables they refer to. Index, unique and foreign key names then differ from the new
    table's, so the table diff replaces them.
    """
    table = replace(
        old,
        name=new.name,
        foreign_keys=tuple(
            replace(fk, referred_table=old_to_new.get(fk.referred_table, fk.referred_table))
            for fk in old.foreign_keys
        ),
    )
    if old.name == new.name:
        return table, []
    ops: list[MigrationOp] = []
    if old.primary_key.name != new.primary_key.name:
        # Renamed on the columns the table has now; a column rename later in the batch
        # carries the key along (an association table renames its target's column).
        renamed_key = replace(new.primary_key, columns=old.primary_key.columns)
        ops.append(ReplacePrimaryKeyOp(new.name, old.primary_key, renamed_key))
        table = replace(table, primary_key=new.primary_key)
    for column in old.columns:
        values, enum = enum_values(column.type), _ENUM_NAME.search(column.type)
        if values is not None and enum is not None:
            old_check = f"ck_{old.name}_{enum.group(1)}"
            new_check = f"ck_{new.name}_{enum.group(1)}"
            ops.append(
                ReplaceEnumCheckOp(new.name, column.name, old_check, new_check, tuple(values))
            )
    return table, ops


_ENUM_NAME = re.compile(r'name="([^"]+)"')


def _table_ops(
    old: TableSnapshot,
    new: TableSnapshot,
    renames: Renames,
    prefix: Sequence[MigrationOp] = (),
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
    batch: list[MigrationOp] = [*prefix, *(DropUniqueOp(table, unique) for unique in uq_gone)]
    for name, column in new_columns.items():
        source = sources.get(name)
        if source is not None and old_columns[source] != column:
            batch.extend(_alter(table, old_columns[source], column))
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


def _alter(table: str, old: ColumnSnapshot, new: ColumnSnapshot) -> list[MigrationOp]:
    """One alter; two when NULLs are filled and the type changes too, so that the value
    (say, a new enum value) is filled in under the new type."""
    fill = _fill_nulls(old, new)
    if fill is None or old.type == new.type:
        return [AlterColumnOp(table, old, new, fill)]
    retyped = replace(old, name=new.name, type=new.type)
    return [AlterColumnOp(table, old, retyped), AlterColumnOp(table, retyped, new, fill)]


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
