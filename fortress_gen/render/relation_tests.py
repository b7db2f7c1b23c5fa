"""What the generated API tests check about relations beyond a missing target (a 422).

- many_to_many: a row is created with a set of ids, the set is replaced, then cleared;
- one_to_one: a second row pointing at the same target is refused with a 409;
- a relation of an entity to itself: a row can point at another row of its own kind.

Each test needs rows it can create through the API: the entity's and the target's.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from fortress_gen.naming import snake_case
from fortress_gen.spec.model import EntitySpec
from fortress_gen.spec.relations import ids_field, is_collection

__all__ = ["RelationTests", "relation_tests"]


@dataclass(frozen=True, slots=True)
class SetTest:
    """A many_to_many relation: its id list and the factory of its target."""

    ids: str
    create_target: str
    target_route: str  # the target's route when the tests may delete a target, else ""


@dataclass(frozen=True, slots=True)
class KeyTest:
    """A foreign key column and the factory of its target."""

    column: str
    create_target: str


@dataclass(frozen=True, slots=True)
class RelationTests:
    """The relation tests of one entity and the factories they import."""

    sets: list[SetTest]
    unique_keys: list[KeyTest]
    self_keys: list[str]
    helpers: list[str]
    nested_asserts: list[str]


def relation_tests(
    entity: EntitySpec,
    by_name: Mapping[str, EntitySpec],
    creatable: Collection[str],
    api_prefix: str,
    *,
    rows: bool,
) -> RelationTests:
    """The relation tests of `entity`.

    Args:
        entity: The entity under test.
        by_name: Every entity of the project by name.
        creatable: The entities the tests can create through the API.
        api_prefix: The prefix of every API route.
        rows: Whether the tests can create, read and update several rows of `entity`.

    Returns:
        The tests, empty when the rows they need cannot be made.
    """
    nested = _nested_asserts(entity, by_name)
    if not rows:
        return RelationTests(
            sets=[], unique_keys=[], self_keys=[], helpers=[], nested_asserts=nested
        )
    sets: list[SetTest] = []
    unique_keys: list[KeyTest] = []
    self_keys: list[str] = []
    for name, relation in entity.relations.items():
        target = by_name.get(relation.target)
        if target is None or target.entity not in creatable:
            continue
        create_target = f"create_{snake_case(target.entity)}"
        if is_collection(relation):
            route = f"{api_prefix}/{target.route_name}" if "delete" in target.operations else ""
            sets.append(SetTest(ids_field(name), create_target, route))
        elif relation.kind == "one_to_one":
            unique_keys.append(KeyTest(column=f"{name}_id", create_target=create_target))
        elif target.entity == entity.entity:
            self_keys.append(f"{name}_id")
    helpers = sorted({t.create_target for t in sets} | {t.create_target for t in unique_keys})
    return RelationTests(
        sets=sets,
        unique_keys=unique_keys,
        self_keys=self_keys,
        helpers=helpers,
        nested_asserts=nested,
    )


def _nested_asserts(entity: EntitySpec, by_name: Mapping[str, EntitySpec]) -> list[str]:
    """What a created row's nested summaries must agree with (its ids)."""
    lines = []
    for name, relation in entity.relations.items():
        if not relation.nested or relation.target not in by_name:
            continue
        if is_collection(relation):
            ids = ids_field(name)
            lines.append(f'assert [row["id"] for row in created["{name}"]] == created["{ids}"]')
        elif relation.required:
            lines.append(f'assert created["{name}"]["id"] == created["{name}_id"]')
        else:
            lines.append(f'assert created["{name}"] is None')
    return lines
