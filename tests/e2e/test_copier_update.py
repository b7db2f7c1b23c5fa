"""`copier update` of a project made from an older tag of this repository.

The repository's files are committed to a scratch git repository and tagged v1.0.0; a
template change is committed as v1.1.0. A project is copied from v1.0.0, gets entities from
`fortress generate` and the user's edits, then `copier update`s to v1.1.0: the template's
change arrives, the edits and the generated entities stay, and Fortress still finds the
project in step with its specs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fortress_testing import FROZEN_EPOCH, REPO

pytestmark = pytest.mark.e2e

BIN = Path(sys.executable).parent
CUSTOMER = "entity: Customer\nfields:\n  name: {type: str, max_length: 120}\n"
NEW_SECTION = "\n## Upgrading\n\nRun `copier update` to take a newer template.\n"
NEW_MAIN_LINE = "# The application factory of the template, version 1.1.\n"


def _run(cwd: Path, *args: str | Path, env: dict[str, str]) -> str:
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result.stdout + result.stderr


@pytest.fixture
def env() -> dict[str, str]:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    return {
        **os.environ,
        "SOURCE_DATE_EPOCH": str(FROZEN_EPOCH),
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.com",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.com",
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
    }


def _upstream(destination: Path, env: dict[str, str]) -> Path:
    """This repository's template files in a fresh git repository, tagged v1.0.0 and v1.1.0."""
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard", "copier.yml", "templates"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    for name in filter(None, listed):
        if (REPO / name).is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, destination / name)
    _run(destination, "git", "init", "-q", "-b", "main", env=env)
    _run(destination, "git", "add", "-A", env=env)
    _run(destination, "git", "commit", "-qm", "template 1.0", env=env)
    _run(destination, "git", "tag", "v1.0.0", env=env)
    readme = destination / "templates/project/README.md.jinja"
    readme.write_text(readme.read_text(encoding="utf-8") + NEW_SECTION, encoding="utf-8")
    main = destination / "templates/project/{{ package }}/main.py.jinja"
    text = main.read_text(encoding="utf-8")
    main.write_text(text.replace("\nimport logging\n", f"\n{NEW_MAIN_LINE}import logging\n", 1))
    _run(destination, "git", "commit", "-qam", "template 1.1", env=env)
    _run(destination, "git", "tag", "v1.1.0", env=env)
    return destination


def test_copier_update_keeps_edits_and_generated_entities(
    tmp_path: Path, env: dict[str, str]
) -> None:
    upstream = _upstream(tmp_path / "fortress", env)
    project = tmp_path / "shop"
    copier = BIN / "copier"
    _run(
        tmp_path,
        copier,
        "copy",
        "--vcs-ref",
        "v1.0.0",
        "--defaults",
        "--data",
        "project_name=Shop",
        upstream,
        project,
        env=env,
    )
    _run(project, "git", "init", "-q", "-b", "main", env=env)
    (project / "specs/Customer.yaml").write_text(CUSTOMER, encoding="utf-8")
    _run(project, BIN / "fortress", "generate", env=env)
    readme = project / "README.md"
    readme.write_text("<!-- our team's notes -->\n" + readme.read_text(encoding="utf-8"))
    service = project / "app/services/CustomerService.py"
    service.write_text(service.read_text(encoding="utf-8") + "\n# our pricing rule\n")
    main = project / "app/main.py"
    main.write_text(main.read_text(encoding="utf-8") + "\n# our middleware goes here\n")
    _run(project, "git", "add", "-A", env=env)
    _run(project, "git", "commit", "-qm", "shop with customers", env=env)

    _run(project, copier, "update", "--defaults", "--vcs-ref", "v1.1.0", env=env)

    answers = (project / ".copier-answers.yml").read_text(encoding="utf-8")
    assert "_commit: v1.1.0" in answers
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("<!-- our team's notes -->\n") and text.endswith(NEW_SECTION)
    main_text = main.read_text(encoding="utf-8")
    assert NEW_MAIN_LINE in main_text and main_text.endswith("# our middleware goes here\n")
    assert service.read_text(encoding="utf-8").endswith("# our pricing rule\n")
    assert "customers" in (project / "app/api/v1/__init__.py").read_text(encoding="utf-8")
    assert "Customer" in (project / "app/models/__init__.py").read_text(encoding="utf-8")
    assert "<<<<<<<" not in main_text + text
    check = _run(project, BIN / "fortress", "generate", "--check", env=env)
    assert "in step" in check
