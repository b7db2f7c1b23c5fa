"""Spec changes a migration cannot carry out safely, reported where the spec makes them.

A NOT NULL column added to a table that already exists needs a value for the rows the
table may hold. A field with a `default` gets it as a server default (the database fills
existing rows); a required field without one, or a required relation, is refused here with
the spec file, line and column, before anything is written.
"""

from __future__ import annotations

from collections.abc import Sequence

from fortress_gen.errors import SpecError, SpecErrors
from fortress_gen.migrate.ops import AddColumnOp, MigrationPlan
from fortress_gen.migrate.snapshot import table_name
from fortress_gen.spec.loader import LoadedSpec
from fortress_gen.spec.model import EntitySpec

__all__ = ["check_plan"]


def check_plan(
    plan: MigrationPlan, entities: Sequence[EntitySpec], loaded: Sequence[LoadedSpec] = ()
) -> None:
    """Refuse a plan that adds a NOT NULL column without a server default to a kept table.

    Args:
        plan: The migration plan.
        entities: The entity specs the plan was made from.
        loaded: Their loaded files, to locate the errors (without them, errors have none).

    Raises:
        SpecErrors: One located error per such column.
    """
    by_table = {table_name(entity): entity for entity in entities}
    files = {item.spec.entity: item for item in loaded}
    errors: list[SpecError] = []
    for op in plan.upgrade:
        if not isinstance(op, AddColumnOp) or op.column.nullable or op.column.server_default:
            continue
        entity = by_table.get(op.table_name)
        if entity is None:
            continue
        errors.append(_error(entity, files.get(entity.entity), op))
    if errors:
        raise SpecErrors(errors)


def _error(entity: EntitySpec, item: LoadedSpec | None, op: AddColumnOp) -> SpecError:
    column = op.column.name
    where = f"{op.table_name}.{column}"
    if column in entity.fields:
        field = entity.fields[column]
        loc: tuple[str, ...] = ("fields", column)
        message = (
            f"fields.{column}: a required field added to the existing table {op.table_name}"
            " needs a value for the rows it may hold"
        )
        hint = (
            "give it a `default:`, which the migration puts in existing rows,"
            " or add it with `required: false` first"
        )
        if field.default is not None:
            message = (
                f"fields.{column}: the default of a {field.type} field is applied by the"
                f" application, not the database, so it cannot fill existing rows of {where}"
            )
            hint = "add it with `required: false` first, fill it, then make it required"
    else:
        relation = column.removesuffix("_id")
        loc = ("relations", relation)
        message = (
            f"relations.{relation}: a required relation added to the existing table"
            f" {op.table_name} needs a value of {where} for the rows it may hold"
        )
        hint = "add it with `required: false` first, fill it, then make it required"
    location = item.locate(*loc, key=True) if item is not None else None
    return SpecError(message, location=location, hint=hint)
