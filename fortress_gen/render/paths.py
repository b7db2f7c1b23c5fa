"""Where each generated file of an entity lives, by naming style (DESIGN.md §1)."""

from __future__ import annotations

from dataclasses import dataclass

from fortress_gen.config import ProjectConfig
from fortress_gen.naming import pluralize, snake_case
from fortress_gen.spec.model import EntitySpec

__all__ = ["EntityPaths", "Module", "entity_paths"]


@dataclass(frozen=True, slots=True)
class Module:
    """A generated Python module: its import path and its file path relative to the root."""

    dotted: str
    path: str

    @property
    def name(self) -> str:
        """The last segment of the dotted path."""
        return self.dotted.rpartition(".")[2]


@dataclass(frozen=True, slots=True)
class EntityPaths:
    """Every module Fortress writes for one entity."""

    model: Module
    schema: Module
    repository: Module
    service: Module
    endpoints: Module
    tests: Module


def _module(package: str, subpackage: str, name: str) -> Module:
    dotted = f"{package}.{subpackage}.{name}"
    return Module(dotted=dotted, path=dotted.replace(".", "/") + ".py")


def entity_paths(entity: EntitySpec, config: ProjectConfig) -> EntityPaths:
    """The modules of `entity` in the project's naming style.

    Args:
        entity: The entity spec.
        config: The project settings (package and style).

    Returns:
        The model, schema, repository, service, endpoints and test modules.
    """
    name = entity.entity
    snake = snake_case(name)
    plural = pluralize(snake)
    if config.style == "pep8":
        stems = (snake, f"{snake}_schema", f"{snake}_repository", f"{snake}_service")
    else:
        stems = (name, f"{name}Schema", f"{name}Repository", f"{name}Service")
    package = config.package
    return EntityPaths(
        model=_module(package, "models", stems[0]),
        schema=_module(package, "schemas", stems[1]),
        repository=_module(package, "repositories", stems[2]),
        service=_module(package, "services", stems[3]),
        endpoints=_module(package, "api.v1.endpoints", plural),
        tests=Module(dotted=f"tests.api.test_{plural}", path=f"tests/api/test_{plural}.py"),
    )
