"""What every migration operation shares: whether it can lose data, said once."""

from __future__ import annotations

__all__ = ["Operation"]


class Operation:
    """Base of the operation records: no data loss unless a subclass says what it loses."""

    __slots__ = ()

    @property
    def loss(self) -> str | None:
        """What the operation can lose, as a sentence; None when nothing."""
        return None

    @property
    def destructive(self) -> bool:
        """Whether the operation can lose data."""
        return self.loss is not None
