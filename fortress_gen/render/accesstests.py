"""AccessTestView: the generated tests that prove an entity's `access:` policies hold.

Per operation: no token is a 401 (but for public ones), a regular user is refused admin
operations with a 403 and an admin passes them. For `access: owner`: another user's row is
a 404 on get, update and delete, is absent from their list and unchanged afterwards; every
user's rows are their own; `owner_id` is never taken from a client; a foreign key naming
another user's row is refused. No response holds a password, a hash or a secret field.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fortress_gen.naming import pluralize, snake_case
from fortress_gen.render.paths import Module
from fortress_gen.render.testviews import TestView
from fortress_gen.spec.model import EntitySpec, Operation
from fortress_gen.spec.relations import is_key

__all__ = ["AccessTestView", "OwnedReference", "build_access_test_view"]

_CALLS: dict[Operation, tuple[str, str, int]] = {
    # method, URL (a Python expression), the status a caller who passes the guard gets
    "list": ("GET", "ROUTE", 200),
    "create": ("POST", "ROUTE", 422),  # an empty payload; 201 when no field is required
    "get": ("GET", "MISSING", 404),
    "update": ("PATCH", "MISSING", 404),
    "delete": ("DELETE", "MISSING", 404),
}
_CREDENTIALS = ("password", "hashed_password")


@dataclass(frozen=True, slots=True)
class OwnedReference:
    """A foreign key to an owned entity: another user's row must not be named."""

    column: str
    target: str
    create_target: str  # the factory call that creates the other user's row


@dataclass(frozen=True, slots=True)
class AccessTestView:
    """The context of `test_access.py.jinja` (the template sees it as `a`)."""

    name: str
    var: str
    plural_var: str
    module: Module
    imports: list[str]
    route_path: str
    missing_id: str
    guarded_calls: list[str]  # `("GET", ROUTE)`: operations that need a token
    admin_calls: list[str]  # `("GET", ROUTE, 200)`: operations for admins only
    public_calls: list[str]  # `("GET", ROUTE, 200)`: operations anyone may call
    owned: bool
    owner_rows: bool  # the owner tests can create rows (create and get or list exist)
    op_list: bool
    op_get: bool
    op_update: bool
    op_delete: bool
    create_func: str
    body_func: str
    admin_arg: str
    admin_fixture: str
    owned_references: list[OwnedReference]
    rows: bool  # rows can be created and read, for the test of what responses hold
    rows_actor: str  # the fixture that test acts as
    rows_fixtures: str  # its parameters
    rows_admin_arg: str
    hidden_keys: str  # a Python set literal


def _call(operation: Operation, *, status: bool, empty_is_valid: bool = False) -> str:
    method, url, code = _CALLS[operation]
    if operation == "create" and empty_is_valid:
        code = 201
    return f'("{method}", {url}, {code})' if status else f'("{method}", {url})'


def build_access_test_view(
    entity: EntitySpec,
    entities: Sequence[EntitySpec],
    tests: TestView,
) -> AccessTestView:
    """Compute the access tests of `entity`.

    Args:
        entity: The entity under test.
        entities: Every entity of the project (the targets of its relations).
        tests: The entity's API test view (factories, routes, missing ids).

    Returns:
        The view of `tests/api/test_<entities>_access.py`.
    """
    by_name = {e.entity: e for e in entities}
    snake = snake_case(entity.entity)
    plural = pluralize(snake)
    ops = entity.operations
    policies = {op: entity.policy(op) for op in ops}
    owner_rows = entity.owned and tests.creatable and (tests.op_get or tests.op_list)
    references = [
        OwnedReference(
            column=f"{name}_id",
            target=relation.target,
            create_target=f"create_{snake_case(relation.target)}(other_client, 2{tests.admin_arg})",
        )
        for name, relation in entity.relations.items()
        if owner_rows
        and is_key(relation)
        and relation.target in by_name
        and by_name[relation.target].owned
    ]
    imports = {
        "import pytest",
        "from httpx import AsyncClient",
        "from tests.envelope import unwrap",
    }
    if owner_rows or tests.test_rows:
        imports.add(f"from tests.api.factories import {tests.create_func}")
    if owner_rows:
        imports.add(f"from tests.api.factories import {tests.body_func}")
    imports.update(
        f"from tests.api.factories import create_{snake_case(r.target)}" for r in references
    )
    readable = {name for name, field in entity.fields.items() if not field.secret}
    credentials = [name for name in _CREDENTIALS if name not in readable]
    hidden = list(dict.fromkeys([*credentials, *(n for n, f in entity.fields.items() if f.secret)]))
    empty_is_valid = not tests.required_fields
    as_admin = tests.acts_as_admin
    actor = "admin_client" if as_admin else "client"
    fixtures = f"{actor}: AsyncClient" + ("" if as_admin else tests.admin_fixture)
    return AccessTestView(
        name=entity.entity,
        var=snake,
        plural_var=plural,
        module=Module(dotted=f"tests.api.test_{plural}_access", path=tests_path(plural)),
        imports=sorted(imports),
        route_path=tests.route_path,
        missing_id=tests.missing_id,
        guarded_calls=[_call(op, status=False) for op in ops if policies[op] != "public"],
        admin_calls=[
            _call(op, status=True, empty_is_valid=empty_is_valid)
            for op in ops
            if policies[op] == "admin"
        ],
        public_calls=[
            _call(op, status=True, empty_is_valid=empty_is_valid)
            for op in ops
            if policies[op] == "public"
        ],
        owned=entity.owned,
        owner_rows=owner_rows,
        op_list=tests.op_list,
        op_get=tests.op_get,
        op_update=tests.op_update,
        op_delete=tests.op_delete,
        create_func=tests.create_func,
        body_func=tests.body_func,
        admin_arg=tests.admin_arg,
        admin_fixture=tests.admin_fixture,
        owned_references=references,
        rows=tests.test_rows,
        rows_actor=actor,
        rows_fixtures=fixtures,
        rows_admin_arg=(", admin=admin_client" if as_admin else tests.admin_arg)
        if tests.admin_arg
        else "",
        hidden_keys="{" + ", ".join(f'"{key}"' for key in hidden) + "}",
    )


def tests_path(plural: str) -> str:
    """Where the access tests of an entity (by its plural snake_case name) live."""
    return f"tests/api/test_{plural}_access.py"
