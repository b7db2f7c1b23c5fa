"""Names that relations add to a schema: foreign key columns, association tables, id lists.

One place for these, so the spec checks, the snapshot (migrations) and the renderers agree.
"""

from __future__ import annotations

from fortress_gen.naming import singularize, snake_case
from fortress_gen.spec.model import EntitySpec, RelationSpec

__all__ = [
    "MAX_IDS",
    "association_columns",
    "association_table",
    "ids_field",
    "is_collection",
    "is_key",
]

MAX_IDS = 100
"""The most ids a client may send for one many_to_many relation in one request."""


def is_collection(relation: RelationSpec) -> bool:
    """Whether the relation is a set of rows (many_to_many) rather than one foreign key."""
    return relation.kind == "many_to_many"


def association_table(entity: EntitySpec, name: str) -> str:
    """The association table of many_to_many relation `name`: ``<table>_<relation>``."""
    return f"{entity.table_name}_{name}"


def association_columns(entity: EntitySpec, name: str) -> tuple[str, str]:
    """The two columns of the association table: this side's id, then the target's.

    ``Product.tags`` -> ``("product_id", "tag_id")``.
    """
    return f"{snake_case(entity.entity)}_id", f"{singularize(name)}_id"


def ids_field(name: str) -> str:
    """The schema field holding the target ids of many_to_many relation `name` (``tag_ids``)."""
    return f"{singularize(name)}_ids"


def is_key(relation: RelationSpec) -> bool:
    """Whether the relation is a foreign key column (many_to_one, one_to_one)."""
    return relation.kind != "many_to_many"
