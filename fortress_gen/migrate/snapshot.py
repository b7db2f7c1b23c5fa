"""The schema snapshot: the tables the specs describe, as plain sorted data (kept in the lock).

Columns carry their type and server default as SQLAlchemy source text from
`fortress_gen.migrate.columns` (re-exported here), the mapping the model templates use too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fortress_gen.errors import SpecError
from fortress_gen.migrate.columns import (
    NOW_EXPR,
    TIMESTAMP_TYPE,
    column_type_expr,
    id_type_expr,
    server_default_expr,
)
from fortress_gen.naming import pluralize, snake_case
from fortress_gen.spec.model import EntitySpec, RelationSpec
from fortress_gen.spec.relations import association_columns, association_table, is_collection

__all__ = [
    "BUILTIN_TABLES",
    "NAMING_CONVENTION",
    "SNAPSHOT_FORMAT",
    "ColumnSnapshot",
    "ForeignKeySnapshot",
    "IndexSnapshot",
    "PrimaryKeySnapshot",
    "SchemaSnapshot",
    "TableSnapshot",
    "UniqueSnapshot",
    "build_snapshot",
    "column_type_expr",
    "from_json",
    "id_type_expr",
    "server_default_expr",
    "table_name",
    "to_json",
]

NAMING_CONVENTION: Mapping[str, str] = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
"""The generated project's `MetaData(naming_convention=...)`; snapshot names follow it."""

BUILTIN_TABLES: Mapping[str, tuple[str, str]] = {"User": ("users", "int")}
"""Entities the project template owns: name -> (table, id kind). Never created here."""

SNAPSHOT_FORMAT = 1
"""Bump when the JSON layout changes; `from_json` refuses formats it does not know."""

_ON_DELETE = {"cascade": "CASCADE", "set_null": "SET NULL", "restrict": "RESTRICT"}


@dataclass(frozen=True, slots=True)
class ColumnSnapshot:
    """One column; `type` and `server_default` are SQLAlchemy source text (``sa.``-prefixed)."""

    name: str
    type: str
    nullable: bool
    server_default: str | None = None


@dataclass(frozen=True, slots=True)
class PrimaryKeySnapshot:
    """The primary key constraint."""

    name: str
    columns: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class IndexSnapshot:
    """An index; `unique` when the column is both `unique` and `index` (SQLAlchemy's rule)."""

    name: str
    columns: tuple[str, ...]
    unique: bool = False


@dataclass(frozen=True, slots=True)
class UniqueSnapshot:
    """A unique constraint."""

    name: str
    columns: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ForeignKeySnapshot:
    """A foreign key; `ondelete` is the SQL action (``CASCADE``, ``SET NULL``, ``RESTRICT``)."""

    name: str
    columns: tuple[str, ...]
    referred_table: str
    referred_columns: tuple[str, ...]
    ondelete: str | None = None


@dataclass(frozen=True, slots=True)
class TableSnapshot:
    """One table: columns in their order, constraints and indexes sorted by name."""

    name: str
    columns: tuple[ColumnSnapshot, ...]
    primary_key: PrimaryKeySnapshot
    foreign_keys: tuple[ForeignKeySnapshot, ...] = ()
    unique_constraints: tuple[UniqueSnapshot, ...] = ()
    indexes: tuple[IndexSnapshot, ...] = ()

    def column(self, name: str) -> ColumnSnapshot:
        """The column called `name` (KeyError when there is none)."""
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)


@dataclass(frozen=True, slots=True)
class SchemaSnapshot:
    """Every table the specs describe, sorted by name."""

    tables: tuple[TableSnapshot, ...] = ()

    def table(self, name: str) -> TableSnapshot:
        """The table called `name` (KeyError when there is none)."""
        for table in self.tables:
            if table.name == name:
                return table
        raise KeyError(name)

    @property
    def table_names(self) -> tuple[str, ...]:
        """The table names, sorted."""
        return tuple(table.name for table in self.tables)


def table_name(entity: EntitySpec) -> str:
    """The table of an entity: its `table`, or the snake_case plural of its name.

    Args:
        entity: The entity spec.

    Returns:
        The table name, e.g. ``"order_items"`` for ``OrderItem``.
    """
    return entity.table or pluralize(snake_case(entity.entity))


def build_snapshot(entities: Sequence[EntitySpec]) -> SchemaSnapshot:
    """Describe the tables a set of entity specs needs.

    Per entity: ``id``, the fields in spec order, one ``<relation>_id`` per many_to_one or
    one_to_one relation (indexed; a unique index for one_to_one), ``owner_id`` for
    `access: owner`, then ``created_at``/``updated_at`` and ``deleted_at``. Each many_to_many
    relation adds an association table ``<table>_<relation>``: the two ids (a composite
    primary key), each a foreign key with ``ON DELETE CASCADE``, and an index on the target's id.

    Args:
        entities: The validated entity specs, in any order.

    Returns:
        The snapshot, tables sorted by name.

    Raises:
        SpecError: A relation names an entity that is neither a spec nor built in.
    """
    by_name = {entity.entity: entity for entity in entities}
    tables = [_table(entity, by_name) for entity in entities]
    tables += [
        _association(entity, name, relation, by_name)
        for entity in entities
        for name, relation in entity.relations.items()
        if is_collection(relation)
    ]
    return SchemaSnapshot(tables=tuple(sorted(tables, key=lambda table: table.name)))


def _table(entity: EntitySpec, by_name: Mapping[str, EntitySpec]) -> TableSnapshot:
    table = table_name(entity)
    columns = [ColumnSnapshot("id", id_type_expr(entity.id), nullable=False)]
    uniques: list[UniqueSnapshot] = []
    indexes: list[IndexSnapshot] = []
    foreign_keys: list[ForeignKeySnapshot] = []

    def constrain(column: str, *, unique: bool, index: bool) -> None:
        if index:
            indexes.append(IndexSnapshot(f"ix_{table}_{column}", (column,), unique=unique))
        elif unique:
            uniques.append(UniqueSnapshot(f"uq_{table}_{column}", (column,)))

    for name, field in entity.fields.items():
        columns.append(
            ColumnSnapshot(
                name,
                column_type_expr(field, table=table, column=name),
                nullable=not field.required,
                server_default=server_default_expr(field),
            )
        )
        constrain(name, unique=field.unique, index=field.index)
    relations = [
        (name, rel) for name, rel in entity.relations.items() if rel.kind != "many_to_many"
    ]
    for name, relation in relations:
        column = f"{name}_id"
        target_table, target_id = _target(entity, relation, by_name)
        columns.append(ColumnSnapshot(column, id_type_expr(target_id), not relation.required))
        foreign_keys.append(
            ForeignKeySnapshot(
                name=f"fk_{table}_{column}_{target_table}",
                columns=(column,),
                referred_table=target_table,
                referred_columns=("id",),
                ondelete=_ON_DELETE[relation.effective_on_delete],
            )
        )
        constrain(column, unique=relation.kind == "one_to_one", index=True)
    if entity.owned:  # `access: owner`: the user a row belongs to
        users_table, users_id = BUILTIN_TABLES["User"]
        columns.append(ColumnSnapshot("owner_id", id_type_expr(users_id), nullable=False))
        foreign_keys.append(
            ForeignKeySnapshot(
                name=f"fk_{table}_owner_id_{users_table}",
                columns=("owner_id",),
                referred_table=users_table,
                referred_columns=("id",),
                ondelete=_ON_DELETE["cascade"],
            )
        )
        constrain("owner_id", unique=False, index=True)
    if entity.timestamps:
        for column in ("created_at", "updated_at"):
            columns.append(
                ColumnSnapshot(column, TIMESTAMP_TYPE, nullable=False, server_default=NOW_EXPR)
            )
    if entity.soft_delete:
        columns.append(ColumnSnapshot("deleted_at", TIMESTAMP_TYPE, nullable=True))
        constrain("deleted_at", unique=False, index=True)
    return TableSnapshot(
        name=table,
        columns=tuple(columns),
        primary_key=PrimaryKeySnapshot(f"pk_{table}", ("id",)),
        foreign_keys=tuple(sorted(foreign_keys, key=lambda fk: fk.name)),
        unique_constraints=tuple(sorted(uniques, key=lambda uq: uq.name)),
        indexes=tuple(sorted(indexes, key=lambda ix: ix.name)),
    )


def _association(
    entity: EntitySpec, name: str, relation: RelationSpec, by_name: Mapping[str, EntitySpec]
) -> TableSnapshot:
    table = association_table(entity, name)
    mine, theirs = association_columns(entity, name)
    target_table, target_id = _target(entity, relation, by_name)
    sides = ((mine, table_name(entity), entity.id), (theirs, target_table, target_id))
    return TableSnapshot(
        name=table,
        columns=tuple(
            ColumnSnapshot(column, id_type_expr(kind), False) for column, _, kind in sides
        ),
        primary_key=PrimaryKeySnapshot(f"pk_{table}", (mine, theirs)),
        foreign_keys=tuple(
            sorted(
                (
                    ForeignKeySnapshot(
                        name=f"fk_{table}_{column}_{referred}",
                        columns=(column,),
                        referred_table=referred,
                        referred_columns=("id",),
                        ondelete="CASCADE",
                    )
                    for column, referred, _ in sides
                ),
                key=lambda fk: fk.name,
            )
        ),
        indexes=(IndexSnapshot(f"ix_{table}_{theirs}", (theirs,)),),
    )


def _target(
    entity: EntitySpec, relation: RelationSpec, by_name: Mapping[str, EntitySpec]
) -> tuple[str, str]:
    target = by_name.get(relation.target)
    if target is not None:
        return table_name(target), target.id
    if relation.target in BUILTIN_TABLES:
        return BUILTIN_TABLES[relation.target]
    raise SpecError(
        f"entity {entity.entity} relates to unknown entity {relation.target}",
        hint="allowed targets: " + ", ".join(sorted({*by_name, *BUILTIN_TABLES})),
    )


def to_json(snapshot: SchemaSnapshot) -> dict[str, Any]:
    """The snapshot as JSON-ready data: tables keyed by name, every list in a stable order.

    Args:
        snapshot: The snapshot.

    Returns:
        A dict for ``json.dumps(..., sort_keys=True)``; `from_json` reads it back.
    """
    return {
        "format": SNAPSHOT_FORMAT,
        "tables": {table.name: _table_to_json(table) for table in snapshot.tables},
    }


def _table_to_json(table: TableSnapshot) -> dict[str, Any]:
    return {
        "columns": [
            {
                "name": c.name,
                "type": c.type,
                "nullable": c.nullable,
                "server_default": c.server_default,
            }
            for c in table.columns
        ],
        "primary_key": {"name": table.primary_key.name, "columns": list(table.primary_key.columns)},
        "foreign_keys": [
            {
                "name": fk.name,
                "columns": list(fk.columns),
                "referred_table": fk.referred_table,
                "referred_columns": list(fk.referred_columns),
                "ondelete": fk.ondelete,
            }
            for fk in table.foreign_keys
        ],
        "unique_constraints": [
            {"name": uq.name, "columns": list(uq.columns)} for uq in table.unique_constraints
        ],
        "indexes": [
            {"name": ix.name, "columns": list(ix.columns), "unique": ix.unique}
            for ix in table.indexes
        ],
    }


def from_json(data: Mapping[str, Any]) -> SchemaSnapshot:
    """Read a snapshot written by `to_json`.

    Args:
        data: The parsed JSON.

    Returns:
        The snapshot, normalised (tables, constraints and indexes sorted by name).

    Raises:
        ValueError: The data is not a snapshot of a format this version reads.
    """
    if not isinstance(data, Mapping) or data.get("format") != SNAPSHOT_FORMAT:
        raise ValueError(f"not a schema snapshot of format {SNAPSHOT_FORMAT}")
    try:
        tables = [_table_from_json(name, raw) for name, raw in data["tables"].items()]
    except (KeyError, TypeError, AttributeError) as error:
        raise ValueError(f"malformed schema snapshot: {error!r}") from None
    return SchemaSnapshot(tables=tuple(sorted(tables, key=lambda table: table.name)))


def _table_from_json(name: str, raw: Mapping[str, Any]) -> TableSnapshot:
    columns = tuple(
        ColumnSnapshot(
            name=str(c["name"]),
            type=str(c["type"]),
            nullable=bool(c["nullable"]),
            server_default=c.get("server_default"),
        )
        for c in raw["columns"]
    )
    pk = raw["primary_key"]
    foreign_keys = [
        ForeignKeySnapshot(
            name=fk["name"],
            columns=tuple(fk["columns"]),
            referred_table=fk["referred_table"],
            referred_columns=tuple(fk["referred_columns"]),
            ondelete=fk.get("ondelete"),
        )
        for fk in raw.get("foreign_keys", ())
    ]
    uniques = [
        UniqueSnapshot(uq["name"], tuple(uq["columns"])) for uq in raw.get("unique_constraints", ())
    ]
    indexes = [
        IndexSnapshot(ix["name"], tuple(ix["columns"]), unique=bool(ix.get("unique", False)))
        for ix in raw.get("indexes", ())
    ]
    return TableSnapshot(
        name=name,
        columns=columns,
        primary_key=PrimaryKeySnapshot(pk["name"], tuple(pk["columns"])),
        foreign_keys=tuple(sorted(foreign_keys, key=lambda fk: fk.name)),
        unique_constraints=tuple(sorted(uniques, key=lambda uq: uq.name)),
        indexes=tuple(sorted(indexes, key=lambda ix: ix.name)),
    )
