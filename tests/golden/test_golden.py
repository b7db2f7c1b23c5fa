"""Golden files: each case's specs, generated into a fresh project, give exactly `expected/`.

Run `pytest tests/golden --update-golden` after an intended change of the output, and read
the diff of `expected/` before committing it.
"""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest
import yaml
from fortress_testing import generate, new_project

CASES = sorted(p.parent for p in Path(__file__).parent.glob("*/answers.yaml"))
UPDATE_HINT = "pytest tests/golden --update-golden"


def _tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden(case: Path, tmp_path: Path, template_cache: Path, update_golden: bool) -> None:
    answers = yaml.safe_load((case / "answers.yaml").read_text(encoding="utf-8"))
    project = new_project(tmp_path / "project", template_cache, data=answers)
    shutil.rmtree(project / "specs")
    shutil.copytree(case / "specs", project / "specs")
    written = generate(project)
    actual = {path: (project / path).read_text(encoding="utf-8") for path in written}
    actual["fortress.lock"] = (project / "fortress.lock").read_text(encoding="utf-8")
    for path, text in actual.items():
        if path.endswith(".py"):
            compile(text, path, "exec")
    expected_dir = case / "expected"
    if update_golden:
        shutil.rmtree(expected_dir, ignore_errors=True)
        for path, text in actual.items():
            target = expected_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        return
    expected = _tree(expected_dir)
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    changed = sorted(p for p in set(expected) & set(actual) if expected[p] != actual[p])
    if missing or extra or changed:
        report = [f"golden case {case.name} differs (update with `{UPDATE_HINT}`)"]
        report += [f"missing: {p}" for p in missing] + [f"extra: {p}" for p in extra]
        for path in changed:
            report.extend(
                difflib.unified_diff(
                    expected[path].splitlines(),
                    actual[path].splitlines(),
                    f"expected/{path}",
                    f"actual/{path}",
                    lineterm="",
                )
            )
        pytest.fail("\n".join(report), pytrace=False)
