"""Data access for Leaf: the only code that touches the session for it."""

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from zoo.core.errors import ConflictError
from zoo.models.Leaf import Leaf
from zoo.repositories.pagination import decode_cursor, encode_cursor, keyset_after
from zoo.schemas.LeafSchema import LeafListParams

_SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "id": Leaf.id,
}
_SORT_TYPES: dict[str, type[object]] = {
    "id": int,
}
# What a caller is told when a write breaks a constraint, or a delete one a reference.
_CONFLICT = "A Leaf conflicts with existing data"
_IN_USE = "Leaf {} is still referenced by other rows"


class LeafRepository:
    """Reads and writes Leaf rows; turns constraint violations into domain errors."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, leaf_id: int) -> Leaf | None:
        """The Leaf with this id, or None."""
        stmt = sa.select(Leaf).where(Leaf.id == leaf_id)
        return await self._session.scalar(stmt)

    async def exists(self, leaf_id: int) -> bool:
        """Whether a Leaf with this id exists."""
        stmt = sa.select(Leaf.id).where(Leaf.id == leaf_id)
        return await self._session.scalar(stmt) is not None

    async def list_page(self, params: LeafListParams) -> tuple[Sequence[Leaf], str | None]:
        """One page of leaves in the requested order, and the next page's cursor."""
        stmt = sa.select(Leaf)
        key = params.sort.removeprefix("-")
        descending = params.sort.startswith("-")
        columns = (_SORT_COLUMNS[key], Leaf.id)
        if params.cursor is not None:
            after = decode_cursor(params.cursor, (_SORT_TYPES[key], int), tag=params.sort)
            stmt = stmt.where(keyset_after(columns, after, descending=descending))
        order = [c.desc() if descending else c.asc() for c in columns]
        rows = (await self._session.scalars(stmt.order_by(*order).limit(params.limit + 1))).all()
        if len(rows) <= params.limit:
            return rows, None
        last = rows[params.limit - 1]
        cursor = encode_cursor((getattr(last, key), last.id), tag=params.sort)
        return rows[: params.limit], cursor

    async def add(self, values: Mapping[str, Any]) -> Leaf:
        """Insert a new Leaf (not committed) and read back what the database stored."""
        leaf = Leaf(**values)
        self._session.add(leaf)
        await self._flush(_CONFLICT)
        await self._session.refresh(leaf)
        return leaf

    async def update(self, leaf: Leaf, values: Mapping[str, Any]) -> Leaf:
        """Change the given columns of a Leaf (not committed); read back the result."""
        for name, value in values.items():
            setattr(leaf, name, value)
        await self._flush(_CONFLICT)
        await self._session.refresh(leaf)
        return leaf

    async def delete(self, leaf: Leaf) -> None:
        """Delete a Leaf (not committed)."""
        await self._session.delete(leaf)
        await self._flush(_IN_USE.format(leaf.id))

    async def commit(self) -> None:
        """Commit the unit of work."""
        try:
            await self._session.commit()
        except IntegrityError as exc:
            await self._session.rollback()
            raise ConflictError(_CONFLICT) from exc

    async def _flush(self, conflict_message: str) -> None:
        try:
            await self._session.flush()
        except IntegrityError as exc:
            await self._session.rollback()
            raise ConflictError(conflict_message) from exc
