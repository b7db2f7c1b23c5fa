"""The resolved project: its settings and the checked, immutable set of entity specs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fortress_gen.config import ProjectConfig, load_config
from fortress_gen.errors import ProjectError
from fortress_gen.spec.loader import LoadedSpec, load_specs
from fortress_gen.spec.model import EntitySpec, RelationSpec

__all__ = ["Project", "Referrer", "load_project"]


@dataclass(frozen=True)
class Referrer:
    """A relation of one entity that points at another (``Order.customer -> Customer``)."""

    entity: str
    name: str
    relation: RelationSpec


@dataclass(frozen=True)
class Project:
    """A project whose specs passed every check; entities are sorted by name.

    Attributes:
        root: The project root (the directory of fortress.yaml).
        config: The settings from fortress.yaml.
        entities: The entity specs, sorted by entity name.
        loaded: The loaded spec files (same order), for locating later errors.
    """

    root: Path
    config: ProjectConfig
    entities: tuple[EntitySpec, ...]
    loaded: tuple[LoadedSpec, ...] = ()

    @property
    def specs_dir(self) -> Path:
        """The folder of entity specs (absolute when `root` is)."""
        return self.root / self.config.specs

    @property
    def entity_names(self) -> tuple[str, ...]:
        """The entity names, sorted."""
        return tuple(spec.entity for spec in self.entities)

    def entity(self, name: str) -> EntitySpec:
        """Return the spec of one entity.

        Args:
            name: The entity name, e.g. ``"Order"``.

        Returns:
            Its spec.

        Raises:
            ProjectError: The project has no such entity.
        """
        for spec in self.entities:
            if spec.entity == name:
                return spec
        known = ", ".join(self.entity_names) or "none"
        raise ProjectError(f"no entity {name!r} in this project", hint=f"known: {known}")

    def loaded_spec(self, name: str) -> LoadedSpec:
        """Return the loaded spec file of one entity (its path and source marks).

        Args:
            name: The entity name.

        Returns:
            The loaded spec.

        Raises:
            ProjectError: The project has no loaded file for that entity.
        """
        for item in self.loaded:
            if item.spec.entity == name:
                return item
        raise ProjectError(f"no spec file for entity {name!r}")

    def spec_path(self, name: str) -> Path:
        """Return the spec file of an entity, relative to the project root.

        An entity the project does not have yet gets the path its file would have
        (``specs/Order.yaml``), which is what `fortress new-entity` writes.

        Args:
            name: The entity name.

        Returns:
            The path relative to `root`.
        """
        for item in self.loaded:
            if item.spec.entity == name:
                return item.path
        return Path(self.config.specs) / f"{name}.yaml"

    def referrers(self, name: str) -> tuple[Referrer, ...]:
        """List the relations of all entities that target `name`, sorted.

        Args:
            name: The target entity name.

        Returns:
            ``(entity, relation name, relation)`` triples, sorted by entity, then name.
        """
        return tuple(
            Referrer(spec.entity, rel_name, relation)
            for spec in self.entities
            for rel_name, relation in sorted(spec.relations.items())
            if relation.target == name
        )


def load_project(root: Path) -> Project:
    """Load fortress.yaml and every spec, and check them as a whole.

    Args:
        root: The project root.

    Returns:
        The resolved project.

    Raises:
        ProjectError: `root` is not a Fortress project, or its specs folder is missing.
        SpecErrors: Every problem in fortress.yaml, or in the specs, each located.
    """
    from fortress_gen.spec.resolve import resolve_project

    config = load_config(root)
    loaded = load_specs(root / config.specs, root)
    return resolve_project(root, config, loaded)
