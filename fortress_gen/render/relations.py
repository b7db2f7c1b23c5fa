"""What relations add to the generated layers: ORM relationships, id lists, nested summaries.

Every relation is a foreign key (many_to_one, one_to_one: `<name>_id`) or an association
table (many_to_many: `<table>_<name>`). The ORM relationships are always explicit loads:
`lazy="raise"`, and the repository names what it needs with `selectinload`, so async code
never lazy-loads. Deleting rows is left to the database's ON DELETE (`passive_deletes`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from fortress_gen.config import ProjectConfig
from fortress_gen.literals import py_text
from fortress_gen.render.fields import INT32_RANGE
from fortress_gen.render.lines import id_python_type, response_field, response_imports
from fortress_gen.render.paths import entity_paths
from fortress_gen.spec.model import EntitySpec, RelationSpec
from fortress_gen.spec.relations import (
    MAX_IDS,
    association_columns,
    association_table,
    ids_field,
    is_collection,
)

__all__ = [
    "BUILTIN_USER_SPEC",
    "Collection",
    "ModelRelations",
    "SchemaRelations",
    "closes_cycle",
    "collections",
    "is_many_to_many_target",
    "loaded_relations",
    "model_relations",
    "schema_relations",
    "unique_columns",
]

BUILTIN_USER_SPEC = EntitySpec(entity="User", table="users")
"""The built-in User as a relation target: table `users`, integer ids (common interface)."""

_PASSIVE = {
    "cascade": 'cascade="all, delete", passive_deletes=True',
    "set_null": "passive_deletes=True",
    "restrict": 'passive_deletes="all"',
}
"""How the reverse side leaves deletes to the foreign key's ON DELETE."""


@dataclass(frozen=True, slots=True)
class ModelRelations:
    """The model module's share: association tables, relationships and id properties."""

    imports: list[str]
    type_checking_imports: list[str]
    tables: list[str]
    attributes: list[str]
    properties: list[str]


@dataclass(frozen=True, slots=True)
class SchemaRelations:
    """The schema module's share: id list fields and nested summaries."""

    imports: list[str]
    create_fields: list[str]
    update_fields: list[str]
    not_null: list[str]
    response_fields: list[str]
    summaries: list[str]


@dataclass(frozen=True, slots=True)
class Collection:
    """A many_to_many relation as the service handles it."""

    name: str
    ids: str
    target: str
    id_type: str
    repo_attr: str
    method: str


def _forward_relationship(
    entity: EntitySpec, name: str, relation: RelationSpec, target: EntitySpec
) -> bool:
    """Whether `entity` maps relation `name` with `relationship()` (not only its column)."""
    return is_collection(relation) or relation.back_populates is not None or relation.nested


def _reverse_of(
    entity: EntitySpec, entities: Sequence[EntitySpec]
) -> list[tuple[EntitySpec, str, RelationSpec]]:
    """The relations of other entities (or this one) whose `back_populates` lands here."""
    return [
        (source, name, relation)
        for source in sorted(entities, key=lambda e: e.entity)
        for name, relation in source.relations.items()
        if relation.target == entity.entity and relation.back_populates is not None
    ]


def model_relations(
    entity: EntitySpec, entities: Sequence[EntitySpec], config: ProjectConfig
) -> ModelRelations:
    """The relationships, association tables and id-list properties of `entity`'s model.

    Args:
        entity: The entity whose model is rendered.
        entities: Every entity of the project (targets and reverse sides).
        config: The project settings.

    Returns:
        The lines and blocks the model template places.
    """
    by_name = {e.entity: e for e in entities}
    imports: set[str] = set()
    checking: set[str] = set()
    tables: list[str] = []
    attributes: list[str] = []
    properties: list[str] = []

    def refer(other: str) -> None:
        if other != entity.entity:
            module = entity_paths(by_name[other], config).model.dotted
            checking.add(f"from {module} import {other}")

    for name, relation in entity.relations.items():
        target = by_name.get(relation.target)
        if target is None or not _forward_relationship(entity, name, relation, target):
            continue
        imports.add("from sqlalchemy.orm import relationship")
        refer(target.entity)
        options = (
            []
            if relation.back_populates is None
            else [f"back_populates={py_text(relation.back_populates)}"]
        )
        if is_collection(relation):
            table = association_table(entity, name)
            tables.append(_association_table(entity, name, target, relation))
            options.insert(0, f"secondary={table}")
            options += _self_joins(entity, name, table, reverse=False)
            options += [f'order_by="{target.entity}.id"', "passive_deletes=True"]
            hint = f'list["{target.entity}"]'
            properties.append(_ids_property(name, target))
            if target.id == "uuid":
                imports.add("from uuid import UUID")
        else:
            if _ambiguous(entity, target, entities):
                options.append(f'foreign_keys="{entity.entity}.{name}_id"')
            if target.entity == entity.entity:
                options.append(f'remote_side="{entity.entity}.id"')
            hint = f'"{target.entity}"' if relation.required else f'"{target.entity} | None"'
        options.append('lazy="raise"')
        attributes.append(f"{name}: Mapped[{hint}] = relationship({', '.join(options)})")
    for source, name, relation in _reverse_of(entity, entities):
        imports.add("from sqlalchemy.orm import relationship")
        refer(source.entity)
        back = relation.back_populates
        assert back is not None
        options = [f"back_populates={py_text(name)}"]
        if is_collection(relation):
            table = association_table(source, name)
            options.insert(0, f"secondary={py_text(table)}")
            options += _self_joins(source, name, table, reverse=True)
            options.append("passive_deletes=True")
            hint = f'list["{source.entity}"]'
        else:
            if _ambiguous(source, entity, entities):
                options.append(f'foreign_keys="{source.entity}.{name}_id"')
            if relation.kind == "one_to_one":
                options.append("uselist=False")
                hint = f'"{source.entity} | None"'
            else:
                hint = f'list["{source.entity}"]'
            options.append(_PASSIVE[relation.effective_on_delete])
        options.append('lazy="raise"')
        attributes.append(f"{back}: Mapped[{hint}] = relationship({', '.join(options)})")
    if checking:
        imports.add("from typing import TYPE_CHECKING")
    return ModelRelations(
        imports=sorted(imports),
        type_checking_imports=sorted(checking),
        tables=tables,
        attributes=attributes,
        properties=properties,
    )


def _ambiguous(source: EntitySpec, target: EntitySpec, entities: Sequence[EntitySpec]) -> bool:
    """Whether more than one foreign key links the two tables, so a relationship between them
    must name its column (`foreign_keys`)."""
    pair = {source.entity, target.entity}
    keys = [
        relation
        for entity in entities
        if entity.entity in pair
        for relation in entity.relations.values()
        if not is_collection(relation) and {entity.entity, relation.target} == pair
    ]
    return len(keys) > 1


def closes_cycle(entity: EntitySpec, name: str, entities: Sequence[EntitySpec]) -> bool:
    """Whether optional foreign key `name` of `entity` is part of a cycle of foreign keys
    between tables (departments.head_id -> employees.department_id -> departments).

    Such a key is declared `use_alter=True`, so the metadata can order the tables (the
    migration adds it once both tables exist). Required keys never close a cycle: the spec
    checks refuse cycles of required relations.
    """
    relation = entity.relations[name]
    if relation.required or is_collection(relation) or relation.target == entity.entity:
        return False
    edges = {
        e.entity: {r.target for r in e.relations.values() if not is_collection(r)} for e in entities
    }
    seen: set[str] = set()
    stack = [relation.target]
    while stack:
        current = stack.pop()
        if current == entity.entity:
            return True
        if current not in seen:
            seen.add(current)
            stack.extend(edges.get(current, ()))
    return False


def _association_table(
    entity: EntitySpec, name: str, target: EntitySpec, relation: RelationSpec
) -> str:
    table = association_table(entity, name)
    mine, theirs = association_columns(entity, name)
    return "\n".join(
        [
            f"{table} = sa.Table(",
            f"    {py_text(table)},",
            "    Base.metadata,",
            f'    sa.Column({py_text(mine)}, sa.ForeignKey("{entity.table_name}.id",'
            ' ondelete="CASCADE"), primary_key=True),',
            f'    sa.Column({py_text(theirs)}, sa.ForeignKey("{target.table_name}.id",'
            ' ondelete="CASCADE"), primary_key=True, index=True),',
            ")",
        ]
    )


def _self_joins(source: EntitySpec, name: str, table: str, *, reverse: bool) -> list[str]:
    """primaryjoin/secondaryjoin of a many_to_many from an entity to itself."""
    if source.entity != _target_name(source, name):
        return []
    mine, theirs = association_columns(source, name)
    if reverse:
        mine, theirs = theirs, mine
    cls = source.entity
    return [
        f'primaryjoin="{cls}.id == {table}.c.{mine}"',
        f'secondaryjoin="{cls}.id == {table}.c.{theirs}"',
    ]


def _target_name(source: EntitySpec, name: str) -> str:
    return source.relations[name].target


def _ids_property(name: str, target: EntitySpec) -> str:
    ids = ids_field(name)
    id_type = id_python_type(target)
    return "\n".join(
        [
            "@property",
            f"def {ids}(self) -> list[{id_type}]:",
            f'    """The ids of the {name.replace("_", " ")}, in ascending order."""',
            f"    return sorted(row.id for row in self.{name})",
        ]
    )


def loaded_relations(entity: EntitySpec) -> list[str]:
    """The relationships the repository loads with every row: id lists and nested ones."""
    return [
        name
        for name, relation in entity.relations.items()
        if is_collection(relation) or relation.nested
    ]


def _id_item(target: EntitySpec) -> str:
    if target.id == "uuid":
        return "UUID"
    return f"Annotated[int, Field(ge=1, le={INT32_RANGE[1]})]"


def schema_relations(
    entity: EntitySpec, entities: Sequence[EntitySpec], config: ProjectConfig
) -> SchemaRelations:
    """The id-list fields of the input schemas and the nested summaries of the response.

    Args:
        entity: The entity whose schemas are rendered.
        entities: Every entity of the project.
        config: The project settings.

    Returns:
        The lines and blocks the schema template places.
    """
    by_name: Mapping[str, EntitySpec] = {e.entity: e for e in entities}
    imports: set[str] = set()
    create: list[str] = []
    update: list[str] = []
    not_null: list[str] = []
    response: list[str] = []
    summaries: dict[str, str] = {}
    for name, relation in entity.relations.items():
        target = by_name.get(relation.target)
        if target is None:
            continue
        if target.id == "uuid":
            imports.add("from uuid import UUID")
        summary = f"{target.entity}Summary"
        if relation.nested:
            summaries.setdefault(summary, _summary(target, imports, config.package))
        if not is_collection(relation):
            if relation.nested:
                hint = summary if relation.required else f"{summary} | None"
                response.append(f"{name}: {hint}")
            continue
        ids = ids_field(name)
        item = _id_item(target)
        if "Annotated" in item:
            imports.add("from typing import Annotated")
        limit = f"max_length={MAX_IDS}"
        create.append(f"{ids}: set[{item}] = Field(default_factory=set, {limit})")
        update.append(f"{ids}: set[{item}] | None = Field(default=None, {limit})")
        not_null.append(ids)
        response.append(f"{ids}: list[{id_python_type(target)}]")
        if relation.nested:
            response.append(f"{name}: list[{summary}]")
    return SchemaRelations(
        imports=sorted(imports),
        create_fields=create,
        update_fields=update,
        not_null=not_null,
        response_fields=response,
        summaries=[summaries[key] for key in sorted(summaries)],
    )


def _summary(target: EntitySpec, imports: set[str], package: str) -> str:
    readable = {name: spec for name, spec in target.fields.items() if not spec.secret}
    imports.update(response_imports(readable.values(), package))
    fields = [f"    id: {id_python_type(target)}"]
    fields += [f"    {response_field(name, spec)}" for name, spec in readable.items()]
    return "\n".join(
        [
            f"class {target.entity}Summary(BaseModel):",
            f'    """The {target.entity} a response nests: its id and fields."""',
            "",
            "    model_config = ConfigDict(from_attributes=True)",
            "",
            *fields,
        ]
    )


def collections(
    entity: EntitySpec, entities: Sequence[EntitySpec], repo_attr: Mapping[str, str]
) -> list[Collection]:
    """The many_to_many relations of `entity`, with what the service needs to resolve ids."""
    by_name = {e.entity: e for e in entities}
    return [
        Collection(
            name=name,
            ids=ids_field(name),
            target=relation.target,
            id_type=id_python_type(by_name[relation.target]),
            repo_attr=repo_attr[relation.target],
            method=f"_{name}_by_ids",
        )
        for name, relation in entity.relations.items()
        if is_collection(relation) and relation.target in by_name
    ]


def unique_columns(entity: EntitySpec) -> list[str]:
    """The foreign key columns of one_to_one relations (each unique)."""
    return [f"{name}_id" for name, r in entity.relations.items() if r.kind == "one_to_one"]


def is_many_to_many_target(entity: EntitySpec, entities: Sequence[EntitySpec]) -> bool:
    """Whether some entity has a many_to_many relation to `entity` (its repository then
    fetches rows by a set of ids)."""
    return any(
        is_collection(r) and r.target == entity.entity
        for e in entities
        for r in e.relations.values()
    )
