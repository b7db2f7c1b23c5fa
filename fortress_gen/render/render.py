"""Render an entity's files from its view: pure functions from views to source text."""

from __future__ import annotations

from collections.abc import Sequence

from fortress_gen.config import ProjectConfig
from fortress_gen.render.accesstests import build_access_test_view
from fortress_gen.render.background import build_background_view
from fortress_gen.render.backgroundtests import build_background_test_view
from fortress_gen.render.env import environment
from fortress_gen.render.testviews import build_factories_view
from fortress_gen.render.views import EntityView, build_entity_view
from fortress_gen.spec.model import EntitySpec

__all__ = [
    "DEPENDENCY_ATTRIBUTES",
    "FACTORIES_PATH",
    "render_dependencies",
    "render_entity",
    "render_owned",
    "render_shared",
]

DEPENDENCY_ATTRIBUTES = frozenset(
    {"entity", "table", "route", "id", "access", "operations", "relations", "cache", "fields"}
)
"""What `render_entity` may read of an entity other than the one it renders.

Names, keys, routes and what can be created (to reach or create related rows), the
relations (to follow required chains, and for reverse relations), and whether a referrer is
cached (a delete clears the caches of the entities that refer to the row), and the fields (a
`nested: true` relation returns a summary of the target's fields). Everything else of a
related spec, descriptions included, only shapes that entity's own files; a
test (`tests/unit/test_render_dependencies.py`) keeps this list honest.
"""

FACTORIES_PATH = "tests/api/factories.py"


def render_entity(
    entity: EntitySpec, entities: Sequence[EntitySpec], config: ProjectConfig
) -> dict[str, str]:
    """Every generated file of one entity, unformatted, keyed by path relative to the root.

    Args:
        entity: The entity to render.
        entities: All entities of the project.
        config: The project settings.

    Returns:
        A mapping of relative path to source text.
    """
    view: EntityView = build_entity_view(entity, entities, config)
    env = environment()
    paths = view.paths
    files = {
        paths.model.path: env.get_template("entity/model.py.jinja").render(e=view),
        paths.schema.path: env.get_template("entity/schema.py.jinja").render(e=view),
        paths.repository.path: env.get_template("entity/repository.py.jinja").render(e=view),
        paths.service.path: env.get_template("entity/service.py.jinja").render(e=view),
        paths.endpoints.path: env.get_template("entity/endpoints.py.jinja").render(e=view),
        paths.tests.path: env.get_template("entity/test_api.py.jinja").render(e=view.tests),
    }
    access_tests = build_access_test_view(entity, entities, view.tests)
    files[access_tests.module.path] = env.get_template("entity/test_access.py.jinja").render(
        a=access_tests
    )
    files.update(_render_background_tests(entity, config, view))
    return files


def _render_background_tests(
    entity: EntitySpec, config: ProjectConfig, view: EntityView
) -> dict[str, str]:
    """The cache and event tests of `entity`, when it has `cache:` or `events:`."""
    tests = build_background_test_view(entity, config, view.tests, view.background)
    if tests is None:
        return {}
    env = environment()
    files = {}
    if tests.cache_module is not None:
        files[tests.cache_module.path] = env.get_template("entity/test_cache.py.jinja").render(
            t=tests
        )
    if tests.events_module is not None:
        template = env.get_template("entity/test_events.py.jinja")
        files[tests.events_module.path] = template.render(t=tests)
    return files


def render_dependencies(
    entity: EntitySpec, entities: Sequence[EntitySpec]
) -> tuple[EntitySpec, ...]:
    """The specs `render_entity` may read for `entity`: what its files depend on.

    That is the entity itself, every entity it reaches through its relations (its tests
    create the rows a required relation needs, which need theirs), and every entity with a
    relation to it (a reverse relation names the referrer); of all but the entity itself
    only `DEPENDENCY_ATTRIBUTES` are read. A change to anything else cannot change this
    entity's files, which is what lets `fortress generate` skip it.

    Args:
        entity: The entity.
        entities: All entities of the project.

    Returns:
        The specs, sorted by entity name.
    """
    by_name = {e.entity: e for e in entities}
    found = {entity.entity: entity}
    queue = [entity]
    while queue:
        current = queue.pop()
        for relation in current.relations.values():
            target = by_name.get(relation.target)
            if target is not None and target.entity not in found:
                found[target.entity] = target
                queue.append(target)
    for other in entities:
        if any(r.target == entity.entity for r in other.relations.values()):
            found.setdefault(other.entity, other)
    return tuple(found[name] for name in sorted(found))


def render_shared(entities: Sequence[EntitySpec], config: ProjectConfig) -> dict[str, str]:
    """The generated files that belong to no one entity (the API tests' factories).

    Args:
        entities: All entities of the project.
        config: The project settings.

    Returns:
        A mapping of relative path to source text (empty when there is nothing to write).
    """
    factories = build_factories_view(entities, config)
    if factories is None:
        return {}
    template = environment().get_template("entity/factories.py.jinja")
    return {FACTORIES_PATH: template.render(f=factories)}


def render_owned(
    entity: EntitySpec, entities: Sequence[EntitySpec], config: ProjectConfig
) -> dict[str, tuple[str, tuple[str, ...]]]:
    """The files of `entity` that Fortress writes once and the user owns (its event tasks).

    Args:
        entity: The entity to render.
        entities: All entities of the project.
        config: The project settings.

    Returns:
        Per path, the unformatted text and the names the generated code imports from it
        (empty when the entity has no `events:`).
    """
    view = build_background_view(entity, entities, config)
    if not view.tasks:
        return {}
    text = environment().get_template("entity/tasks.py.jinja").render(b=view)
    return {view.tasks_module.path: (text, tuple(task.name for task in view.tasks))}
