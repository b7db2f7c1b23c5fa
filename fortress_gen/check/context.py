"""What the rules know about the whole project: settings, and facts about other modules.

Some rules look past the file they check: a service that calls a helper which raises
`HTTPException`, an endpoint parameter typed with a session alias defined in `api/deps.py`.
`Context` finds the project's modules by dotted name, parses each at most once, and
caches what the rules ask about them. It never imports the user's code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from fortress_gen.check.source import SourceFile, read_source

__all__ = ["Context"]


def _loader() -> type:
    import yaml

    loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return loader


Style = Literal["fortress", "pep8"]


@dataclass
class Context:
    """The project being checked.

    Attributes:
        root: The project root (the directory of fortress.yaml).
        package: The project's Python package.
        style: The naming style of fortress.yaml (``fortress`` or ``pep8``).
        entities: The entity names of the project's specs.
        specs: The text of each entity's spec file, by entity name.
    """

    root: Path
    package: str
    style: Style
    entities: frozenset[str] = frozenset()
    specs: dict[str, str] = field(default_factory=dict)
    _sources: dict[str, SourceFile | None] = field(default_factory=dict)
    _facts: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    _fact_deps: dict[tuple[str, str], set[str]] = field(default_factory=dict)
    _busy: set[tuple[str, str]] = field(default_factory=set)
    _touched: set[str] | None = None
    _relpaths: dict[str, str | None] = field(default_factory=dict)

    def public_fields(self, entity: str) -> frozenset[str]:
        """The fields an entity's spec declares and does not mark `secret` (with `_id` keys).

        A field the spec declares in the open is meant to be returned, whatever its name
        (a content `hash`, a public `token`); the generator already leaves secret ones out.
        """
        import yaml

        try:
            data = yaml.load(self.specs.get(entity, ""), Loader=_loader())
        except yaml.YAMLError:
            return frozenset()
        if not isinstance(data, dict):
            return frozenset()
        found: set[str] = set()
        for key, shown in (("fields", "{}"), ("relations", "{}_id")):
            section = data.get(key)
            if isinstance(section, dict):
                for name, options in section.items():
                    if not (isinstance(options, dict) and options.get("secret") is True):
                        found.add(shown.format(name))
        return frozenset(found)

    def track(self) -> None:
        """Start recording which project modules the rules look at (for the cache)."""
        self._touched = set()

    def tracked(self) -> set[str]:
        """The project modules looked at since `track()`; stops recording."""
        touched, self._touched = self._touched or set(), None
        return touched

    def module_relpath(self, module: str) -> str | None:
        """The project-relative path of a project module's file, if it exists."""
        if module not in self._relpaths:
            self._relpaths[module] = None
            if module.split(".")[0] == self.package:
                base = module.replace(".", "/")
                for candidate in (base + ".py", base + "/__init__.py"):
                    if (self.root / candidate).is_file():
                        self._relpaths[module] = candidate
                        break
        return self._relpaths[module]

    def add(self, source: SourceFile) -> None:
        """Remember a file the runner already read, so it is not read twice."""
        if source.module is not None and source.relpath is not None:
            self._sources.setdefault(source.module, source)
            self._relpaths.setdefault(source.module, source.relpath)

    def source(self, module: str) -> SourceFile | None:
        """The parsed file of a project module (``app.core.http``), or None if there is none."""
        if self._touched is not None and module.split(".")[0] == self.package:
            self._touched.add(module)
        if module in self._sources:
            return self._sources[module]
        found: SourceFile | None = None
        relpath = self.module_relpath(module)
        if relpath is not None:
            try:
                found = read_source(self.root / relpath, relpath, relpath, self.package)
            except OSError:
                found = None
        self._sources[module] = found
        return found

    def facts(
        self, module: str, kind: str, compute: Callable[[SourceFile], frozenset[str]]
    ) -> frozenset[str]:
        """A cached set of names `compute` finds in `module` (empty for unknown modules).

        A module that asks about itself through an import cycle gets the empty set for
        the inner question, so recursion always ends.
        """
        key = (module, kind)
        if key in self._facts:
            if self._touched is not None:
                self._touched |= self._fact_deps[key]
            return self._facts[key]
        if key in self._busy:
            return frozenset()
        outer, self._touched = self._touched, set()
        try:
            source = self.source(module)
            result: frozenset[str] = frozenset()
            if source is not None and source.tree is not None:
                self._busy.add(key)
                try:
                    result = compute(source)
                finally:
                    self._busy.discard(key)
        finally:
            deps, self._touched = self._touched, outer
        self._facts[key] = result
        self._fact_deps[key] = deps
        if outer is not None:
            outer |= deps
        return result
