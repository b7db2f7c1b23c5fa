"""Run `fortress check`: find the files, run the selected rules, drop what is ignored.

Files are read and parsed once; rules never import the user's code. Paths default to the
whole project. Drift (FTR5xx but FTR503) looks at the whole project, so it runs when the
whole project is checked (no PATHS, or the project root among them).
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fortress_gen.check import drift
from fortress_gen.check.cache import Cache, Raw, digest
from fortress_gen.check.config import CheckConfig, load_check_config
from fortress_gen.check.context import Context
from fortress_gen.check.parallel import in_parallel
from fortress_gen.check.registry import RULES, Finding
from fortress_gen.check.rules import FAMILIES
from fortress_gen.check.rules.conflicts import check_text
from fortress_gen.check.settings import read_settings
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
        ".fortress_cache",
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
    use_cache: bool = True,
) -> CheckResult:
    """Check `paths` (default: the whole project at `root`).

    Args:
        root: The project root (the directory of fortress.yaml).
        paths: Files or folders to check; relative ones are taken from `cwd`.
        select: Codes or prefixes that replace the configured `select`.
        ignore: Codes or prefixes ignored on top of the configured `ignore`.
        cwd: The directory paths are shown relative to (default: the current one).
        use_cache: Reuse and update `.fortress_cache/` (see `cache.py`).

    Returns:
        The findings and the number of files checked.

    Raises:
        ProjectError: A path does not exist, or `[tool.fortress]` is invalid.
        FortressError: fortress.yaml (or, for drift, a spec) is invalid.
    """
    # The syntax trees are hundreds of thousands of objects without cycles: left on, the
    # cycle collector scans them again each time a few hundred more are made (most of an
    # uncached run). What a check allocates is freed by reference counting anyway.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run(root, paths, select, ignore, cwd, use_cache)
    finally:
        if collecting:
            gc.enable()


def _run(
    root: Path,
    paths: Sequence[Path],
    select: Sequence[str] | None,
    ignore: Sequence[str],
    cwd: Path | None,
    use_cache: bool,
) -> CheckResult:
    root = root.resolve()
    here = (cwd or Path.cwd()).resolve()
    settings = read_settings(root)
    config = load_check_config(root)
    config = CheckConfig(
        select=tuple(select) if select is not None else config.select,
        ignore=(*config.ignore, *ignore),
        exclude=config.exclude,
        per_file_ignores=config.per_file_ignores,
    )
    specs = _specs(root / settings.specs)
    ctx = Context(root, settings.package, settings.style, frozenset(specs), specs)
    targets = [(p if p.is_absolute() else here / p).resolve() for p in paths] or [root]
    for target in targets:
        if not target.exists():
            raise ProjectError(
                f"{target.as_posix()}: no such file or folder",
                hint="give files or folders to check",
            )

    def shown(relpath: str) -> str:
        return _shown(root / relpath, here)

    codes = [code for code in RULES if config.enabled(code)]
    whole = root in targets
    cache = (
        Cache.load(root, [settings.package, settings.style, *(t for _, t in sorted(specs.items()))])
        if use_cache
        else None
    )
    files = _collect(targets, root, config)
    findings, sources = _read(files, root, here, ctx)
    findings += _check_sources(sources, ctx, codes, cache)
    if any(code in codes for code in drift.CODES) and whole:
        known = {s.relpath: s.data for s in sources if s.relpath is not None}
        findings += drift.drift_findings(root, settings, shown, cache, known)
    if cache is not None:
        cache.save({s.relpath for s in sources if s.relpath} if whole else None)
    kept = _kept(findings, sources, config, root, here)
    return CheckResult(tuple(kept), len(files))


def _read(
    files: Sequence[Path], root: Path, here: Path, ctx: Context
) -> tuple[list[Finding], list[SourceFile]]:
    """Read every file: conflict markers of any text file, and the Python files to check."""
    findings: list[Finding] = []
    sources: list[SourceFile] = []
    for path in files:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ProjectError(
                f"cannot read {_shown(path, here)}: {exc.strerror}",
                location=Location(Path(_shown(path, here))),
            ) from None
        if len(data) > _MAX_BYTES or b"\0" in data[:8192]:
            continue
        display = _shown(path, here)
        if b"<<<<<<<" in data:
            findings.extend(check_text(display, data.decode("utf-8-sig", errors="replace")))
        if path.suffix == ".py":
            source = SourceFile(display, _relpath(path, root), data, ctx.package)
            ctx.add(source)
            sources.append(source)
    return findings, sources


def _check_sources(
    sources: Sequence[SourceFile], ctx: Context, codes: Sequence[str], cache: Cache | None
) -> list[Finding]:
    """The findings of the Python files, from the cache where it is still valid.

    With a cache every rule runs (entries hold all findings, selection comes after) and
    each entry records the project modules its rules looked at, with their hashes. The
    files the cache does not answer for are checked in parallel when there are many
    (`parallel.py`).
    """
    shas = {s.relpath: digest(s.data) for s in sources if s.relpath is not None}

    def dep_sha(module: str) -> str:
        relpath = ctx.module_relpath(module)
        if relpath is None:
            return ""
        if relpath not in shas:
            try:
                shas[relpath] = digest((ctx.root / relpath).read_bytes())
            except OSError:
                shas[relpath] = ""
        return shas[relpath]

    raws: list[Raw | None] = []
    for source in sources:
        raw = None
        if cache is not None and source.relpath is not None:
            raw = cache.get(source.relpath, shas.get(source.relpath, ""), dep_sha)
        raws.append(raw)
    todo = [source for source, raw in zip(sources, raws, strict=True) if raw is None]
    selected = codes if cache is None else list(RULES)

    def check(chunk: Sequence[SourceFile]) -> list[tuple[Raw, set[str]]]:
        done = []
        for source in chunk:
            ctx.track()
            raw = _check_source(source, ctx, selected)
            done.append((raw, ctx.tracked()))
        return done

    checked = dict(zip(map(id, todo), in_parallel(todo, check), strict=True))
    findings: list[Finding] = []
    for source, cached in zip(sources, raws, strict=True):
        if cached is None:
            raw, deps = checked[id(source)]
            if cache is not None and source.relpath is not None:
                sha = shas.get(source.relpath, "")
                cache.put(source.relpath, sha, {m: dep_sha(m) for m in sorted(deps)}, raw)
        else:
            raw = cached
        findings.extend(Finding(source.path, *item) for item in raw)
    return findings


def _kept(
    findings: Sequence[Finding],
    sources: Sequence[SourceFile],
    config: CheckConfig,
    root: Path,
    here: Path,
) -> list[Finding]:
    """The findings that are selected and not ignored (per file, or on their line)."""
    by_path = {source.path: source for source in sources}
    kept = []
    for item in sorted(set(findings), key=Finding.sort_key):
        if not config.enabled(item.code):
            continue
        source = by_path.get(item.path)
        relpath = source.relpath if source else _relpath(Path(item.path), root, here)
        if config.ignored_in(relpath, item.code):
            continue
        if source is not None and source.ignored(item.line, item.code):
            continue
        kept.append(item)
    return kept


def _check_source(source: SourceFile, ctx: Context, codes: Sequence[str]) -> Raw:
    """The findings of one Python file (every selected family), as cacheable tuples."""
    error = source.syntax_error
    if error is not None:
        if b"<<<<<<<" in source.data:
            return []  # the conflict markers are reported, and explain the error
        line = error.lineno or 1
        column = source.column(line, (error.offset or 1) - 1)
        return [(line, column, "FTR001", f"{RULES['FTR001'].message}: {error.msg}")]
    raw: Raw = []
    for family_codes, check in FAMILIES:
        if any(code in codes for code in family_codes):
            raw.extend((f.line, f.column, f.code, f.message) for f in check(source, ctx))
    return raw


def _specs(specs: Path) -> dict[str, str]:
    """Entity name -> spec text (names read from `entity:` lines; parsed only when needed)."""
    found: dict[str, str] = {}
    if specs.is_dir():
        for path in sorted(specs.iterdir()):
            if path.suffix in (".yaml", ".yml") and path.is_file():
                text = path.read_text(encoding="utf-8", errors="replace")
                match = _ENTITY.search(text)
                found[match.group(1) if match else path.stem] = text
    return found


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
                and not (config.exclude and _excluded(base / d, root, config))
            )
            for name in sorted(names):
                path = base / name
                if (
                    name.endswith(".py") or path.suffix in _TEXT_SUFFIXES or name in _TEXT_NAMES
                ) and not (config.exclude and _excluded(path, root, config)):
                    found[path] = None
    return sorted(found)


def _excluded(path: Path, root: Path, config: CheckConfig) -> bool:
    relpath = _relpath(path, root)
    return relpath is not None and config.excluded(relpath)


def _relpath(path: Path, root: Path, cwd: Path | None = None) -> str | None:
    """`path` relative to the (resolved) root, or None outside it.

    Paths found by walking a resolved folder are compared as they are (no system call
    per file); others are resolved first.
    """
    text, prefix = str(path), str(root) + os.sep
    if text.startswith(prefix) and os.sep == "/":  # the common case, without pathlib
        return text[len(prefix) :]
    absolute = path if path.is_absolute() else (cwd or Path.cwd()) / path
    try:
        return absolute.relative_to(root).as_posix()
    except ValueError:
        pass
    try:
        return absolute.resolve().relative_to(root).as_posix()
    except ValueError:
        return None


def _shown(path: Path, here: Path) -> str:
    """A path as findings show it: relative to the current directory when inside it."""
    text, prefix = str(path), str(here) + os.sep
    if text.startswith(prefix) and os.sep == "/":
        return text[len(prefix) :]
    try:
        return path.relative_to(here).as_posix()
    except ValueError:
        pass
    try:
        return path.resolve().relative_to(here).as_posix()
    except ValueError:
        return path.as_posix()
