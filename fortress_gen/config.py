"""Project settings: `fortress.yaml` -> ProjectConfig, and finding the project root."""

from __future__ import annotations

import keyword
from pathlib import Path, PurePosixPath
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from fortress_gen.errors import Location, ProjectError, SpecError, SpecErrors
from fortress_gen.root import CONFIG_FILE, NOT_A_PROJECT_HINT, find_project_root
from fortress_gen.spec.loader import parse_yaml, validation_errors

__all__ = ["CONFIG_FILE", "ProjectConfig", "find_project_root", "load_config"]

_NOT_A_PROJECT_HINT = NOT_A_PROJECT_HINT


class ProjectConfig(BaseModel):
    """The settings of one generated project (DESIGN.md §3, `fortress.yaml`)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    package: str = Field("app", description="The Python package of the generated code.")
    specs: str = Field("specs", description="The folder of entity specs, relative to the root.")
    style: Literal["fortress", "pep8"] = Field("fortress", description="File naming style.")
    formatter: Literal["ruff", "black"] = Field("ruff", description="The code formatter.")
    api_prefix: str = Field("/api/v1", description="The URL prefix of every entity route.")

    @field_validator("package")
    @classmethod
    def _check_package(cls, value: str) -> str:
        if not value.isidentifier() or keyword.iskeyword(value) or not value.isascii():
            raise ValueError(f"{value!r} is not a Python package name (like `app` or `shop_api`)")
        return value

    @field_validator("specs")
    @classmethod
    def _check_specs(cls, value: str) -> str:
        posix = PurePosixPath(value.replace("\\", "/"))
        if not value or posix.is_absolute() or ".." in posix.parts or ":" in value:
            raise ValueError(f"{value!r} is not a folder inside the project (like `specs`)")
        return posix.as_posix()

    @field_validator("api_prefix")
    @classmethod
    def _check_api_prefix(cls, value: str) -> str:
        parts = value.split("/")
        if value and (parts[0] != "" or not all(_is_segment(part) for part in parts[1:])):
            raise ValueError(f"{value!r} is not a URL prefix (like `/api/v1`, or empty)")
        return value


def _is_segment(part: str) -> bool:
    return bool(part) and all(char.isalnum() or char in "-._~" for char in part) and part.isascii()


def load_config(root: Path) -> ProjectConfig:
    """Read ``<root>/fortress.yaml``.

    An empty file means every default.

    Args:
        root: The project root.

    Returns:
        The validated settings.

    Raises:
        ProjectError: There is no fortress.yaml in `root`.
        SpecErrors: The file is not valid YAML or has a bad key or value (located).
    """
    path = root / CONFIG_FILE
    shown = Path(CONFIG_FILE)
    if not path.is_file():
        raise ProjectError(
            f"not a Fortress project: no {CONFIG_FILE} in {root.as_posix()}",
            hint=_NOT_A_PROJECT_HINT,
        )
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecErrors(
            [SpecError(f"cannot read the file: {exc}", location=Location(shown))]
        ) from None
    parsed = parse_yaml(text, shown)
    if parsed.errors:
        raise SpecErrors(list(parsed.errors))
    data = {} if parsed.data is None else parsed.data
    if not isinstance(data, dict):
        raise SpecErrors(
            [
                SpecError(
                    "expected a mapping at the top level",
                    location=Location(shown, 1, 1),
                    hint="like `package: app`",
                )
            ]
        )
    try:
        return ProjectConfig.model_validate(data)
    except ValidationError as exc:
        raise SpecErrors(validation_errors(exc, parsed, ProjectConfig)) from None
