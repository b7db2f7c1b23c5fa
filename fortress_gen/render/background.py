"""BackgroundView: what an entity's `cache:` and `events:` add to its service, tasks and tests.

The service reads through `core/cache.py` (a `ReadCache` per entity) and, after each
commit, invalidates the cache and enqueues the entity's event tasks (`core/worker.py`). The
task module is the user's: Fortress writes it once (see `plan/owned.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fortress_gen.config import ProjectConfig
from fortress_gen.naming import article, snake_case
from fortress_gen.render.lines import Imports, id_python_type
from fortress_gen.render.paths import Module
from fortress_gen.spec.model import EntitySpec

__all__ = [
    "BackgroundView",
    "EventTask",
    "build_background_view",
    "tasks_module",
]


@dataclass(frozen=True, slots=True)
class EventTask:
    """One Celery task of the entity's task module, run after an event."""

    name: str
    event: str
    docstring: str


@dataclass(frozen=True, slots=True)
class BackgroundView:
    """The cache and event parts of an entity's service, task module and tests.

    `cache_scope_arg` is empty while every caller gets the same answer; an owner-scoped
    entity passes `, scope=<the caller's id>` there, so that one caller's rows are never
    served to another.
    """

    entity: str
    worker_module: str
    cache: bool
    cache_ttl: int
    cache_scope_arg: str
    service_imports: list[str]
    after_create: list[str]
    after_update: list[str]
    after_delete: list[str]
    tasks: list[EventTask]
    tasks_module: Module
    task_imports: list[str]
    id_param: str
    id_type: str


def tasks_module(entity: EntitySpec, config: ProjectConfig) -> Module:
    """The user-owned module of the entity's event tasks, named in the project's style."""
    stem = (
        f"{snake_case(entity.entity)}_tasks" if config.style == "pep8" else f"{entity.entity}Tasks"
    )
    dotted = f"{config.package}.tasks.{stem}"
    return Module(dotted=dotted, path=dotted.replace(".", "/") + ".py")


def _task_name(entity: EntitySpec, event: str) -> str:
    return f"{snake_case(entity.entity)}_{event}"


_EVENT_DOCS = {
    "created": "Runs after {a} {name} is created and committed.",
    "updated": "Runs after {a} {name} is updated and committed.",
    "deleted": "Runs after {a} {name} is deleted and committed (it may be gone: use the id).",
}


def _dependents(entity: EntitySpec, entities: Sequence[EntitySpec]) -> list[str]:
    """Other cached entities whose rows a delete of `entity` can remove or change."""
    return sorted(
        other.entity
        for other in entities
        if other.cache is not None
        and other.entity != entity.entity
        and any(r.target == entity.entity for r in other.relations.values())
    )


def _nesting(entity: EntitySpec, entities: Sequence[EntitySpec]) -> list[str]:
    """Other cached entities whose responses nest a summary of `entity` (an update shows)."""
    return sorted(
        other.entity
        for other in entities
        if other.cache is not None
        and other.entity != entity.entity
        and any(r.target == entity.entity and r.nested for r in other.relations.values())
    )


def build_background_view(
    entity: EntitySpec, entities: Sequence[EntitySpec], config: ProjectConfig
) -> BackgroundView:
    """Compute the cache and event parts of `entity`'s generated code.

    Args:
        entity: The entity to render.
        entities: Every entity of the project (a delete invalidates the cached entities
            that reference the deleted row).
        config: The project settings.

    Returns:
        The view; its lists are empty when the entity has neither `cache:` nor `events:`.
    """
    package = config.package
    snake = snake_case(entity.entity)
    id_param = f"{snake}_id"
    imports = Imports()
    after: dict[str, list[str]] = {"created": [], "updated": [], "deleted": []}
    if entity.cache is not None:
        imports.add(f"from {package}.core.cache import ReadCache")
        for lines in after.values():
            lines.append("await _cache.invalidate()")
    dependents = _dependents(entity, entities)
    if dependents:
        imports.add(f"from {package}.core.cache import invalidate")
        names = ", ".join(f'"{name}"' for name in dependents)
        after["deleted"].append(f"await invalidate({names})")
    nesting = _nesting(entity, entities)
    if nesting:
        imports.add(f"from {package}.core.cache import invalidate")
        names = ", ".join(f'"{name}"' for name in nesting)
        after["updated"].append(f"await invalidate({names})")
    module = tasks_module(entity, config)
    tasks = []
    for event in entity.events:
        name = _task_name(entity, event)
        doc = _EVENT_DOCS[event].format(a=article(entity.entity), name=entity.entity)
        tasks.append(EventTask(name=name, event=event, docstring=doc))
        imports.add(
            f"from {module.dotted} import {name}", f"from {package}.core.worker import enqueue"
        )
        row_id = id_param if event == "deleted" else f"{snake}.id"
        after[event].append(f"await enqueue({name}, {row_id})")
    id_type = id_python_type(entity)
    task_imports = Imports("import logging", f"from {package}.core.worker import celery_app")
    if id_type == "UUID":
        task_imports.add("from uuid import UUID")
    return BackgroundView(
        entity=entity.entity,
        worker_module=f"{package}.core.worker",
        cache=entity.cache is not None,
        cache_ttl=entity.cache.ttl if entity.cache is not None else 0,
        cache_scope_arg=", scope=str(self._owner_id)" if entity.owned else "",
        service_imports=imports.lines(),
        after_create=after["created"],
        after_update=after["updated"],
        after_delete=after["deleted"],
        tasks=tasks,
        tasks_module=module,
        task_imports=task_imports.lines(),
        id_param=id_param,
        id_type=id_type,
    )
