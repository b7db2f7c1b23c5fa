"""Format rendered Python with the project's formatter (ruff, or black) in one batch.

Formatting is part of rendering: golden files, lock hashes and merge bases are all formatted
text. Every file of a run is formatted by one formatter process (not one per file), in a
scratch directory, with the project's own configuration, so the output passes the project's
`ruff format --check` and `ruff check`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from fortress_gen.errors import FormatError

__all__ = ["format_sources", "formatter_version"]

_FALLBACK_CONFIG = """\
line-length = 100
target-version = "py311"

[lint.isort]
known-first-party = ["{package}"]
"""


def _ruff() -> str:
    """The ruff binary that ships with Fortress's pinned ruff package."""
    try:
        from ruff.__main__ import find_ruff_bin
    except ImportError:  # pragma: no cover - ruff is a dependency
        found = shutil.which("ruff")
        if found is None:
            raise FormatError("ruff is not installed", hint="pip install fortress-gen") from None
        return found
    return str(find_ruff_bin())


def _run(args: list[str], cwd: Path) -> None:
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()
        raise FormatError(
            f"the formatter failed on generated code: {detail}",
            hint="this is a bug in Fortress's templates; please report it with the spec",
        )


def _config_args(root: Path, package: str, scratch: Path) -> list[str]:
    config = root / "pyproject.toml"
    if config.is_file() and "[tool.ruff" in config.read_text(encoding="utf-8"):
        return ["--config", str(config)]
    fallback = scratch / "ruff.toml"
    fallback.write_text(_FALLBACK_CONFIG.format(package=package), encoding="utf-8")
    return ["--config", str(fallback)]


def format_sources(
    sources: Mapping[str, str], *, root: Path, package: str, formatter: str = "ruff"
) -> dict[str, str]:
    """Sort imports and format every Python source in `sources`.

    Args:
        sources: Relative path -> source text; non-`.py` entries pass through unchanged.
        root: The project root (its `pyproject.toml` configures ruff or black).
        package: The project's package (first-party for import sorting without a config).
        formatter: "ruff" or "black".

    Returns:
        Relative path -> formatted text, with LF line endings and one trailing newline.

    Raises:
        FormatError: If the formatter rejects the code (a template bug).
    """
    python = {path: text for path, text in sources.items() if path.endswith(".py")}
    result = dict(sources)
    if not python:
        return result
    with tempfile.TemporaryDirectory(prefix="fortress-fmt-") as tmp:
        scratch = Path(tmp)
        tree = scratch / "tree"
        for path, text in python.items():
            target = tree / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        config = _config_args(root, package, scratch)
        ruff = _ruff()
        _run([ruff, "check", "--fix-only", "--select", "I,F401", "--quiet", *config, "."], tree)
        if formatter == "black":
            _run([sys.executable, "-m", "black", "--quiet", "."], tree)
        else:
            _run([ruff, "format", "--quiet", *config, "."], tree)
        for path in python:
            text = (tree / path).read_text(encoding="utf-8")
            result[path] = text.rstrip("\n") + "\n"
    return result


@cache
def formatter_version(formatter: str = "ruff") -> str:
    """The formatter's name and version, recorded in the lock file."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{formatter} {version(formatter)}"
    except PackageNotFoundError:
        return formatter
