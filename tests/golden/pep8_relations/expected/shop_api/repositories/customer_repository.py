"""Data access for Customer: the only code that touches the session for it."""

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from shop_api.core.errors import ConflictError
from shop_api.models.customer import Customer
from shop_api.repositories.pagination import decode_cursor, encode_cursor, keyset_after
from shop_api.schemas.customer_schema import CustomerListParams

_SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "id": Customer.id,
}
_SORT_TYPES: dict[str, type[object]] = {
    "id": int,
}
# What a caller is told when a write breaks a constraint, or a delete one a reference.
_CONFLICT = "A Customer with the same email exists"
_IN_USE = "Customer {} is still referenced by other rows"


class CustomerRepository:
    """Reads and writes Customer rows; turns constraint violations into domain errors."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, customer_id: int) -> Customer | None:
        """The Customer with this id, or None."""
        stmt = sa.select(Customer).where(Customer.id == customer_id)
        return await self._session.scalar(stmt)

    async def exists(self, customer_id: int) -> bool:
        """Whether a Customer with this id exists."""
        stmt = sa.select(Customer.id).where(Customer.id == customer_id)
        return await self._session.scalar(stmt) is not None

    async def list_page(self, params: CustomerListParams) -> tuple[Sequence[Customer], str | None]:
        """One page of customers in the requested order, and the next page's cursor."""
        stmt = sa.select(Customer)
        key = params.sort.removeprefix("-")
        descending = params.sort.startswith("-")
        columns = (_SORT_COLUMNS[key], Customer.id)
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

    async def add(self, values: Mapping[str, Any]) -> Customer:
        """Insert a new Customer (not committed) and read back what the database stored."""
        customer = Customer(**values)
        self._session.add(customer)
        await self._flush(_CONFLICT)
        await self._session.refresh(customer)
        return customer

    async def update(self, customer: Customer, values: Mapping[str, Any]) -> Customer:
        """Change the given columns of a Customer (not committed); read back the result."""
        for name, value in values.items():
            setattr(customer, name, value)
        await self._flush(_CONFLICT)
        await self._session.refresh(customer)
        return customer

    async def delete(self, customer: Customer) -> None:
        """Delete a Customer (not committed)."""
        await self._session.delete(customer)
        await self._flush(_IN_USE.format(customer.id))

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
