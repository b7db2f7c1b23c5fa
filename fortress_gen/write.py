"""Apply a plan as one transaction: its files, the new merge bases, then the lock.

`fortress_gen.transaction` stages everything first and commits with a journal, so an
interrupted run leaves the old tree, or the new one once `recover` has run. Unchanged files
are never rewritten, which keeps their mtime. The lock is replaced after every file it
describes, and merge bases it no longer refers to are removed after it.
"""

from __future__ import annotations

from pathlib import Path

from fortress_gen.basestore import base_path
from fortress_gen.lock import LOCK_FILE
from fortress_gen.plan.ops import Plan
from fortress_gen.transaction import Change, commit

__all__ = ["apply_plan"]


def apply_plan(plan: Plan, root: Path) -> list[str]:
    """Write the plan's changes, its merge bases and its lock under `root`.

    Args:
        plan: The plan to apply.
        root: The project root.

    Returns:
        The relative paths of the project's files that were written or deleted.

    Raises:
        WriteError: If a file cannot be staged (then nothing was changed), or cannot
            replace its target (then the next `fortress generate` finishes the change).
    """
    changes = [Change(base_path(sha), text) for sha, text in plan.bases.items()]
    changes += [
        Change(op.path, None if op.status == "delete" else op.content or "") for op in plan.changes
    ]
    if plan.lock_changed:
        changes.append(Change(LOCK_FILE, plan.lock_text))
    changes += [Change(base_path(sha), None) for sha in plan.stale_bases]
    commit(root, changes)
    return [op.path for op in plan.changes]
