"""The revision message: what a migration changes, in a few words, the same for the same ops.

``create customers; rename table purchases to orders; add orders.notes; rename
orders.note to orders.remark; alter customers.email; drop orders.rating; drop tags``:
tables created, tables renamed, columns added, renamed, altered (type, nullability,
default, unique, index or foreign key), columns dropped, tables dropped. Names are sorted
within each part.
"""

from __future__ import annotations

from collections.abc import Sequence

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
    DropTableOp,
    DropUniqueOp,
    MigrationOp,
    RenameTableOp,
)

__all__ = ["describe"]


def describe(ops: Sequence[MigrationOp]) -> str:
    """Describe upgrade operations as a revision message.

    Args:
        ops: The upgrade operations of a plan.

    Returns:
        The message, e.g. ``add orders.notes; alter customers.email``; ``empty migration``
        when there are none.
    """
    created = sorted(op.table.name for op in ops if isinstance(op, CreateTableOp))
    dropped = sorted(op.table.name for op in ops if isinstance(op, DropTableOp))
    whole = set(created) | set(dropped)
    added = {f"{op.table_name}.{op.column.name}" for op in ops if isinstance(op, AddColumnOp)}
    removed = {f"{op.table_name}.{op.column.name}" for op in ops if isinstance(op, DropColumnOp)}
    renames: dict[str, str] = {}
    altered: set[str] = set()
    for op in ops:
        if isinstance(op, AlterColumnOp):
            if op.renames:
                old = f"{op.table_name}.{op.old.name}"
                renames[old] = f"{op.table_name}.{op.new.name}"
            if op.old.type != op.new.type or _options(op):
                altered.add(f"{op.table_name}.{op.new.name}")
        elif (column := _constrained_column(op)) is not None and column[0] not in whole:
            altered.add(".".join(column))
    altered -= added | removed | set(renames) | set(renames.values())
    parts = [
        ("create ", created),
        *(
            (f"rename table {op.old_name} to ", [op.new_name])
            for op in ops
            if isinstance(op, RenameTableOp)
        ),
        ("add ", sorted(added)),
        *((f"rename {old} to ", [new]) for old, new in sorted(renames.items())),
        ("alter ", sorted(altered)),
        ("drop ", sorted(removed)),
        ("drop ", dropped),
    ]
    return "; ".join(verb + ", ".join(names) for verb, names in parts if names) or (
        "empty migration"
    )


def _options(op: AlterColumnOp) -> bool:
    old, new = op.old, op.new
    return (old.nullable, old.server_default) != (new.nullable, new.server_default)


def _constrained_column(op: MigrationOp) -> tuple[str, str] | None:
    """(table, first column) of an index, unique or foreign key operation."""
    if isinstance(op, CreateIndexOp | DropIndexOp):
        return op.table_name, op.index.columns[0]
    if isinstance(op, CreateUniqueOp | DropUniqueOp):
        return op.table_name, op.unique.columns[0]
    if isinstance(op, CreateForeignKeyOp | DropForeignKeyOp):
        return op.table_name, op.foreign_key.columns[0]
    return None
