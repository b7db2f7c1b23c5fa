"""examples/ are real projects: regenerating them from their specs must give the committed tree.

Each example is `fortress new-project` with the answers below, its `specs/`, and one
`fortress generate` at the frozen time. `pytest tests/test_examples.py --update-golden`
rewrites them after an intended change of the template or the generator.
"""

from __future__ import annotations

import difflib
import re
import shutil
from pathlib import Path

import pytest
from fortress_testing import REPO, generate, new_project

EXAMPLES: dict[str, dict[str, str]] = {
    "shop": {"project_name": "Shop"},
    "blog": {"project_name": "Blog", "package": "blog", "style": "pep8"},
    "health": {"project_name": "Health"},
    "hr": {"project_name": "HR", "package": "hr"},
}
# The answers file names the template's location, which differs between machines; examples
# point at the repository they live in.
SRC_PATH = re.compile(r"^_src_path: .*$", re.MULTILINE)
EXAMPLE_SRC_PATH = "_src_path: ../.."


def _tree(root: Path) -> dict[str, bytes]:
    skip = {
        "__pycache__",
        ".pytest_cache",
        ".mypy_cache",
        ".ruff_cache",
        ".import_linter_cache",
        ".fortress_cache",
    }
    files = {}
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if path.is_file() and not skip & set(relative.parts) and path.suffix != ".db":
            files[relative.as_posix()] = path.read_bytes()
    return files


def _build(name: str, destination: Path, cache: Path) -> Path:
    project = new_project(destination, cache, data=EXAMPLES[name])
    shutil.rmtree(project / "specs")
    shutil.copytree(REPO / "examples" / name / "specs", project / "specs")
    generate(project)
    answers = project / ".copier-answers.yml"
    answers.write_text(SRC_PATH.sub(EXAMPLE_SRC_PATH, answers.read_text()))
    return project


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_example_is_in_step_with_its_specs(
    name: str, tmp_path: Path, template_cache: Path, update_golden: bool
) -> None:
    built = _build(name, tmp_path / name, template_cache)
    committed = REPO / "examples" / name
    if update_golden:
        specs = tmp_path / "specs"
        shutil.copytree(committed / "specs", specs)
        shutil.rmtree(committed)
        shutil.copytree(built, committed)
        return
    expected, actual = _tree(committed), _tree(built)
    problems = [f"missing from examples/{name}: {p}" for p in sorted(set(actual) - set(expected))]
    problems += [f"not generated any more: {p}" for p in sorted(set(expected) - set(actual))]
    for path in sorted(set(expected) & set(actual)):
        if expected[path] != actual[path]:
            problems.extend(
                difflib.unified_diff(
                    expected[path].decode().splitlines(),
                    actual[path].decode().splitlines(),
                    f"examples/{name}/{path}",
                    f"generated/{path}",
                    lineterm="",
                )
            )
    if problems:
        problems.insert(0, "run `pytest tests/test_examples.py --update-golden` if intended")
        pytest.fail("\n".join(problems), pytrace=False)
