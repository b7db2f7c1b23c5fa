"""The merge bases: the exact text Fortress last generated for each file, beside the lock.

`fortress.lock` records each generated file's SHA-256; the text itself is kept under
`.fortress/base/<sha256>` (committed with the project, content-addressed, so equal texts are
stored once and a file's base is found from the lock alone). It is the "base" of the
three-way merge when the user and the specs both changed a file, as copier re-renders the old
template version for the same purpose. Blobs no lock entry refers to are removed by the run
that stops referring to them.
"""

from __future__ import annotations

from pathlib import Path

from fortress_gen.lock import digest

__all__ = ["BASE_DIR", "base_path", "read_base", "stored_bases"]

BASE_DIR = ".fortress/base"


def base_path(sha256: str) -> str:
    """The project-relative path of the blob for `sha256`."""
    return f"{BASE_DIR}/{sha256}"


def read_base(root: Path, sha256: str) -> str | None:
    """The text generated last time, if its blob is present and intact."""
    try:
        text = (root / base_path(sha256)).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    return text if digest(text) == sha256 else None


def stored_bases(root: Path) -> set[str]:
    """The hashes of every blob in the store."""
    directory = root / BASE_DIR
    if not directory.is_dir():
        return set()
    return {p.name for p in directory.iterdir() if p.is_file() and len(p.name) == 64}
