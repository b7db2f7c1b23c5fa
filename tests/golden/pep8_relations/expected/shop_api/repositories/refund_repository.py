"""Data access for Refund: the only code that touches the session for it."""

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from shop_api.core.errors import ConflictError
from shop_api.models.refund import Refund
from shop_api.repositories.pagination import decode_cursor, encode_cursor, keyset_after
from shop_api.schemas.refund_schema import RefundListParams

_SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "id": Refund.id,
}
_SORT_TYPES: dict[str, type[object]] = {
    "id": int,
}
# What a caller is told when a write breaks a constraint, or a delete one a reference.
_CONFLICT = "A Refund with the same invoice_id exists"
_IN_USE = "Refund {} is still referenced by other rows"


class RefundRepository:
    """Reads and writes Refund rows; turns constraint violations into domain errors."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, refund_id: int) -> Refund | None:
        """The Refund with this id, or None."""
        stmt = sa.select(Refund).where(Refund.id == refund_id)
        return await self._session.scalar(stmt)

    async def exists(self, refund_id: int) -> bool:
        """Whether a Refund with this id exists."""
        stmt = sa.select(Refund.id).where(Refund.id == refund_id)
        return await self._session.scalar(stmt) is not None

    async def list_page(self, params: RefundListParams) -> tuple[Sequence[Refund], str | None]:
        """One page of refunds in the requested order, and the next page's cursor."""
        stmt = sa.select(Refund)
        key = params.sort.removeprefix("-")
        descending = params.sort.startswith("-")
        columns = (_SORT_COLUMNS[key], Refund.id)
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

    async def add(self, values: Mapping[str, Any]) -> Refund:
        """Insert a new Refund (not committed) and read back what the database stored."""
        refund = Refund(**values)
        self._session.add(refund)
        await self._flush(_CONFLICT)
        await self._session.refresh(refund)
        return refund

    async def update(self, refund: Refund, values: Mapping[str, Any]) -> Refund:
        """Change the given columns of a Refund (not committed); read back the result."""
        for name, value in values.items():
            setattr(refund, name, value)
        await self._flush(_CONFLICT)
        await self._session.refresh(refund)
        return refund

    async def delete(self, refund: Refund) -> None:
        """Delete a Refund (not committed)."""
        await self._session.delete(refund)
        await self._flush(_IN_USE.format(refund.id))

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
