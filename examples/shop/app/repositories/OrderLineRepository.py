"""Data access for OrderLine: the only code that touches the session for it."""

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from app.core.errors import ConflictError
from app.models.OrderLine import OrderLine
from app.repositories.pagination import decode_cursor, encode_cursor, keyset_after
from app.schemas.OrderLineSchema import OrderLineListParams

_SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "id": OrderLine.id,
}
_SORT_TYPES: dict[str, type[object]] = {
    "id": int,
}
# What a caller is told when a write breaks a constraint, or a delete one a reference.
_CONFLICT = "An OrderLine conflicts with existing data"
_IN_USE = "OrderLine {} is still referenced by other rows"


class OrderLineRepository:
    """Reads and writes OrderLine rows; turns constraint violations into domain errors."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, order_line_id: int) -> OrderLine | None:
        """The OrderLine with this id, or None."""
        stmt = sa.select(OrderLine).where(OrderLine.id == order_line_id)
        return await self._session.scalar(stmt)

    async def exists(self, order_line_id: int) -> bool:
        """Whether a OrderLine with this id exists."""
        stmt = sa.select(OrderLine.id).where(OrderLine.id == order_line_id)
        return await self._session.scalar(stmt) is not None

    async def list_page(
        self, params: OrderLineListParams
    ) -> tuple[Sequence[OrderLine], str | None]:
        """One page of order lines in the requested order, and the next page's cursor."""
        stmt = sa.select(OrderLine)
        if params.order_id is not None:
            stmt = stmt.where(OrderLine.order_id == params.order_id)
        key = params.sort.removeprefix("-")
        descending = params.sort.startswith("-")
        columns = (_SORT_COLUMNS[key], OrderLine.id)
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

    async def add(self, values: Mapping[str, Any]) -> OrderLine:
        """Insert a new OrderLine (not committed) and read back what the database stored."""
        order_line = OrderLine(**values)
        self._session.add(order_line)
        await self._flush(_CONFLICT)
        await self._session.refresh(order_line)
        return order_line

    async def update(self, order_line: OrderLine, values: Mapping[str, Any]) -> OrderLine:
        """Change the given columns of a OrderLine (not committed); read back the result."""
        for name, value in values.items():
            setattr(order_line, name, value)
        await self._flush(_CONFLICT)
        await self._session.refresh(order_line)
        return order_line

    async def delete(self, order_line: OrderLine) -> None:
        """Delete a OrderLine (not committed)."""
        await self._session.delete(order_line)
        await self._flush(_IN_USE.format(order_line.id))

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
