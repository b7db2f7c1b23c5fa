"""Snapshot diff: the migration plan that takes the schema of one snapshot to the next.

This milestone creates the tables of new entities and drops those of removed ones. Changes
to a table that exists on both sides are listed in `MigrationPlan.unsupported` rather than
silently skipped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Protocol

from fortress_gen.migrate.ops import (
    CreateForeignKeyOp,
    CreateIndexOp,
    CreateTableOp,
    MigrationOp,
    MigrationPlan,
    reverse_ops,
)
from fortress_gen.migrate.snapshot import SchemaSnapshot, TableSnapshot

__all__ = ["creation_order", "diff_snapshots"]


def diff_snapshots(old: SchemaSnapshot | None, new: SchemaSnapshot) -> MigrationPlan:
    """Plan the migration from the schema `old` describes to the one `new` describes.

    New tables are created referred-to tables first (a table may refer to itself). When new
    tables refer to each other in a cycle, the foreign keys that close it are added after
    every table exists (`CreateForeignKeyOp`). Removed tables are dropped dependents first,
    which makes the plan destructive. The downgrade is the upgrade reversed.

    Args:
        old: The snapshot recorded with the last migration, or None before the first one.
        new: The snapshot of the current specs.

    Returns:
        The plan; empty when the schemas agree. Changes inside tables that exist in both
        snapshots are described in `MigrationPlan.unsupported` (not migrated yet).
    """
    before = old if old is not None else SchemaSnapshot()
    old_names = set(before.table_names)
    new_names = set(new.table_names)
    created = [new.table(name) for name in sorted(new_names - old_names)]
    dropped = [before.table(name) for name in sorted(old_names - new_names)]
    unsupported: list[str] = []
    for name in sorted(old_names & new_names):
        unsupported.extend(_table_changes(before.table(name), new.table(name)))
    upgrade = _creation_ops(created) + reverse_ops(_creation_ops(dropped))
    return MigrationPlan(
        upgrade=upgrade, downgrade=reverse_ops(upgrade), unsupported=tuple(unsupported)
    )


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


def _table_changes(old: TableSnapshot, new: TableSnapshot) -> list[str]:
    """One sentence per change inside a table (empty when only column order differs)."""
    changes: list[str] = []
    old_columns = {column.name: column for column in old.columns}
    new_columns = {column.name: column for column in new.columns}
    for name in new_columns:
        if name not in old_columns:
            changes.append(f"column {new.name}.{name} added")
        elif new_columns[name] != old_columns[name]:
            changes.append(f"column {new.name}.{name} altered")
    changes.extend(
        f"column {old.name}.{name} removed" for name in old_columns if name not in new_columns
    )
    if old.primary_key != new.primary_key:
        changes.append(f"primary key of {new.name} changed")
    for kind, before, after in (
        ("foreign key", old.foreign_keys, new.foreign_keys),
        ("unique constraint", old.unique_constraints, new.unique_constraints),
        ("index", old.indexes, new.indexes),
    ):
        changes.extend(_named_changes(kind, before, after))
    return changes


class _Named(Protocol):
    @property
    def name(self) -> str: ...


def _named_changes(kind: str, before: Sequence[_Named], after: Sequence[_Named]) -> list[str]:
    old = {item.name: item for item in before}
    new = {item.name: item for item in after}
    changes = [f"{kind} {name} added" for name in sorted(new) if name not in old]
    changes += [f"{kind} {name} removed" for name in sorted(old) if name not in new]
    changes += [
        f"{kind} {name} altered" for name in sorted(new) if old.get(name, new[name]) != new[name]
    ]
    return changes
