"""TestView: the context of an entity's generated API tests, derived from its constraints."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from fortress_gen.config import ProjectConfig
from fortress_gen.literals import py_literal
from fortress_gen.naming import article, pluralize, snake_case
from fortress_gen.render.relation_tests import RelationTests, relation_tests
from fortress_gen.render.relations import BUILTIN_USER_SPEC
from fortress_gen.render.samples import (
    COMPARABLE_TYPES,
    Case,
    boundary_cases,
    invalid_cases,
    sample,
)
from fortress_gen.spec.model import EntitySpec
from fortress_gen.spec.relations import ids_field, is_key

__all__ = [
    "FactoriesView",
    "Factory",
    "FilterTest",
    "ReferenceTest",
    "TestView",
    "build_factories_view",
    "build_test_view",
]

_MISSING_INT_ID = "2147483647"
_MISSING_UUID = '"00000000-0000-4000-8000-ffffffffffff"'


@dataclass(frozen=True, slots=True)
class Factory:
    """Test helpers that build a valid payload for an entity and create one row of it."""

    name: str
    article: str
    body_func: str
    create_func: str
    route_path: str
    body_items: list[str]
    admin_param: str  # `, *, admin: AsyncClient` when a row it needs is for admins to create
    admin_arg: str  # `, admin=admin` passed on to the payload's factory, or ""


@dataclass(frozen=True, slots=True)
class FactoriesView:
    """The context of `factories.py.jinja`: one factory pair per entity that can be created."""

    imports: list[str]
    factories: list[Factory]


@dataclass(frozen=True, slots=True)
class FilterTest:
    """A list filter to test: its query parameter and where the expected value comes from."""

    name: str
    param: str


@dataclass(frozen=True, slots=True)
class ReferenceTest:
    """A foreign key to point at a row that does not exist."""

    column: str
    missing: str


@dataclass(frozen=True)
class TestView:
    """The template context of `test_api.py.jinja` (the template sees it as `e`)."""

    __test__ = False  # not a pytest class

    name: str
    var: str
    plural_var: str
    route_path: str
    test_imports: list[str]
    body_func: str
    create_func: str
    missing_id: str
    op_list: bool
    op_get: bool
    op_update: bool
    op_delete: bool
    test_rows: bool
    creatable: bool  # rows (and the rows they need) can be created through the API
    page_limit: int
    expected_pages: int
    distinct_rows: bool
    created_asserts: list[str]
    sort_cases: list[str]
    filter_tests: list[FilterTest]
    update_changes: str
    update_expected: str
    update_null_field: str
    unique_fields: list[str]
    reference_tests: list[ReferenceTest]
    relations: RelationTests
    required_fields: list[str]
    invalid_values: list[Case]
    boundary_values: list[Case]
    acts_as_admin: bool
    admin_reason: str
    admin_arg: str  # `, admin=admin_client` for factories whose rows need an admin's
    admin_fixture: str  # `, admin_client: AsyncClient` in the signatures of those tests
    access_module: str


def _route(entity: EntitySpec, config: ProjectConfig) -> str:
    return f"{config.api_prefix}/{entity.route_name}"


def _dependencies(entity: EntitySpec, by_name: dict[str, EntitySpec]) -> list[EntitySpec]:
    """`entity` and every entity its required relations need first, dependencies first."""
    ordered: list[EntitySpec] = []

    def visit(current: EntitySpec) -> None:
        if current in ordered:
            return
        for relation in current.relations.values():
            target = by_name.get(relation.target)  # None: the built-in User
            if is_key(relation) and relation.required and target not in (None, current):
                visit(target)
        ordered.append(current)

    visit(entity)
    return ordered


def _needs_admin(entity: EntitySpec, by_name: dict[str, EntitySpec]) -> bool:
    """Whether a payload of `entity` needs a row that only an admin may create."""
    chain = _dependencies(entity, by_name)[:-1]
    return any(e.policy("create") == "admin" for e in chain)


def _factory_call(entity: EntitySpec, by_name: dict[str, EntitySpec], n: str) -> str:
    """A factories' call that creates a row of `entity` as the right user, from a factory."""
    who = "admin" if entity.policy("create") == "admin" else "client"
    admin = ", admin=admin" if _needs_admin(entity, by_name) else ""
    return f"await create_{snake_case(entity.entity)}({who}, {n}{admin})"


def _acts_as_admin(entity: EntitySpec) -> bool:
    """Whether some operation of `entity` is for admins: its tests then act as an admin."""
    return any(entity.policy(op) == "admin" for op in entity.operations)


def _can_create(entity: EntitySpec, by_name: dict[str, EntitySpec]) -> bool:
    """Whether the tests can create a row of `entity`, and of every row it requires, via the API."""
    return all("create" in e.operations for e in _dependencies(entity, by_name))


def build_factories_view(
    entities: Sequence[EntitySpec], config: ProjectConfig
) -> FactoriesView | None:
    """The test factories of every entity the tests can create, or None if there is none."""
    by_name = {e.entity: e for e in entities}
    creatable = [e for e in entities if _can_create(e, by_name)]
    if not creatable:
        return None
    imports = [
        "from typing import Any",
        "from httpx import AsyncClient",
        "from tests.envelope import unwrap",
    ]
    if any(f.type == "bytes" and f.writable for e in creatable for f in e.fields.values()):
        imports.append("import base64")
    return FactoriesView(
        imports=sorted(imports), factories=[_factory(e, by_name, config) for e in creatable]
    )


def _factory(entity: EntitySpec, by_name: dict[str, EntitySpec], config: ProjectConfig) -> Factory:
    snake = snake_case(entity.entity)
    items = [
        f'"{name}": {sample(name, spec).expr},'
        for name, spec in entity.fields.items()
        if spec.writable
    ]
    for name, relation in entity.relations.items():
        if not (is_key(relation) and relation.required):
            continue
        if relation.target == BUILTIN_USER_SPEC.entity:
            items.append(f'"{name}_id": unwrap(await client.get("/auth/me"), 200)["id"],')
        else:
            call = _factory_call(by_name[relation.target], by_name, "n")
            items.append(f'"{name}_id": ({call})["id"],')
    needs_admin = _needs_admin(entity, by_name)
    return Factory(
        name=entity.entity,
        article=article(entity.entity),
        body_func=f"{snake}_body",
        create_func=f"create_{snake}",
        route_path=_route(entity, config),
        body_items=items,
        admin_param=", *, admin: AsyncClient" if needs_admin else "",
        admin_arg=", admin=admin" if needs_admin else "",
    )


def _one_user_only(entity: EntitySpec) -> bool:
    """Whether `entity` requires a one_to_one to User: the tests' factories use the signed-in
    User, so they can make one row of it only."""
    return any(
        r.kind == "one_to_one" and r.required and r.target == BUILTIN_USER_SPEC.entity
        for r in entity.relations.values()
    )


_MANY = range(1, 13)  # the `n` of every row the relation tests create (1-2 and 10-12)


def _many_distinct(entity: EntitySpec, by_name: dict[str, EntitySpec]) -> bool:
    """Whether rows 1-12 of `entity`, and of every row it requires, differ in every unique
    field (the relation tests create up to five rows of one entity)."""
    chain = _dependencies(entity, by_name)
    return not any(_one_user_only(e) for e in chain) and all(
        len({repr(sample(n, f).value(i)) for i in _MANY}) == len(_MANY)
        for e in chain
        for n, f in e.fields.items()
        if f.unique and f.writable
    )


def _missing(target: EntitySpec, *, listed: bool = False) -> str:
    """An id of `target` that names no row (in a list for a many_to_many)."""
    missing = _MISSING_UUID if target.id == "uuid" else _MISSING_INT_ID
    return f"[{missing}]" if listed else missing


_PLAIN_WORD = re.compile(r"[a-z]+")


def _sort_value(entity: EntitySpec, key: str, n: int) -> object | None:
    """The value row `n` (1-3) of the tests has in sort column `key`, comparable like the
    database compares it; None when the databases could disagree on the order."""
    if key in ("created_at", "updated_at"):
        return n
    if key == "id":
        return n if entity.id == "int" else None
    for name, relation in entity.relations.items():
        if key == f"{name}_id":
            return n if relation.required else 0
    spec = entity.fields[key]
    value = sample(key, spec).value(n)
    if spec.type in ("int", "bigint", "float", "decimal"):
        return Decimal(str(value))
    if spec.type == "bool":
        return int(bool(value))
    if spec.type == "enum":
        return value if all(_PLAIN_WORD.fullmatch(v) for v in spec.values or ()) else None
    if spec.type in ("date", "datetime", "time", "uuid"):
        return str(value)
    texts = [str(sample(key, spec).value(i)) for i in (1, 2, 3)]
    stems = {text[:-1] for text in texts}
    # Same text but for a last digit: binary and locale collations agree on the order.
    return str(value) if len(stems) == 1 and all(t[-1].isdigit() for t in texts) else None


def _expected_order(entity: EntitySpec, sort: str) -> list[int] | None:
    """The order (indexes of rows 1-3) a list sorted by `sort` must return, if certain.

    Ties are broken by id, in the same direction, which is creation order for int ids.
    """
    key = sort.removeprefix("-")
    values = [_sort_value(entity, key, n) for n in (1, 2, 3)]
    if any(v is None for v in values):
        return None
    if entity.id != "int" and len(set(map(repr, values))) < 3:
        return None
    ranked = sorted(range(3), key=lambda i: (values[i], i), reverse=sort.startswith("-"))
    return ranked


def build_test_view(
    entity: EntitySpec, entities: Sequence[EntitySpec], config: ProjectConfig
) -> TestView:
    """Compute what the generated tests of `entity` check, from its spec.

    Args:
        entity: The entity under test.
        entities: Every entity of the project (to create the rows it references).
        config: The project settings.

    Returns:
        The test template's context.
    """
    by_name = {e.entity: e for e in entities}
    snake = snake_case(entity.entity)
    chain = _dependencies(entity, by_name)
    ops = set(entity.operations)
    writable = {n: f for n, f in entity.fields.items() if f.writable}
    readable = {n: f for n, f in entity.fields.items() if not f.secret}
    comparable = [n for n, f in writable.items() if n in readable and f.type in COMPARABLE_TYPES]

    asserts = [f'assert created["{n}"] == body["{n}"]' for n in comparable]
    asserts += [
        f'assert created["{n}_id"] == body["{n}_id"]'
        for n, r in entity.relations.items()
        if is_key(r) and r.required
    ]
    asserts += [f'assert "{n}" not in created' for n, f in entity.fields.items() if f.secret]

    changes = ""
    for name in comparable:
        value = sample(name, writable[name]).value(2)
        changes = f'"{name}": {py_literal(value)}'
        break
    expected = "{**created, **changes}"
    if entity.timestamps:
        expected = '{**created, **changes, "updated_at": updated["updated_at"]}'
    required = [n for n, f in writable.items() if f.required and f.default is None]
    required += [f"{n}_id" for n, r in entity.relations.items() if is_key(r) and r.required]
    null_field = next(iter([n for n, f in writable.items() if f.required] + required), "")

    invalid = [case for n, f in writable.items() for case in invalid_cases(n, f)]
    boundary = [case for n, f in writable.items() for case in boundary_cases(n, f)]
    sort_keys = [key.removeprefix("-") for key in entity.list.sort]
    if "id" not in sort_keys:
        sort_keys.append("id")
    imports = [
        "from typing import Any",
        "from httpx import AsyncClient",
        "from tests.envelope import unwrap",
    ]
    if invalid or boundary or sort_keys or _acts_as_admin(entity):
        imports.append("import pytest")
    # The factories leave optional relations empty, so a filter on one has nothing to match.
    optional_references = {f"{n}_id" for n, r in entity.relations.items() if not r.required}
    test_rows = {"create", "get", "list"} <= ops and _can_create(entity, by_name)
    distinct_rows = (
        test_rows
        and all(
            sample(n, f).distinct
            for e in chain
            for n, f in e.fields.items()
            if f.unique and f.writable
        )
        and not any(_one_user_only(e) for e in chain)
    )
    creatable = {
        e.entity for e in entities if _can_create(e, by_name) and _many_distinct(e, by_name)
    }
    rows = test_rows and "update" in ops and entity.entity in creatable
    relations = relation_tests(entity, by_name, creatable, config.api_prefix, rows=rows)
    asserts += relations.nested_asserts
    if test_rows:
        helpers = sorted({f"create_{snake}", f"{snake}_body", *relations.helpers})
        imports.append(f"from tests.api.factories import {', '.join(helpers)}")
    uuid_id = entity.id == "uuid"
    return TestView(
        name=entity.entity,
        var=snake,
        plural_var=pluralize(snake),
        route_path=_route(entity, config),
        test_imports=sorted(imports),
        body_func=f"{snake}_body",
        create_func=f"create_{snake}",
        missing_id=_MISSING_UUID.strip('"') if uuid_id else _MISSING_INT_ID,
        op_list="list" in ops,
        op_get="get" in ops,
        op_update="update" in ops,
        op_delete="delete" in ops,
        test_rows=test_rows,
        creatable="create" in ops and _can_create(entity, by_name),
        page_limit=min(2, entity.list.max_page_size),
        expected_pages=-(-3 // min(2, entity.list.max_page_size)),
        distinct_rows=distinct_rows,
        created_asserts=asserts,
        sort_cases=[
            f"({option!r}, {_expected_order(entity, option)!r})"
            for key in sort_keys
            for option in (key, f"-{key}")
        ],
        filter_tests=[
            FilterTest(name=f, param=f'wanted["{f}"]')
            for f in entity.list.filters
            if f not in optional_references
        ],
        update_changes=changes,
        update_expected=expected,
        update_null_field=null_field,
        unique_fields=[n for n, f in writable.items() if f.unique],
        reference_tests=[
            ReferenceTest(
                column=f"{n}_id" if is_key(r) else ids_field(n),
                missing=_missing(by_name.get(r.target, BUILTIN_USER_SPEC), listed=not is_key(r)),
            )
            for n, r in entity.relations.items()
        ],
        relations=relations,
        required_fields=required,
        invalid_values=invalid,
        boundary_values=boundary,
        acts_as_admin=_acts_as_admin(entity),
        admin_reason=_admin_reason(entity),
        admin_arg=", admin=admin_client" if _needs_admin(entity, by_name) else "",
        admin_fixture=", admin_client: AsyncClient" if _needs_admin(entity, by_name) else "",
        access_module=f"test_{pluralize(snake)}_access.py",
    )


def _admin_reason(entity: EntitySpec) -> str:
    """Which operations of `entity` are for admins, as the first words of a sentence."""
    ops = [op for op in entity.operations if entity.policy(op) == "admin"]
    if not ops:
        return ""
    if len(ops) == len(entity.operations):
        return f"{entity.entity} is for admins"
    listed = ", ".join(ops[:-1]) + " and " + ops[-1] if len(ops) > 1 else ops[0]
    return f"{entity.entity}'s {listed} {'are' if len(ops) > 1 else 'is'} for admins"
