"""Run `fortress check`: find the files, run the selected rules, drop what is ignored.

Files are read and parsed once; rules never import the user's code. Paths default to the
whole project. Drift (FTR5xx but FTR503) looks at the whole project, so it runs when the
whole project is checked (no PATHS, or the project root among them).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fortress_gen.check import drift
from fortress_gen.check.config import CheckConfig, load_check_config
from fortress_gen.check.context import Context
from fortress_gen.check.registry import RULES, Finding
from fortress_gen.check.rules import FAMILIES
from fortress_gen.check.rules.conflicts import check_text
from fortress_gen.check.source import SourceFile
from fortress_gen.errors import Location, ProjectError

__all__ = ["CheckResult", "run_check"]

# Folders never checked (tools' caches, environments, build output, VCS data).
_SKIP_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".venv",
        "venv",
        ".tox",
        ".nox",
        "__pycache__",
        ".mypy_cache",
        ".ruff_cache",
        ".pytest_cache",
        ".import_linter_cache",
        "node_modules",
        "build",
        "dist",
        ".eggs",
        "site-packages",
    }
)
# Text files that may hold merge-conflict markers besides Python.
_TEXT_SUFFIXES = frozenset(
    {
        ".pyi",
        ".yaml",
        ".yml",
        ".toml",
        ".cfg",
        ".ini",
        ".json",
        ".md",
        ".rst",
        ".txt",
        ".mako",
        ".lock",
        ".jinja",
        ".sql",
    }
)
_TEXT_NAMES = frozenset({"Dockerfile", ".gitignore", ".dockerignore", ".env.example"})
_MAX_BYTES = 2_000_000
_ENTITY = re.compile(r"^entity:\s*[\"']?([A-Za-z_][A-Za-z0-9_]*)", re.MULTILINE)


@dataclass(frozen=True)
class CheckResult:
    """What a check found.

    Attributes:
        findings: The findings, sorted by path, line, column and code.
        files: How many files were checked.
    """

    findings: tuple[Finding, ...]
    files: int


def run_check(
    root: Path,
    paths: Sequence[Path] = (),
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    cwd: Path | None = None,
) -> CheckResult:
    """Check `paths` (default: the whole project at `root`).

    Args:
        root: The project root (the directory of fortress.yaml).
        paths: Files or folders to check; relative ones are taken from `cwd`.
        select: Codes or prefixes that replace the configured `select`.
        ignore: Codes or prefixes ignored on top of the configured `ignore`.
        cwd: The directory paths are shown relative to (default: the current one).

    Returns:
        The findings and the number of files checked.

    Raises:
        ProjectError: A path does not exist, or `[tool.fortress]` is invalid.
        FortressError: fortress.yaml (or, for drift, a spec) is invalid.
    """
    from fortress_gen.config import load_config

    root = root.resolve()
    here = (cwd or Path.cwd()).resolve()
    settings = load_config(root)
    config = load_check_config(root)
    config = CheckConfig(
        select=tuple(select) if select is not None else config.select,
        ignore=(*config.ignore, *ignore),
        exclude=config.exclude,
        per_file_ignores=config.per_file_ignores,
    )
    ctx = Context(root, settings.package, settings.style, _entities(root / settings.specs))
    targets = [(p if p.is_absolute() else here / p) for p in paths] or [root]
    for target in targets:
        if not target.exists():
            raise ProjectError(
                f"{target.as_posix()}: no such file or folder",
                hint="give files or folders to check",
            )

    def shown(relpath: str) -> str:
        return _shown(root / relpath, here)

    codes = [code for code in RULES if config.enabled(code)]
    families = [(c, check) for c, check in FAMILIES if any(code in codes for code in c)]
    findings: list[Finding] = []
    files = _collect(targets, root, config)
    sources: list[tuple[SourceFile, Path]] = []
    for path in files:
        relpath = _relpath(path, root)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ProjectError(
                f"cannot read {_shown(path, here)}: {exc.strerror}",
                location=Location(Path(_shown(path, here))),
            ) from None
        if len(data) > _MAX_BYTES or b"\0" in data[:8192]:
            continue
        text = data.decode("utf-8-sig", errors="replace")
        display = _shown(path, here)
        findings.extend(check_text(display, text))
        if path.suffix == ".py":
            source = SourceFile(display, relpath, text, settings.package)
            ctx.add(source)
            sources.append((source, path))
    for source, _ in sources:
        error = source.syntax_error
        if error is not None:
            if not any(f.path == source.path and f.code == "FTR503" for f in findings):
                line = error.lineno or 1
                column = source.column(line, (error.offset or 1) - 1)
                message = f"{RULES['FTR001'].message}: {error.msg}"
                findings.append(Finding(source.path, line, column, "FTR001", message))
            continue
        for _codes, check in families:
            findings.extend(check(source, ctx))
    if any(code in codes for code in drift.CODES) and root in targets:
        findings.extend(drift.drift_findings(root, shown))
    relpaths = {source.path: source.relpath for source, _ in sources}
    by_path = {source.path: source for source, _ in sources}
    kept = []
    for item in sorted(set(findings), key=Finding.sort_key):
        if not config.enabled(item.code):
            continue
        relpath = relpaths.get(item.path) or _relpath(Path(item.path), root, here)
        if config.ignored_in(relpath, item.code):
            continue
        parsed = by_path.get(item.path)
        if parsed is not None and parsed.ignored(item.line, item.code):
            continue
        kept.append(item)
    return CheckResult(tuple(kept), len(files))


def _entities(specs: Path) -> frozenset[str]:
    """The entity names of the project's specs (read from `entity:` lines, not parsed)."""
    names: set[str] = set()
    if specs.is_dir():
        for path in sorted(specs.iterdir()):
            if path.suffix in (".yaml", ".yml") and path.is_file():
                match = _ENTITY.search(path.read_text(encoding="utf-8", errors="replace"))
                names.add(match.group(1) if match else path.stem)
    return frozenset(names)


def _collect(targets: Sequence[Path], root: Path, config: CheckConfig) -> list[Path]:
    """Every file to check: given files as they are, folders walked (skipping tool folders)."""
    found: dict[Path, None] = {}
    for target in targets:
        if target.is_file():
            found[target] = None
            continue
        for directory, subdirs, names in os.walk(target):
            base = Path(directory)
            subdirs[:] = sorted(
                d
                for d in subdirs
                if d not in _SKIP_DIRS
                and not d.endswith(".egg-info")
                and not _excluded(base / d, root, config)
            )
            for name in sorted(names):
                path = base / name
                if (
                    name.endswith(".py") or path.suffix in _TEXT_SUFFIXES or name in _TEXT_NAMES
                ) and not _excluded(path, root, config):
                    found[path] = None
    return sorted(found)


def _excluded(path: Path, root: Path, config: CheckConfig) -> bool:
    relpath = _relpath(path, root)
    return relpath is not None and config.excluded(relpath)


def _relpath(path: Path, root: Path, cwd: Path | None = None) -> str | None:
    absolute = path if path.is_absolute() else (cwd or Path.cwd()) / path
    try:
        return absolute.resolve().relative_to(root).as_posix()
    except ValueError:
        return None


def _shown(path: Path, here: Path) -> str:
    """A path as findings show it: relative to the current directory when inside it."""
    try:
        return path.resolve().relative_to(here).as_posix()
    except ValueError:
        return path.as_posix()
