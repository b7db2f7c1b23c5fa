"""Apply a plan: stage every file next to its target, then replace them all.

Nothing is written until every file of the plan has been staged, so a failure while staging
leaves the tree untouched. Unchanged files are never rewritten, which keeps their mtime.
The lock file is replaced last: a run interrupted before that point is redone in full by the
next `fortress generate`, because the lock still describes the previous state.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from fortress_gen.errors import WriteError
from fortress_gen.lock import LOCK_FILE
from fortress_gen.plan.ops import Plan

__all__ = ["apply_plan"]

_STAGE_SUFFIX = ".fortress-tmp"


def _missing_parents(target: Path) -> list[Path]:
    """The directories `_stage` creates for `target`, outermost first."""
    missing: list[Path] = []
    for parent in target.parents:
        if parent.exists():
            break
        missing.append(parent)
    return missing[::-1]


def _stage(target: Path, text: str) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = target.with_name(target.name + _STAGE_SUFFIX)
    with staged.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    return staged


def apply_plan(plan: Plan, root: Path) -> list[str]:
    """Write the plan's changes and its lock under `root`.

    Args:
        plan: The plan to apply.
        root: The project root.

    Returns:
        The relative paths that were written.

    Raises:
        WriteError: If a file cannot be staged (then nothing was changed), or cannot
            replace its target (then the lock is not replaced, and the next run finishes).
    """
    staged: list[tuple[Path, Path]] = []
    created: list[Path] = []
    targets = [(root / op.path, op.content) for op in plan.changes]
    if plan.lock_changed:
        targets.append((root / LOCK_FILE, plan.lock_text))
    try:
        for target, text in targets:
            assert text is not None
            missing = _missing_parents(target)
            temp = target.with_name(target.name + _STAGE_SUFFIX)
            try:
                _stage(target, text)
            finally:
                created.extend(missing)
                if temp.exists():
                    staged.append((temp, target))
    except BaseException as exc:  # an OSError, or Ctrl-C: leave the tree as it was
        _discard(staged, created)
        if isinstance(exc, OSError):
            raise WriteError(f"could not write {exc.filename}: {exc.strerror}") from exc
        raise
    for index, (temp, target) in enumerate(staged):
        try:
            temp.replace(target)
        except BaseException as exc:  # the lock is replaced last, so the next run finishes
            _discard(staged[index:], [])
            if not isinstance(exc, OSError):
                raise
            done = ", ".join(t.relative_to(root).as_posix() for _, t in staged[:index]) or "none"
            raise WriteError(
                f"could not replace {target.relative_to(root).as_posix()}: {exc.strerror}; "
                f"already written: {done}",
                hint="fix the cause and run `fortress generate` again to finish",
            ) from exc
    return [op.path for op in plan.changes]


def _discard(staged: list[tuple[Path, Path]], created: list[Path]) -> None:
    """Remove staged files and the directories staging created (innermost first)."""
    for temp, _ in staged:
        with contextlib.suppress(OSError):
            temp.unlink()
    for directory in sorted(set(created), key=lambda p: len(p.parts), reverse=True):
        with contextlib.suppress(OSError):
            directory.rmdir()
