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

Style = Literal["fortress", "pep8"]


@dataclass
class Context:
    """The project being checked.

    Attributes:
        root: The project root (the directory of fortress.yaml).
        package: The project's Python package.
        style: The naming style of fortress.yaml (``fortress`` or ``pep8``).
        entities: The entity names of the project's specs.
    """

    root: Path
    package: str
    style: Style
    entities: frozenset[str] = frozenset()
    _sources: dict[str, SourceFile | None] = field(default_factory=dict)
    _facts: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    _busy: set[tuple[str, str]] = field(default_factory=set)

    def add(self, source: SourceFile) -> None:
        """Remember a file the runner already parsed, so it is not parsed twice."""
        if source.module is not None:
            self._sources.setdefault(source.module, source)

    def source(self, module: str) -> SourceFile | None:
        """The parsed file of a project module (``app.core.http``), or None if there is none."""
        if module in self._sources:
            return self._sources[module]
        found: SourceFile | None = None
        if module.split(".")[0] == self.package:
            base = Path(*module.split("."))
            for candidate in (base.with_suffix(".py"), base / "__init__.py"):
                path = self.root / candidate
                if path.is_file():
                    relpath = candidate.as_posix()
                    try:
                        found = read_source(path, relpath, relpath, self.package)
                    except OSError:
                        found = None
                    break
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
            return self._facts[key]
        if key in self._busy:
            return frozenset()
        source = self.source(module)
        if source is None or source.tree is None:
            self._facts[key] = frozenset()
            return self._facts[key]
        self._busy.add(key)
        try:
            result = compute(source)
        finally:
            self._busy.discard(key)
        self._facts[key] = result
        return result
