"""FTR501, FTR502: generated files and migrations out of step with the specs.

This asks the generator itself what `fortress generate` would do, through `plan_for_check`
alone, so the rule always agrees with `fortress generate --check`:

- FTR501: a generated file would be created (missing), updated, merged with your edits or
  deleted (the specs changed since), or is in the way of one (a file Fortress did not
  write, or an edited one whose merge base is gone). A file you edited while the specs
  still give the same text is not drift: editing generated code is allowed, and the other
  rules check it. A registration Fortress would add or remove (router, model import)
  counts too. The editors' JSON Schema of the spec format
  (`.fortress/entity.schema.json`) is not made from the specs and is left out.
- FTR502: the specs change the database schema and no migration for it exists yet.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from fortress_gen.check.cache import Cache
from fortress_gen.check.registry import RULES, Finding
from fortress_gen.check.settings import Settings

if TYPE_CHECKING:  # the generator is imported only when drift is checked
    from fortress_gen.plan.ops import Plan
    from fortress_gen.spec.project import Project

__all__ = ["CODES", "drift_findings", "plan_for_check"]

CODES = ("FTR501", "FTR502")


def plan_for_check(project: Project) -> Plan:
    """The plan of a `fortress generate` of `project`, written nowhere.

    The one place `fortress check` calls the generator; re-wire it here when a faster
    check-only planner exists.
    """
    from fortress_gen.generate import plan_generation

    return plan_generation(project)


def drift_findings(
    root: Path,
    settings: Settings,
    shown: Callable[[str], str],
    cache: Cache | None = None,
    known: Mapping[str, bytes] | None = None,
) -> list[Finding]:
    """Findings for every place the project is out of step with its specs.

    With a cache, the plan is reused while none of its inputs changed: the settings, the
    specs, the lock, the formatter, the migrations and every file the plan covers.

    Args:
        root: The project root.
        settings: Its settings.
        shown: Turns a project-relative path into the path findings show.
        cache: The check cache, if any.
        known: Project-relative path -> bytes of files already read (not read again).

    Raises:
        FortressError: The specs do not load (located, like `fortress generate` reports).
    """
    from fortress_gen.fastpath import in_step

    if in_step(root):  # the lock's fingerprints prove nothing can have drifted
        return []
    stored = cache.drift if cache is not None else None
    known = known or {}
    if stored is not None and stored.get("inputs") == _inputs(
        root, settings, stored.get("paths", []), known
    ):
        return [Finding(shown(path), *rest) for path, *rest in stored["findings"]]
    findings, paths = _plan_findings(root)
    if cache is not None:
        cache.drift = {
            "inputs": _inputs(root, settings, paths, {}),
            "paths": paths,
            "findings": [[path, f.line, f.column, f.code, f.message] for path, f in findings],
        }
        cache.changed = True
    return [replace(f, path=shown(path)) for path, f in findings]


def _inputs(root: Path, settings: Settings, paths: list[str], known: Mapping[str, bytes]) -> str:
    """A hash of everything `plan_generation` reads."""
    from fortress_gen.format import formatter_version

    h = hashlib.blake2b(digest_size=16)
    h.update(formatter_version(settings.formatter).encode())
    specs = root / settings.specs
    listed = sorted(specs.glob("*.y*ml")) if specs.is_dir() else []
    migrations = root / "migrations" / "versions"
    listed += sorted(migrations.glob("*.py")) if migrations.is_dir() else []
    names = ["fortress.yaml", "fortress.lock", "pyproject.toml", *paths]
    names += [path.relative_to(root).as_posix() for path in listed]
    for name in names:
        h.update(name.encode())
        data = known.get(name)
        if data is None:
            try:
                data = (root / name).read_bytes()
            except OSError:
                data = b"\0absent"
        h.update(data)
    return h.hexdigest()


_DETAILS = {
    "create": "missing; `fortress generate` would create it",
    "update": "`fortress generate` would update it",
    "merge": "edited, and the specs changed it since: `fortress generate` would merge them",
    "conflict": "edited on the same lines the specs changed: `fortress generate` would "
    "write conflict markers",
    "delete": "no spec produces it any more: `fortress generate` would delete it",
}


def _detail(status: str, kind: str, blocking: bool, reason: str | None) -> str | None:
    """What a plan operation means for the user, or None when it is not drift."""
    if kind == "patch" and status == "update":
        return "`fortress generate` would change the registrations here"
    if kind == "spec":
        return None
    if blocking:
        return f"`fortress generate` cannot write it: {reason}"
    return _DETAILS.get(status)


def _plan_findings(root: Path) -> tuple[list[tuple[str, Finding]], list[str]]:
    """(relpath, finding) pairs of the plan, and every path the plan covers."""
    from fortress_gen.errors import DestructiveChangeError
    from fortress_gen.generate import SCHEMA_PATH
    from fortress_gen.spec.project import load_project

    try:
        plan = plan_for_check(load_project(root))
    except DestructiveChangeError as exc:
        message = f"{RULES['FTR502'].message}: {exc} (needs --allow-destructive)"
        return [("fortress.lock", Finding("", 1, 1, "FTR502", message))], []
    findings: list[tuple[str, Finding]] = []
    for op in plan.ops:
        if op.path == SCHEMA_PATH:
            continue  # the editors' schema of the spec format, not code made from the specs
        if op.kind == "migration":
            if op.status == "create":
                message = f"{RULES['FTR502'].message}: `fortress generate` would write {op.path}"
                findings.append(("fortress.lock", Finding("", 1, 1, "FTR502", message)))
            continue
        detail = _detail(op.status, op.kind, op.blocking, op.reason)
        if detail is not None:
            message = f"{RULES['FTR501'].message}: {detail}"
            findings.append((op.path, Finding("", 1, 1, "FTR501", message)))
    return findings, sorted(op.path for op in plan.ops)
