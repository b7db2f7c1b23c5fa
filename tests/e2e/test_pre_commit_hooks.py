"""The hooks in .pre-commit-hooks.yaml, run by the real `pre-commit try-repo`.

pre-commit clones this repository and installs Fortress into its own virtualenv with pip;
pip is pointed at the wheelhouse `scripts/dev.py test` builds (FORTRESS_WHEELHOUSE), with no
index, so the test needs no network.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fortress_testing import FROZEN_EPOCH, REPO, new_project

pytestmark = pytest.mark.e2e

BIN = Path(sys.executable).parent
CUSTOMER = "entity: Customer\nfields:\n  name: {type: str, max_length: 120}\n"


def _wheelhouse() -> Path:
    value = os.environ.get("FORTRESS_WHEELHOUSE")
    if not value or not Path(value).is_dir():
        pytest.skip("FORTRESS_WHEELHOUSE is not set: run `python3 scripts/dev.py test`")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    return Path(value)


def _git(project: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=project, check=True, capture_output=True)


@pytest.fixture(scope="module")
def hook_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """pre-commit's environment; its hook virtualenvs are shared by the module's tests."""
    wheels = _wheelhouse()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PIP_", "VIRTUAL_ENV", "PYTHONPATH"))
    }
    env.update(
        PRE_COMMIT_HOME=str(tmp_path_factory.mktemp("pre-commit-home")),
        PIP_NO_INDEX="1",
        PIP_FIND_LINKS=str(wheels),
        PIP_DISABLE_PIP_VERSION_CHECK="1",
        SOURCE_DATE_EPOCH=str(FROZEN_EPOCH),
        GIT_AUTHOR_NAME="Test",
        GIT_AUTHOR_EMAIL="test@example.com",
        GIT_COMMITTER_NAME="Test",
        GIT_COMMITTER_EMAIL="test@example.com",
        PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}",
    )
    return env


def _try_repo(project: Path, hook: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "pre-commit"), "try-repo", str(REPO), hook, "--all-files", "--verbose"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )


@pytest.fixture
def project(tmp_path: Path, template_cache: Path, hook_env: dict[str, str]) -> Path:
    root = new_project(tmp_path / "shop", template_cache)
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    subprocess.run(["git", "commit", "-qm", "new project"], cwd=root, env=hook_env, check=True)
    return root


def test_fortress_generate_hook_writes_then_fails_until_staged(
    project: Path, hook_env: dict[str, str]
) -> None:
    (project / "specs/Customer.yaml").write_text(CUSTOMER, encoding="utf-8")
    _git(project, "add", "-A")

    first = _try_repo(project, "fortress-generate", hook_env)
    output = first.stdout + first.stderr
    assert first.returncode == 1, output
    assert "create  app/models/Customer.py" in output
    assert "review them and stage them" in output
    assert (project / "app/models/Customer.py").is_file()
    assert "Customer" in (project / "app/models/__init__.py").read_text(encoding="utf-8")

    _git(project, "add", "-A")
    second = _try_repo(project, "fortress-generate", hook_env)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Passed" in second.stdout


def test_fortress_check_hook_passes_a_clean_project_and_fails_on_a_violation(
    project: Path, hook_env: dict[str, str]
) -> None:
    (project / "specs/Customer.yaml").write_text(CUSTOMER, encoding="utf-8")
    subprocess.run([str(BIN / "fortress"), "generate"], cwd=project, env=hook_env, check=True)
    _git(project, "add", "-A")
    clean = _try_repo(project, "fortress-check", hook_env)
    assert clean.returncode == 0, clean.stdout + clean.stderr

    endpoints = project / "app/api/v1/endpoints/customers.py"
    text = endpoints.read_text(encoding="utf-8")
    endpoints.write_text(
        "from app.repositories.CustomerRepository import CustomerRepository\n" + text,
        encoding="utf-8",
    )
    _git(project, "add", "-A")
    dirty = _try_repo(project, "fortress-check", hook_env)
    output = dirty.stdout + dirty.stderr
    assert dirty.returncode == 1, output
    assert "app/api/v1/endpoints/customers.py:1:1: FTR101" in output
