"""FileOp and Plan: one status verb per file, as copier and Rails print them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from fortress_gen.lock import Lock

__all__ = ["CHANGING", "FileOp", "Plan", "Status"]

Status = Literal["create", "update", "merge", "identical", "conflict", "delete", "skip"]

# Statuses that change a file when the plan is applied (a conflict is written with markers).
CHANGING: frozenset[Status] = frozenset({"create", "update", "merge", "conflict", "delete"})


@dataclass(frozen=True, slots=True)
class FileOp:
    """What happens to one file.

    Attributes:
        path: The path relative to the project root, with `/` separators.
        status: create (new file) / update (unedited, replaced) / merge (your edits and
            Fortress's changes merged cleanly) / identical (nothing new) / conflict (merged
            with git-style markers where both changed the same lines) / delete (no spec
            produces it any more, unedited) / skip (left as it is; see `reason`).
        content: The text to write; for a blocking skip, the text Fortress would have
            written (shown by `--diff`, never written); None for delete and identical.
        old: The text on disk before the run, when there is one.
        reason: Why a file is merged, conflicted or left alone, for the user.
        kind: "generated", "patch" (a user-owned file edited in place) or "migration".
        blocking: A skip that needs the user (an unknown file where Fortress would write,
            an unreadable one, no merge base): the run exits 1.
    """

    path: str
    status: Status
    content: str | None = None
    old: str | None = None
    reason: str | None = None
    kind: Literal["generated", "patch", "migration", "spec"] = "generated"
    blocking: bool = False


@dataclass(frozen=True)
class Plan:
    """Every file operation of a run, in path order, and the lock to write after them.

    Attributes:
        ops: One operation per file, sorted by path.
        lock: The lock after the run.
        lock_text: Its text.
        lock_changed: Whether it differs from the lock on disk.
        fingerprints_only: Whether the only difference is in its input fingerprints (a
            spec reformatted or commented, say): bookkeeping, not drift.
        bases: Merge bases to store (sha256 -> text): the generated texts the new lock
            records that the store does not hold yet.
        stale_bases: Stored merge bases the new lock no longer refers to.
    """

    ops: tuple[FileOp, ...]
    lock: Lock
    lock_text: str
    lock_changed: bool
    fingerprints_only: bool = False
    bases: dict[str, str] = field(default_factory=dict)
    stale_bases: tuple[str, ...] = ()

    @property
    def changes(self) -> tuple[FileOp, ...]:
        """The operations that write a file."""
        return tuple(op for op in self.ops if op.status in CHANGING)

    @property
    def conflicts(self) -> tuple[FileOp, ...]:
        """The files that need the user: conflict markers written, or left alone."""
        return tuple(op for op in self.ops if op.status == "conflict" or op.blocking)

    @property
    def in_step(self) -> bool:
        """True when nothing is out of step with the specs (`generate --check` passes).

        Only the lock's fingerprints may differ: writing them changes no generated file.
        """
        return self.is_noop or (
            not self.changes and not self.bases and not self.stale_bases and self.fingerprints_only
        )

    @property
    def is_noop(self) -> bool:
        """True when applying the plan would change nothing on disk."""
        return (
            not self.changes and not self.lock_changed and not self.bases and not self.stale_bases
        )
