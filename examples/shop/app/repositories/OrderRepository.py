"""Data access for Order: the only code that touches the session for it."""

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from app.core.errors import ConflictError
from app.models.Order import Order
from app.repositories.pagination import decode_cursor, encode_cursor, keyset_after
from app.schemas.OrderSchema import OrderListParams

_SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "placed_at": Order.placed_at,
    "total": Order.total,
    "id": Order.id,
}
_SORT_TYPES: dict[str, type[object]] = {
    "placed_at": dt.datetime,
    "total": Decimal,
    "id": int,
}
# What a caller is told when a write breaks a constraint, or a delete one a reference.
_CONFLICT = "An Order with the same number exists"
_IN_USE = "Order {} is still referenced by other rows"


class OrderRepository:
    """Reads and writes Order rows; turns constraint violations into domain errors."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, order_id: int) -> Order | None:
        """The Order with this id, or None."""
        stmt = sa.select(Order).where(Order.id == order_id)
        return await self._session.scalar(stmt)

    async def exists(self, order_id: int) -> bool:
        """Whether a Order with this id exists."""
        stmt = sa.select(Order.id).where(Order.id == order_id)
        return await self._session.scalar(stmt) is not None

    async def list_page(self, params: OrderListParams) -> tuple[Sequence[Order], str | None]:
        """One page of orders in the requested order, and the next page's cursor."""
        stmt = sa.select(Order)
        if params.status is not None:
            stmt = stmt.where(Order.status == params.status)
        if params.customer_id is not None:
            stmt = stmt.where(Order.customer_id == params.customer_id)
        key = params.sort.removeprefix("-")
        descending = params.sort.startswith("-")
        columns = (_SORT_COLUMNS[key], Order.id)
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

    async def add(self, values: Mapping[str, Any]) -> Order:
        """Insert a new Order (not committed) and read back what the database stored."""
        order = Order(**values)
        self._session.add(order)
        await self._flush(_CONFLICT)
        await self._session.refresh(order)
        return order

    async def update(self, order: Order, values: Mapping[str, Any]) -> Order:
        """Change the given columns of a Order (not committed); read back the result."""
        for name, value in values.items():
            setattr(order, name, value)
        await self._flush(_CONFLICT)
        await self._session.refresh(order)
        return order

    async def delete(self, order: Order) -> None:
        """Delete a Order (not committed)."""
        await self._session.delete(order)
        await self._flush(_IN_USE.format(order.id))

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
