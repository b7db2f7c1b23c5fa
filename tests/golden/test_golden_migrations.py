"""Golden migrations: a representative evolution of specs, through the whole pipeline.

`evolution/steps/<n>/` are the specs after each change; each step is generated into the same
project (a migration per step, an hour apart) and `evolution/expected/` holds the revision
files byte for byte. `pytest tests/golden --update-golden` rewrites them.
"""

from __future__ import annotations

import difflib
import shutil
from datetime import timedelta
from pathlib import Path

from fortress_testing import FROZEN_NOW, new_project

from fortress_gen.generate import plan_generation
from fortress_gen.spec.project import load_project
from fortress_gen.write import apply_plan

CASE = Path(__file__).parent / "evolution"
UPDATE_HINT = "run `pytest tests/golden/test_golden_migrations.py --update-golden` if intended"


def _evolve(root: Path) -> dict[str, str]:
    for index, step in enumerate(sorted((CASE / "steps").iterdir())):
        for spec in (root / "specs").glob("*.yaml"):
            spec.unlink()
        for spec in step.glob("*.yaml"):
            shutil.copy(spec, root / "specs" / spec.name)
        now = FROZEN_NOW + timedelta(hours=index)
        apply_plan(plan_generation(load_project(root), now=now, allow_destructive=True), root)
    versions = root / "migrations/versions"
    return {path.name: path.read_text() for path in sorted(versions.glob("*.py"))}


def test_evolution_migrations(tmp_path: Path, template_cache: Path, update_golden: bool) -> None:
    actual = _evolve(new_project(tmp_path / "project", template_cache))
    expected_dir = CASE / "expected"
    if update_golden:
        shutil.rmtree(expected_dir, ignore_errors=True)
        expected_dir.mkdir()
        for name, text in actual.items():
            (expected_dir / name).write_text(text)
    expected = {path.name: path.read_text() for path in sorted(expected_dir.glob("*.py"))}
    assert sorted(actual) == sorted(expected), UPDATE_HINT
    for name, text in expected.items():
        diff = "".join(
            difflib.unified_diff(
                text.splitlines(keepends=True), actual[name].splitlines(keepends=True), name, name
            )
        )
        assert not diff, f"{diff}\n{UPDATE_HINT}"
    for text in actual.values():
        compile(text, "revision.py", "exec")
