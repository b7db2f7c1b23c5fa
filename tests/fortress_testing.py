"""Helpers shared by Fortress's tests: a frozen clock and fresh generated projects."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from fortress_gen.generate import plan_generation
from fortress_gen.project import create_project
from fortress_gen.spec.project import load_project
from fortress_gen.write import apply_plan

FROZEN_EPOCH = 1767225600  # 2026-01-01T00:00:00Z: the migration time of every golden file
FROZEN_NOW = datetime.fromtimestamp(FROZEN_EPOCH, tz=UTC)
REPO = Path(__file__).resolve().parents[1]
# The project template's own migration (the built-in users table); Fortress's chain after it.
USERS_MIGRATION = "20260101_000000_0001_create_users.py"
USERS_REVISION = "0001"

_TEMPLATE_CACHE: dict[tuple[tuple[str, str], ...], Path] = {}


def new_project(destination: Path, cache_dir: Path, *, data: dict[str, str] | None = None) -> Path:
    """A fresh project from the copier template (rendered once per answer set, then copied)."""
    answers = {"project_name": "Golden", **(data or {})}
    key = tuple(sorted(answers.items()))
    cached = _TEMPLATE_CACHE.get(key)
    if cached is None or not cached.exists():
        cached = cache_dir / f"template-{len(_TEMPLATE_CACHE)}"
        create_project(cached, data=answers)
        _TEMPLATE_CACHE[key] = cached
    shutil.copytree(cached, destination)
    return destination


def generate(root: Path, now: datetime | None = FROZEN_NOW) -> list[str]:
    """Run `fortress generate` through the library; return the paths written."""
    plan = plan_generation(load_project(root), now=now)
    return apply_plan(plan, root)


def fortress_migrations(root: Path) -> list[Path]:
    """The migrations Fortress wrote in a project, oldest first (not the template's own)."""
    versions = sorted((root / "migrations/versions").glob("*.py"))
    return [path for path in versions if path.name != USERS_MIGRATION]
