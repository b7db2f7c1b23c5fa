"""Format rendered Python with the project's formatter (ruff, or black) in one batch.

Formatting is part of rendering: golden files, lock hashes and merge bases are all formatted
text. Every file of a run is formatted by one formatter process (not one per file), in a
scratch directory, with the project's own configuration, so the output passes the project's
`ruff format --check` and `ruff check`.
"""

from __future__ import annotations

import importlib.util
import os
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


@cache
def _ruff() -> str:
    """The ruff binary that ships with Fortress's pinned ruff package."""
    try:
        from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]
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
        if not detail and "--quiet" in args:  # `--quiet` also silences the reason
            loud = [arg for arg in args if arg != "--quiet"]
            again = subprocess.run(loud, cwd=cwd, capture_output=True, text=True, check=False)
            detail = (again.stderr or again.stdout).strip()
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
    sources: Mapping[str, str],
    *,
    root: Path,
    package: str,
    formatter: str = "ruff",
    fixes: str = "I,F401",
) -> dict[str, str]:
    """Sort imports and format every Python source in `sources`.

    Args:
        sources: Relative path -> source text; non-`.py` entries pass through unchanged.
        root: The project root (its `pyproject.toml` configures ruff or black).
        package: The project's package (first-party for import sorting without a config).
        formatter: "ruff" or "black".
        fixes: The ruff rules whose fixes run before formatting: import sorting and unused
            imports for generated code; never F401 for a user's file.

    Returns:
        Relative path -> formatted text, with LF line endings and one trailing newline.

    Raises:
        FormatError: If the formatter rejects the code (a template bug).
    """
    python = {path: text for path, text in sources.items() if path.endswith(".py")}
    result = dict(sources)
    if not python:
        return result
    scratch_parent = _ram_scratch() if formatter == "ruff" else None
    try:
        formatted = _format_batch(python, root, package, formatter, scratch_parent, fixes)
    except OSError:
        if scratch_parent is None:
            raise
        # e.g. /dev/shm is full
        formatted = _format_batch(python, root, package, formatter, None, fixes)
    result.update(formatted)
    return result


def _black_config(root: Path) -> list[str]:
    """Black's settings: the project's `[tool.black]`, else the template's line length.

    Raises:
        FormatError: `formatter: black` is chosen but black is not installed.
    """
    if importlib.util.find_spec("black") is None:
        raise FormatError(
            "fortress.yaml chooses `formatter: black`, but black is not installed",
            hint="pip install 'fortress-gen[black]', or set `formatter: ruff`",
        )
    config = root / "pyproject.toml"
    if config.is_file() and "[tool.black]" in config.read_text(encoding="utf-8"):
        return ["--config", str(config)]
    return ["--line-length", "100", "--target-version", "py311"]


def _ram_scratch() -> str | None:
    """A RAM-backed place for the scratch tree (Linux's /dev/shm) unless TMPDIR says where.

    Creating hundreds of small files on a journaling disk costs more than formatting them;
    the formatted bytes do not depend on where the tree is (ruff gets `--config`).
    """
    shm = Path("/dev/shm")
    if os.environ.get("TMPDIR") or not shm.is_dir() or not os.access(shm, os.W_OK):
        return None
    return str(shm)


def _format_batch(
    python: Mapping[str, str],
    root: Path,
    package: str,
    formatter: str,
    parent: str | None,
    fixes: str,
) -> dict[str, str]:
    """Write the sources to a scratch tree, format it with one process per tool, read back."""
    result: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="fortress-fmt-", dir=parent) as tmp:
        scratch = Path(tmp)
        tree = scratch / "tree"
        made: set[Path] = set()
        for path, text in python.items():
            target = tree / path
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            target.write_text(text, encoding="utf-8")
        config = _config_args(root, package, scratch)
        ruff = _ruff()
        # --no-cache: the scratch tree is thrown away, so a cache would only cost writes.
        fix = ["check", "--fix-only", "--select", fixes, "--quiet", "--no-cache"]
        _run([ruff, *fix, *config, "."], tree)
        if formatter == "black":
            _run([sys.executable, "-m", "black", "--quiet", *_black_config(root), "."], tree)
        else:
            _run([ruff, "format", "--quiet", "--no-cache", *config, "."], tree)
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
