"""FileOp and Plan: one status verb per file, as copier and Rails print them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from fortress_gen.lock import Lock

__all__ = ["CHANGING", "FileOp", "Plan", "Status"]

Status = Literal["create", "update", "identical", "conflict", "skip"]

# Statuses that change a file when the plan is applied.
CHANGING: frozenset[Status] = frozenset({"create", "update"})


@dataclass(frozen=True, slots=True)
class FileOp:
    """What happens to one file.

    Attributes:
        path: The path relative to the project root, with `/` separators.
        status: create / update / identical / conflict / skip.
        content: The text to write (for create and update); for a conflict, the text
            Fortress would have written (shown by `--diff`, never written); else None.
        old: The text on disk before the run, when there is one.
        reason: Why a file is left alone (conflict, skip), for the user.
        kind: "generated", "patch" (a user-owned file edited in place), "migration" or
            "owned" (written once when missing, then the user's; see plan/owned.py).
    """

    path: str
    status: Status
    content: str | None = None
    old: str | None = None
    reason: str | None = None
    kind: Literal["generated", "patch", "migration", "spec", "owned"] = "generated"


@dataclass(frozen=True)
class Plan:
    """Every file operation of a run, in path order, and the lock to write after them."""

    ops: tuple[FileOp, ...]
    lock: Lock
    lock_text: str
    lock_changed: bool
    notes: tuple[str, ...] = field(default=())

    @property
    def changes(self) -> tuple[FileOp, ...]:
        """The operations that write a file."""
        return tuple(op for op in self.ops if op.status in CHANGING)

    @property
    def conflicts(self) -> tuple[FileOp, ...]:
        """The files left alone because the user changed them."""
        return tuple(op for op in self.ops if op.status == "conflict")

    @property
    def is_noop(self) -> bool:
        """True when applying the plan would change nothing on disk."""
        return not self.changes and not self.lock_changed
