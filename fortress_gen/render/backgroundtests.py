"""The context of an entity's generated cache and event tests (`cache:`, `events:`)."""

from __future__ import annotations

from dataclasses import dataclass

from fortress_gen.config import ProjectConfig
from fortress_gen.naming import pluralize, snake_case
from fortress_gen.render.background import BackgroundView, EventTask
from fortress_gen.render.lines import Imports
from fortress_gen.render.paths import Module, entity_paths
from fortress_gen.render.testviews import TestView
from fortress_gen.spec.model import EntitySpec

__all__ = ["BackgroundTestView", "build_background_test_view"]


@dataclass(frozen=True, slots=True)
class BackgroundTestView:
    """What the cache and event tests of one entity need (the templates see it as `t`)."""

    name: str
    var: str
    route_path: str
    create_func: str
    body_func: str
    missing_id: str
    row_id: str
    op_update: bool
    op_delete: bool
    distinct_rows: bool
    update_changes: str
    reference_column: str
    reference_missing: str
    cache_module: Module | None
    cache_imports: list[str]
    events_module: Module | None
    events_imports: list[str]
    created: EventTask | None
    updated: EventTask | None
    deleted: EventTask | None
    acts_as_admin: bool
    admin_reason: str
    admin_arg: str
    admin_fixture: str
    access_module: str


def _test_module(entity: EntitySpec, suffix: str) -> Module:
    stem = f"test_{pluralize(snake_case(entity.entity))}_{suffix}"
    return Module(dotted=f"tests.api.{stem}", path=f"tests/api/{stem}.py")


def build_background_test_view(
    entity: EntitySpec,
    config: ProjectConfig,
    tests: TestView,
    background: BackgroundView,
) -> BackgroundTestView | None:
    """The cache and event tests of `entity`, or None when it has neither or the tests
    cannot create its rows through the API (then its API tests are skipped too).

    Args:
        entity: The entity under test.
        config: The project settings.
        tests: The entity's API test view (factories, sample changes, missing ids).
        background: The entity's cache and event view.
    """
    if not tests.test_rows or not (background.cache or background.tasks):
        return None
    snake = snake_case(entity.entity)
    paths = entity_paths(entity, config)
    common = [
        "from httpx import AsyncClient",
        f"from tests.api.factories import {tests.create_func}",
        "from tests.envelope import unwrap",
    ]
    cache_imports = Imports(
        *common,
        "from typing import Any",
        "import sqlalchemy as sa",
        "from sqlalchemy.ext.asyncio import AsyncEngine",
        f"from {paths.model.dotted} import {entity.entity}",
    )
    if entity.id == "uuid":
        cache_imports.add("from uuid import UUID")
    by_event = {task.event: task for task in background.tasks}
    if tests.acts_as_admin:
        cache_imports.add("import pytest")
    events_imports = Imports(*common)
    if tests.acts_as_admin:
        events_imports.add("import pytest")
    events_imports.add(
        *(f"from {background.tasks_module.dotted} import {task.name}" for task in background.tasks)
    )
    reference = next(iter(tests.reference_tests), None)
    if reference is not None:
        events_imports.add(f"from tests.api.factories import {tests.body_func}")
    return BackgroundTestView(
        name=entity.entity,
        var=snake,
        route_path=tests.route_path,
        create_func=tests.create_func,
        body_func=tests.body_func,
        missing_id=tests.missing_id,
        row_id='UUID(created["id"])' if entity.id == "uuid" else 'created["id"]',
        op_update=tests.op_update,
        op_delete=tests.op_delete,
        distinct_rows=tests.distinct_rows,
        update_changes=tests.update_changes,
        reference_column=reference.column if reference else "",
        reference_missing=reference.missing if reference else "",
        cache_module=_test_module(entity, "cache") if background.cache else None,
        cache_imports=cache_imports.lines(),
        events_module=_test_module(entity, "events") if background.tasks else None,
        events_imports=events_imports.lines(),
        created=by_event.get("created"),
        updated=by_event.get("updated"),
        deleted=by_event.get("deleted"),
        acts_as_admin=tests.acts_as_admin,
        admin_reason=tests.admin_reason,
        admin_arg=tests.admin_arg,
        admin_fixture=tests.admin_fixture,
        access_module=tests.access_module,
    )
