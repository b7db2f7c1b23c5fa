"""`fortress new-project`: render the copier project template into a new directory.

The template is rendered offline from a private copy of the one that ships with Fortress.
Pointed at a git checkout, copier would render its last tag or commit instead of the files
on disk, and `vcs_ref="HEAD"` makes it clone the checkout and commit the dirty files first:
slower than this copy, and it needs git.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from fortress_gen._resources import copier_root
from fortress_gen.errors import FortressError, ProjectError

__all__ = ["create_project", "template_questions"]

COPIER_FILE = "copier.yml"


def template_questions() -> tuple[str, ...]:
    """Return the questions of the project template a caller may answer, in template order.

    Derived values (questions with `when: false`) are not among them.
    """
    return tuple(
        name
        for name, question in _template_settings().items()
        if not name.startswith("_")
        and not (isinstance(question, dict) and question.get("when") is False)
    )


def create_project(
    destination: Path, *, data: Mapping[str, str] | None = None, defaults: bool = True
) -> Path:
    """Render the project template into `destination` and return its path.

    Args:
        destination: The new project's directory; it must not exist or be empty.
        data: Answers to template questions (`project_name`, `package`, `style`,
            `formatter`, `database`); the rest take their defaults.
        defaults: Use the defaults of unanswered questions instead of asking. Always true
            when stdin is not a terminal.

    Returns:
        The absolute path of the new project.

    Raises:
        ProjectError: `destination` is a file or a non-empty directory.
        FortressError: `data` names an unknown question or an answer is invalid.
    """
    import copier  # slow to import; only this command needs it

    destination = destination.resolve()
    _check_destination(destination)
    answers = dict(data or {})
    _check_questions(answers)
    with tempfile.TemporaryDirectory(prefix="fortress-template-") as source:
        _copy_template(Path(source))
        try:
            copier.run_copy(
                source,
                destination,
                data=answers,
                defaults=defaults or not sys.stdin.isatty(),
                quiet=True,
                unsafe=False,
            )
        except ValueError as error:  # copier's report of an answer its validator rejects
            raise FortressError(str(error)) from error
    _record_template_source(destination, source)
    return destination


def _record_template_source(destination: Path, scratch: str) -> None:
    """Name the real template (not the scratch copy) as the project's `_src_path`.

    The scratch directory is gone once the project exists; the answers file should say
    where the template lives, so the file is the same on every run and machine.
    """
    answers = destination / ".copier-answers.yml"
    if answers.is_file():
        text = answers.read_text(encoding="utf-8")
        answers.write_text(text.replace(scratch, copier_root().as_posix()), encoding="utf-8")


def _check_destination(destination: Path) -> None:
    if destination.is_file():
        raise ProjectError(f"{destination} is a file", hint="choose a new directory")
    if destination.is_dir() and any(destination.iterdir()):
        raise ProjectError(f"{destination} is not empty", hint="choose a new or empty directory")


def _check_questions(answers: Mapping[str, str]) -> None:
    allowed = template_questions()
    unknown = sorted(set(answers) - set(allowed))
    if unknown:
        raise FortressError(
            f"unknown template question(s): {', '.join(unknown)}",
            hint=f"allowed: {', '.join(allowed)}",
        )


def _copy_template(target: Path) -> None:
    """Copy `copier.yml` and the template directory it names into `target`."""
    root = copier_root()
    subdirectory = _template_settings()["_subdirectory"]
    shutil.copy2(root / COPIER_FILE, target / COPIER_FILE)
    shutil.copytree(root / subdirectory, target / subdirectory)


def _template_settings() -> dict[str, Any]:
    settings: dict[str, Any] = yaml.safe_load(
        (copier_root() / COPIER_FILE).read_text(encoding="utf-8")
    )
    return settings
