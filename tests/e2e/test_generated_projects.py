"""End to end: real spec sets, generated through the `fortress` CLI, pass every project gate.

Each case makes a project with `fortress new-project`, copies a spec set into it, runs
`fortress generate`, then runs the project's own ruff, mypy --strict, import-linter, its
generated tests, `alembic upgrade head` and `alembic check`, on SQLite and on PostgreSQL.
A second `fortress generate` must change nothing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from gates import DATABASE_GATES, run_gate, static_gates

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
FORTRESS = [sys.executable, "-m", "fortress_gen"]


def _cases() -> dict[str, tuple[Path, dict[str, str]]]:
    cases: dict[str, tuple[Path, dict[str, str]]] = {}
    for example in sorted((REPO / "examples").iterdir()):
        if (example / "specs").is_dir():
            answers = yaml.safe_load((example / ".copier-answers.yml").read_text())
            data = {k: str(v) for k, v in answers.items() if not k.startswith("_")}
            cases[f"example-{example.name}"] = (example / "specs", data)
    for golden in sorted((REPO / "tests" / "golden").glob("*/answers.yaml")):
        data = {k: str(v) for k, v in yaml.safe_load(golden.read_text()).items()}
        cases[f"golden-{golden.parent.name}"] = (golden.parent / "specs", data)
    return cases


CASES = _cases()


def _fortress(*args: str, cwd: Path) -> str:
    result = subprocess.run(
        [*FORTRESS, *args], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"fortress {' '.join(args)}: {result.stdout}{result.stderr}"
    return result.stderr


@pytest.fixture(scope="module", params=sorted(CASES))
def project(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    specs, data = CASES[request.param]
    root = tmp_path_factory.mktemp("e2e") / request.param
    options = [item for key, value in sorted(data.items()) for item in ("--data", f"{key}={value}")]
    _fortress("new-project", str(root), *options, cwd=root.parent)
    shutil.rmtree(root / "specs")
    shutil.copytree(specs, root / "specs")
    _fortress("generate", cwd=root)
    return root


def _gates(project: Path) -> dict[str, list[str]]:
    config = yaml.safe_load((project / "fortress.yaml").read_text())
    return static_gates(str(config.get("package", "app")), str(config.get("formatter", "ruff")))


@pytest.mark.parametrize("gate", ["ruff check", "format", "mypy", "lint-imports", "fortress check"])
def test_static_gate_passes(project: Path, gate: str) -> None:
    run_gate(project, _gates(project)[gate])


def test_tests_and_migrations_pass_on_the_database(project: Path, database_url: str) -> None:
    for command in DATABASE_GATES:
        run_gate(project, command, DATABASE_URL=database_url, TEST_DATABASE_URL=database_url)


def test_second_generate_changes_nothing(project: Path) -> None:
    assert "nothing changed" in _fortress("generate", cwd=project)
    _fortress("generate", "--check", cwd=project)
