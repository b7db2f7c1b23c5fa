"""Write many files as one change: stage, commit a journal, replace; recover after a crash.

A generate run changes dozens of files. POSIX renames one file atomically, not a tree, so the
tree is changed in three steps:

1. **Stage**: every new text is written beside its target (`name.fortress-tmp`), after a
   journal in state ``staging`` names those files. A failure or a kill here leaves the tree
   as it was; the staged files are removed (now, or by the next run's `recover`).
2. **Commit**: the staged files are flushed to disk with one `os.sync()` (an fsync per file
   cost more than the rest of a 100-entity run), then the journal is rewritten in state
   ``committed`` (write, fsync, rename: atomic). From this point the new tree is decided.
3. **Apply**: the staged files replace their targets and deleted files go, in the order
   given (the caller puts `fortress.lock` last); then the journal is removed.

A run killed during step 3 leaves a committed journal; `recover` (run first by every command
that writes) rolls it forward, so the tree becomes the new one. No state mixes the two:
before the commit the old tree is intact, after it the new tree is a `recover` away, and
`fortress generate --check` refuses to answer while a committed journal is pending.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fortress_gen.errors import WriteError

__all__ = ["JOURNAL", "STAGE_SUFFIX", "Change", "commit", "pending", "recover"]

JOURNAL = ".fortress/transaction.json"
STAGE_SUFFIX = ".fortress-tmp"


@dataclass(frozen=True, slots=True)
class Change:
    """One file of a transaction: its new text, or None to delete it."""

    path: str
    text: str | None


def _staged(target: Path) -> Path:
    return target.with_name(target.name + STAGE_SUFFIX)


def _write(path: Path, data: str, *, durable: bool = False) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(data)
        if durable:
            handle.flush()
            os.fsync(handle.fileno())


def _write_journal(root: Path, state: str, changes: Sequence[Change]) -> None:
    journal = root / JOURNAL
    journal.parent.mkdir(parents=True, exist_ok=True)
    body = {
        "state": state,
        "changes": [{"path": c.path, "delete": c.text is None} for c in changes],
    }
    temp = _staged(journal)
    _write(temp, json.dumps(body, indent=1) + "\n", durable=True)
    temp.replace(journal)
    _sync_directory(journal.parent)


def _sync_directory(directory: Path) -> None:
    """Make a rename in `directory` durable (a no-op where directories cannot be opened)."""
    with contextlib.suppress(OSError):
        handle = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def pending(root: Path) -> str | None:
    """The state of an interrupted transaction (``staging``/``committed``), or None."""
    try:
        return str(json.loads((root / JOURNAL).read_text(encoding="utf-8"))["state"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return "staging"  # a journal cut short was never committed


def commit(root: Path, changes: Sequence[Change]) -> None:
    """Apply `changes` under `root` as one transaction (see the module docstring).

    Raises:
        WriteError: If a file cannot be staged (then nothing changed), or cannot replace
            its target (then the journal stays, and the next run finishes the job).
    """
    if not changes:
        return
    _write_journal(root, "staging", changes)
    created: list[Path] = []
    try:
        for change in changes:
            if change.text is None:
                continue
            target = root / change.path
            missing = [p for p in target.parents if not p.exists()]
            target.parent.mkdir(parents=True, exist_ok=True)
            created.extend(missing)
            _write(_staged(target), change.text)
        os.sync()
    except BaseException as exc:  # an OSError, or Ctrl-C: leave the tree as it was
        _discard(root, changes, created)
        if isinstance(exc, OSError):
            raise WriteError(f"could not write {exc.filename}: {exc.strerror}") from exc
        raise
    _write_journal(root, "committed", changes)
    _apply(root, changes)


def _apply(root: Path, changes: Sequence[Change]) -> None:
    for change in changes:
        target = root / change.path
        try:
            if change.text is None:
                target.unlink(missing_ok=True)
            elif _staged(target).exists():
                _staged(target).replace(target)
        except OSError as exc:
            raise WriteError(
                f"could not replace {change.path}: {exc.strerror}",
                hint="fix the cause and run `fortress generate` again to finish the change",
            ) from exc
    (root / JOURNAL).unlink(missing_ok=True)


def _discard(root: Path, changes: Sequence[Change], created: Sequence[Path]) -> None:
    """Remove staged files, the directories staging created, and the journal."""
    for change in changes:
        with contextlib.suppress(OSError):
            _staged(root / change.path).unlink(missing_ok=True)
    for directory in sorted(set(created), key=lambda p: len(p.parts), reverse=True):
        with contextlib.suppress(OSError):
            directory.rmdir()
    with contextlib.suppress(OSError):
        (root / JOURNAL).unlink(missing_ok=True)
        (root / JOURNAL).parent.rmdir()  # only if the journal was all it held


def recover(root: Path) -> list[str]:
    """Finish or undo a transaction a killed run left behind.

    Returns:
        The paths a committed transaction still had to change (empty when there was none,
        or when it had not been committed and was undone).
    """
    state = pending(root)
    if state is None:
        return []
    try:
        body = json.loads((root / JOURNAL).read_text(encoding="utf-8"))
        changes = [Change(item["path"], None if item["delete"] else "") for item in body["changes"]]
    except (OSError, ValueError, KeyError, TypeError):
        changes = []
    if state != "committed":
        _discard(root, changes, ())
        return []
    _apply(root, changes)
    return [c.path for c in changes]
