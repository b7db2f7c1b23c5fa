"""`[tool.fortress]` in the project's pyproject.toml: which rules run, and where not.

```toml
[tool.fortress]
select = ["FTR"]                 # codes or prefixes; FTR = every rule (the default)
ignore = []                      # codes or prefixes to leave out
exclude = []                     # globs of paths not to check at all
[tool.fortress.per-file-ignores]
"tests/*" = ["FTR405"]           # glob (relative to the project root) -> codes or prefixes
```

As in ruff, the most specific prefix decides: ``select = ["FTR"]`` with ``ignore =
["FTR2"]`` turns the FTR2 family off, and ``select = ["FTR203"]`` on top of that turns one
rule back on. In globs, ``*`` also matches ``/``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

from fortress_gen.check.registry import RULES
from fortress_gen.errors import Location, ProjectError

__all__ = ["CheckConfig", "load_check_config", "parse_codes"]

_KEYS = ("select", "ignore", "exclude", "per-file-ignores")


@dataclass(frozen=True)
class CheckConfig:
    """Rule selection and ignores.

    Attributes:
        select: Codes or prefixes that are on.
        ignore: Codes or prefixes that are off (more specific entries win).
        exclude: Globs of project-relative paths that are not checked.
        per_file_ignores: (glob, codes) pairs: codes not reported in matching files.
    """

    select: tuple[str, ...] = ("FTR",)
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())

    def enabled(self, code: str) -> bool:
        """Whether a rule is on: the longest matching prefix decides, ignore wins a tie."""
        chosen = max((len(p) for p in self.select if code.startswith(p)), default=-1)
        dropped = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        return chosen >= 0 and chosen > dropped

    def ignored_in(self, relpath: str | None, code: str) -> bool:
        """Whether a per-file ignore silences `code` in the file at `relpath`."""
        if relpath is None:
            return False
        return any(
            fnmatchcase(relpath, pattern) and any(code.startswith(c) for c in codes)
            for pattern, codes in self.per_file_ignores
        )

    def excluded(self, relpath: str) -> bool:
        """Whether a project-relative path matches `exclude`."""
        return any(fnmatchcase(relpath, pattern) for pattern in self.exclude)


def parse_codes(values: object, where: str, location: Location | None = None) -> tuple[str, ...]:
    """Validate a list of rule codes or prefixes (``FTR``, ``FTR1``, ``FTR101``).

    Raises:
        ProjectError: A value is not a string or matches no rule.
    """
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ProjectError(
            f"{where}: expected a list of rule codes",
            location=location,
            hint='like ["FTR1", "FTR405"]',
        )
    codes = tuple(v.strip().upper() for v in values)
    for code in codes:
        if not code or not any(rule.startswith(code) for rule in RULES):
            raise ProjectError(
                f"{where}: {code!r} is not a rule code or prefix",
                location=location,
                hint="codes are listed by `fortress check --list-rules`; FTR selects them all",
            )
    return codes


def load_check_config(root: Path) -> CheckConfig:
    """Read `[tool.fortress]` from `<root>/pyproject.toml`; defaults when there is none.

    Raises:
        ProjectError: The file is not valid TOML, or the table has a bad key or value
            (located at its line).
    """
    path = root / "pyproject.toml"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return CheckConfig()
    except (OSError, UnicodeDecodeError) as exc:
        raise ProjectError(f"cannot read pyproject.toml: {exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ProjectError(
            f"pyproject.toml is not valid TOML: {exc}", location=Location(Path("pyproject.toml"))
        ) from None
    table = data.get("tool", {}).get("fortress")
    if table is None:
        return CheckConfig()

    def at(needle: str) -> Location:
        for number, line in enumerate(text.splitlines(), start=1):
            if needle in line:
                return Location(Path("pyproject.toml"), number, line.index(needle) + 1)
        return Location(Path("pyproject.toml"))

    if not isinstance(table, dict):
        raise ProjectError("[tool.fortress] must be a table", location=at("tool.fortress"))
    for key in table:
        if key not in _KEYS:
            raise ProjectError(
                f"[tool.fortress]: unknown key {key!r}",
                location=at(key),
                hint="allowed: " + ", ".join(_KEYS),
            )
    select = parse_codes(table.get("select", ["FTR"]), "[tool.fortress] select", at("select"))
    ignore = parse_codes(table.get("ignore", []), "[tool.fortress] ignore", at("ignore"))
    exclude = _globs(table.get("exclude", []), at("exclude"))
    per_file: Any = table.get("per-file-ignores", {})
    if not isinstance(per_file, dict):
        raise ProjectError(
            "[tool.fortress] per-file-ignores must be a table of glob = [codes]",
            location=at("per-file-ignores"),
        )
    pairs = tuple(
        (pattern, parse_codes(codes, f"[tool.fortress.per-file-ignores] {pattern!r}", at(pattern)))
        for pattern, codes in sorted(per_file.items())
    )
    return CheckConfig(select=select, ignore=ignore, exclude=exclude, per_file_ignores=pairs)


def _globs(values: object, location: Location) -> tuple[str, ...]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ProjectError(
            "[tool.fortress] exclude: expected a list of globs",
            location=location,
            hint='like ["scripts/*"]',
        )
    return tuple(values)
