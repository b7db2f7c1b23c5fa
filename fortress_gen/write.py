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
        WriteError: If a file cannot be staged (then nothing was changed).
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for op in plan.changes:
            assert op.content is not None
            target = root / op.path
            staged.append((_stage(target, op.content), target))
        if plan.lock_changed:
            target = root / LOCK_FILE
            staged.append((_stage(target, plan.lock_text), target))
    except OSError as exc:
        for temp, _ in staged:
            with contextlib.suppress(OSError):
                temp.unlink()
        raise WriteError(f"could not write {exc.filename}: {exc.strerror}") from exc
    for temp, target in staged:
        temp.replace(target)
    return [op.path for op in plan.changes]
