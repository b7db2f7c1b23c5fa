"""Test oracle for migrations: SQLAlchemy metadata built from specs, and Alembic to compare.

The metadata is built here the way the generated models declare their columns
(`mapped_column(type, unique=..., index=..., server_default=...)`, a naming convention),
with its own type table, independent of `fortress_gen.migrate.columns`.
"""

from __future__ import annotations

import asyncio
import os
import types
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.operations import Operations

from fortress_gen.naming import singularize, snake_case
from fortress_gen.spec.model import EntitySpec, FieldSpec

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
DEFAULT_POSTGRES_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
ON_DELETE = {"cascade": "CASCADE", "set_null": "SET NULL", "restrict": "RESTRICT"}


def _plural(name: str) -> str:
    import re

    snake = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()
    return snake[:-1] + "ies" if snake.endswith("y") else snake + "s"


def table_of(entity: EntitySpec) -> str:
    return entity.table or _plural(entity.entity)


def oracle_type(field: FieldSpec, table: str, column: str) -> sa.types.TypeEngine[Any]:
    kind = field.type
    if kind in {"str", "email", "url"}:
        return sa.String(field.max_length or {"str": 255, "email": 320, "url": 2083}[kind])
    if kind == "decimal":
        places = 2 if field.decimal_places is None else field.decimal_places
        return sa.Numeric(field.max_digits or 12, places)
    if kind == "enum":
        return sa.Enum(
            *(field.values or ()),
            name=f"{table}_{column}",
            native_enum=False,
            create_constraint=True,
        )
    simple: dict[str, sa.types.TypeEngine[Any]] = {
        "text": sa.Text(),
        "int": sa.Integer(),
        "bigint": sa.BigInteger(),
        "float": sa.Float(),
        "bool": sa.Boolean(),
        "date": sa.Date(),
        "datetime": sa.DateTime(timezone=True),
        "time": sa.Time(),
        "uuid": sa.Uuid(),
        "json": sa.JSON(),
        "bytes": sa.LargeBinary(),
    }
    return simple[kind]


def oracle_server_default(field: FieldSpec) -> Any:
    value = field.default
    if value is None or field.type in {"uuid", "json", "bytes"}:
        return None
    if field.type == "bool":
        return sa.true() if value else sa.false()
    if field.type in {"int", "bigint", "float", "decimal"}:
        return sa.text(str(value))
    return str(value)


def build_metadata(entities: Sequence[EntitySpec]) -> sa.MetaData:
    """The metadata the generated models of `entities` would declare."""
    metadata = sa.MetaData(naming_convention=NAMING_CONVENTION)
    by_name = {entity.entity: entity for entity in entities}
    for entity in entities:
        table = table_of(entity)
        id_type = sa.Uuid() if entity.id == "uuid" else sa.Integer()
        columns: list[sa.Column[Any]] = [sa.Column("id", id_type, primary_key=True)]
        for name, field in entity.fields.items():
            columns.append(
                sa.Column(
                    name,
                    oracle_type(field, table, name),
                    nullable=not field.required,
                    unique=field.unique or None,
                    index=field.index or None,
                    server_default=oracle_server_default(field),
                )
            )
        for name, relation in entity.relations.items():
            target = by_name[relation.target]
            target_id = sa.Uuid() if target.id == "uuid" else sa.Integer()
            if relation.kind == "many_to_many":
                mine = f"{snake_case(entity.entity)}_id"
                theirs = f"{singularize(name)}_id"
                sa.Table(
                    f"{table}_{name}",
                    metadata,
                    sa.Column(
                        mine,
                        id_type,
                        sa.ForeignKey(f"{table}.id", ondelete="CASCADE"),
                        primary_key=True,
                    ),
                    sa.Column(
                        theirs,
                        target_id,
                        sa.ForeignKey(f"{table_of(target)}.id", ondelete="CASCADE"),
                        primary_key=True,
                        index=True,
                    ),
                )
                continue
            fk = sa.ForeignKey(
                f"{table_of(target)}.id", ondelete=ON_DELETE[relation.effective_on_delete]
            )
            columns.append(
                sa.Column(
                    f"{name}_id",
                    target_id,
                    fk,
                    nullable=not relation.required,
                    index=True,
                    unique=relation.kind == "one_to_one" or None,
                )
            )
        if entity.timestamps:
            for name in ("created_at", "updated_at"):
                columns.append(
                    sa.Column(
                        name,
                        sa.DateTime(timezone=True),
                        server_default=sa.func.now(),
                        nullable=False,
                    )
                )
        if entity.soft_delete:
            columns.append(sa.Column("deleted_at", sa.DateTime(timezone=True), index=True))
        sa.Table(table, metadata, *columns)
    return metadata


def run_revision(
    conn: sa.Connection, source: str, direction: str, metadata: sa.MetaData | None = None
) -> None:
    """Execute ``upgrade()`` or ``downgrade()`` of a rendered revision through Alembic."""
    module = types.ModuleType("fortress_test_revision")
    exec(compile(source, "revision.py", "exec"), module.__dict__)
    opts = {"target_metadata": metadata} if metadata is not None else {}
    context = MigrationContext.configure(conn, opts=opts)
    with Operations.context(context):
        getattr(module, direction)()


def schema_drift(conn: sa.Connection, metadata: sa.MetaData) -> list[Any]:
    """What `alembic check` would report (types and server defaults compared too)."""
    context = MigrationContext.configure(
        conn,
        opts={"compare_type": True, "compare_server_default": True, "target_metadata": metadata},
    )
    return list(compare_metadata(context, metadata))


def schema_facts(conn: sa.Connection) -> dict[str, Any]:
    """Names and options Alembic does not compare: constraint names, ondelete, CHECKs."""
    inspector = sa.inspect(conn)
    facts: dict[str, Any] = {}
    for table in sorted(inspector.get_table_names()):
        if table == "alembic_version":
            continue
        facts[table] = {
            "pk": inspector.get_pk_constraint(table)["name"],
            "fks": sorted(
                (
                    fk["name"],
                    tuple(fk["constrained_columns"]),
                    fk["referred_table"],
                    (fk.get("options") or {}).get("ondelete"),
                )
                for fk in inspector.get_foreign_keys(table)
            ),
            "uniques": sorted(uq["name"] for uq in inspector.get_unique_constraints(table)),
            "indexes": sorted(
                (ix["name"], tuple(ix["column_names"]), bool(ix["unique"]))
                for ix in inspector.get_indexes(table)
                if not ix.get("duplicates_constraint")
            ),
            "checks": sorted(ck["name"] for ck in inspector.get_check_constraints(table)),
            "columns": [(c["name"], bool(c["nullable"])) for c in inspector.get_columns(table)],
        }
    return facts


# --- databases ---------------------------------------------------------------------------

Work = Callable[[sa.Connection], Any]


@contextmanager
def sqlite_connection(path: os.PathLike[str] | str) -> Iterator[sa.Connection]:
    engine = sa.create_engine(f"sqlite:///{os.fspath(path)}")

    @sa.event.listens_for(engine, "connect")
    def _foreign_keys(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA foreign_keys=ON")

    try:
        with engine.begin() as conn:
            yield conn
    finally:
        engine.dispose()


def postgres_url() -> str:
    return os.environ.get("FORTRESS_TEST_POSTGRES_URL", DEFAULT_POSTGRES_URL)


def postgres_unreachable_reason() -> str | None:
    """None when PostgreSQL answers at `postgres_url()`, else why not."""
    try:
        run_on_postgres(lambda conn: conn.exec_driver_sql("SELECT 1"))
    except Exception as error:  # any failure means: skip
        return f"PostgreSQL not reachable at {postgres_url()}: {type(error).__name__}: {error}"
    return None


def run_on_postgres(work: Work) -> Any:
    """Run `work` on one PostgreSQL connection (asyncpg) in a transaction rolled back after."""
    from sqlalchemy.ext.asyncio import create_async_engine

    async def main() -> Any:
        engine = create_async_engine(postgres_url(), connect_args={"timeout": 3})
        try:
            async with engine.connect() as conn:
                try:
                    return await conn.run_sync(work)
                finally:
                    await conn.rollback()
        finally:
            await engine.dispose()

    return asyncio.run(main())


def use_fresh_schema(conn: sa.Connection, schema: str) -> None:
    """Create `schema` and put it alone on the search path (PostgreSQL, inside a transaction)."""
    conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    conn.exec_driver_sql(f'SET LOCAL search_path TO "{schema}"')
