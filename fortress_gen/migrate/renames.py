"""Declared renames: the `renamed_from` hints of the specs, as table and column names."""

from __future__ import annotations

from collections.abc import Sequence

from fortress_gen.migrate.diff import Renames
from fortress_gen.migrate.snapshot import table_name
from fortress_gen.naming import pluralize, snake_case
from fortress_gen.spec.model import EntitySpec
from fortress_gen.spec.relations import association_columns, association_table, is_collection

__all__ = ["declared_renames"]


def declared_renames(entities: Sequence[EntitySpec]) -> Renames:
    """The renames `entities` declare with `renamed_from`.

    An entity renamed from ``Purchase`` had the default table of that name, ``purchases``
    (an entity that set `table:` and keeps it needs no table rename); a field renamed from
    ``note`` had the column ``note``; a relation renamed from ``buyer`` had the column
    ``buyer_id``; a many_to_many renamed from ``labels`` had the association table
    ``<table>_labels`` with the column ``label_id``. `diff_snapshots` uses each only while
    the old name is in the last snapshot and the new one is not.

    Args:
        entities: The validated entity specs.

    Returns:
        New table -> old table, and (table, new column) -> old column.
    """
    tables: dict[str, str] = {}
    columns: dict[tuple[str, str], str] = {}
    for entity in sorted(entities, key=lambda spec: spec.entity):
        table = table_name(entity)
        if entity.renamed_from is not None:
            old_table = pluralize(snake_case(entity.renamed_from))
            if old_table != table:
                tables[table] = old_table
        for name, field in entity.fields.items():
            if field.renamed_from is not None:
                columns[table, name] = field.renamed_from
        for name, relation in entity.relations.items():
            old = relation.renamed_from
            if old is None:
                continue
            if is_collection(relation):
                new_table = association_table(entity, name)
                tables[new_table] = association_table(entity, old)
                column = association_columns(entity, name)[1]
                columns[new_table, column] = association_columns(entity, old)[1]
            else:
                columns[table, f"{name}_id"] = f"{old}_id"
    return Renames(tables=tables, columns=columns)
