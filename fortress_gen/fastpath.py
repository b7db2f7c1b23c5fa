"""The no-op fast path of `fortress generate [--check]`: answer without rendering anything.

Pre-commit runs `fortress generate --check` on every commit, so it must feel instant. When
the lock's fingerprints (`fortress_gen.fingerprint`) say that Fortress, the project settings
and every spec are byte for byte what the last run read, and every file Fortress patched is
as it left it, the last run's output is still exactly what a run would produce: nothing
can have drifted, whatever the user edited in generated files since (those edits are theirs
and merge on the next change). The answer then needs only the standard library, so
`fortress_gen.cli.main` asks here before importing typer, pydantic or Jinja.

Anything unusual (no lock, an old lock, an interrupted run, a patched file edited, a spec
touched) answers "not known", and the full pipeline decides.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from fortress_gen.fingerprint import dist_version, generator_digest, project_digest, specs_digest
from fortress_gen.lock import LOCK_FILE, parse_lock
from fortress_gen.transaction import JOURNAL

__all__ = ["IN_STEP_MESSAGE", "find_root", "in_step"]

IN_STEP_MESSAGE = "Everything is in step with the specs; nothing changed."


def find_root(start: Path) -> Path | None:
    """The nearest directory from `start` upwards holding fortress.yaml, or None."""
    current = start.resolve()
    for directory in (current, *current.parents):
        if (directory / "fortress.yaml").is_file():
            return directory
    return None


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def in_step(root: Path) -> bool:
    """True when a `fortress generate` of `root` is certain to change nothing.

    Args:
        root: The project root.

    Returns:
        True only when every fingerprint in the lock matches; False means "not known".
    """
    try:
        lock = parse_lock((root / LOCK_FILE).read_text(encoding="utf-8"))
    except Exception:  # no lock, or a broken one: the full path explains it
        return False
    inputs = lock.inputs
    if inputs is None or (root / JOURNAL).exists():
        return False
    name, _, version = lock.formatter.partition(" ")
    if dist_version(name) != version:
        return False
    if generator_digest() != inputs.generator:
        return False
    if project_digest(root, lock.formatter) != inputs.project:
        return False
    if specs_digest(root / inputs.specs_dir) != inputs.specs:
        return False
    return all(_sha256(root / path) == sha for path, sha in lock.patches.items())
