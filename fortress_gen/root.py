"""Finding the project root: the nearest directory holding fortress.yaml.

Kept apart from `fortress_gen.config` (which validates the file with pydantic), so that
commands that only need the root, like `fortress check`, import nothing heavy.
"""

from __future__ import annotations

from pathlib import Path

from fortress_gen.errors import ProjectError

__all__ = ["CONFIG_FILE", "NOT_A_PROJECT_HINT", "find_project_root"]

CONFIG_FILE = "fortress.yaml"
NOT_A_PROJECT_HINT = "run `fortress new-project NAME` or create fortress.yaml"


def find_project_root(start: Path) -> Path:
    """Walk up from `start` to the directory that holds fortress.yaml.

    Args:
        start: A directory (or file) inside the project.

    Returns:
        The project root (absolute).

    Raises:
        ProjectError: No directory from `start` upwards holds fortress.yaml.
    """
    current = start.resolve()
    if current.is_file():
        current = current.parent
    for directory in (current, *current.parents):
        if (directory / CONFIG_FILE).is_file():
            return directory
    raise ProjectError(
        f"not a Fortress project: no {CONFIG_FILE} in {current.as_posix()} or its parents",
        hint=NOT_A_PROJECT_HINT,
    )
