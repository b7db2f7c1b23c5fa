"""The few settings of `fortress.yaml` the check needs, read without the spec machinery.

A cached check should cost little more than reading the files, and validating `fortress.yaml`
with the full settings model imports pydantic and the spec loader (a fifth of a cached run).
A plain file is read directly; anything unusual (an unknown key, a value of another shape, a
file that does not parse) goes through `fortress_gen.config.load_config`, so errors read
exactly as `fortress generate` reports them.
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

__all__ = ["Settings", "read_settings"]

_KEYS = frozenset({"package", "specs", "style", "formatter", "api_prefix"})
_SPECS = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_./-]*$")
_PREFIX = re.compile(r"^(/[A-Za-z0-9\-._~]+)*$")


@dataclass(frozen=True)
class Settings:
    """What the check uses of `fortress.yaml`."""

    package: str = "app"
    specs: str = "specs"
    style: Literal["fortress", "pep8"] = "fortress"
    formatter: Literal["ruff", "black"] = "ruff"


def read_settings(root: Path) -> Settings:
    """The settings of the project at `root`.

    Raises:
        ProjectError: There is no fortress.yaml.
        SpecErrors: It is invalid (located, from the full settings model).
    """
    import yaml

    try:
        text = (root / "fortress.yaml").read_text("utf-8-sig")
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        data = False
    data = {} if data is None else data
    if isinstance(data, dict) and _plain(data):
        return Settings(
            package=data.get("package", "app"),
            specs=data.get("specs", "specs"),
            style=data.get("style", "fortress"),
            formatter=data.get("formatter", "ruff"),
        )
    from fortress_gen.config import load_config

    config = load_config(root)
    return Settings(config.package, config.specs, config.style, config.formatter)


def _plain(data: dict[object, object]) -> bool:
    """Whether every key and value is one the full model certainly accepts as it is."""
    if not set(data) <= _KEYS or not all(isinstance(v, str) for v in data.values()):
        return False
    package = str(data.get("package", "app"))
    specs = str(data.get("specs", "specs"))
    return (
        package.isidentifier()
        and package.isascii()
        and not keyword.iskeyword(package)
        and _SPECS.match(specs) is not None
        and ".." not in specs.split("/")
        and data.get("style", "fortress") in ("fortress", "pep8")
        and data.get("formatter", "ruff") in ("ruff", "black")
        and _PREFIX.match(str(data.get("api_prefix", "/api/v1"))) is not None
    )
