"""Data access for Invoice: the only code that touches the session for it."""

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, selectinload

from shop_api.core.errors import ConflictError
from shop_api.models.invoice import Invoice
from shop_api.repositories.pagination import decode_cursor, encode_cursor, keyset_after
from shop_api.schemas.invoice_schema import InvoiceListParams

_SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "number": Invoice.number,
    "id": Invoice.id,
}
_SORT_TYPES: dict[str, type[object]] = {
    "number": str,
    "id": int,
}
# What a caller is told when a write breaks a constraint, or a delete one a reference.
_CONFLICT = "An Invoice with the same number exists"
_IN_USE = "Invoice {} is still referenced by other rows"
# The relationships every read loads up front: the model's relationships never lazy-load.
_LOAD = (
    selectinload(Invoice.customer),
    selectinload(Invoice.tags),
)


class InvoiceRepository:
    """Reads and writes Invoice rows; turns constraint violations into domain errors."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, invoice_id: int) -> Invoice | None:
        """The Invoice with this id, or None."""
        stmt = sa.select(Invoice).options(*_LOAD).where(Invoice.id == invoice_id)
        return await self._session.scalar(stmt)

    async def exists(self, invoice_id: int) -> bool:
        """Whether a Invoice with this id exists."""
        stmt = sa.select(Invoice.id).where(Invoice.id == invoice_id)
        return await self._session.scalar(stmt) is not None

    async def list_page(self, params: InvoiceListParams) -> tuple[Sequence[Invoice], str | None]:
        """One page of invoices in the requested order, and the next page's cursor."""
        stmt = sa.select(Invoice).options(*_LOAD)
        if params.customer_id is not None:
            stmt = stmt.where(Invoice.customer_id == params.customer_id)
        key = params.sort.removeprefix("-")
        descending = params.sort.startswith("-")
        columns = (_SORT_COLUMNS[key], Invoice.id)
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

    async def add(self, values: Mapping[str, Any]) -> Invoice:
        """Insert a new Invoice (not committed) and read back what the database stored."""
        invoice = Invoice(**values)
        self._session.add(invoice)
        await self._flush(_CONFLICT)
        return await self._reload(invoice)

    async def update(self, invoice: Invoice, values: Mapping[str, Any]) -> Invoice:
        """Change the given columns of a Invoice (not committed); read back the result."""
        for name, value in values.items():
            setattr(invoice, name, value)
        await self._flush(_CONFLICT)
        return await self._reload(invoice)

    async def delete(self, invoice: Invoice) -> None:
        """Delete a Invoice (not committed)."""
        await self._session.delete(invoice)
        await self._flush(_IN_USE.format(invoice.id))

    async def commit(self) -> None:
        """Commit the unit of work."""
        try:
            await self._session.commit()
        except IntegrityError as exc:
            await self._session.rollback()
            raise ConflictError(_CONFLICT) from exc

    async def _reload(self, invoice: Invoice) -> Invoice:
        """Read a written row back as stored, with the relationships a response needs."""
        stmt = (
            sa.select(Invoice)
            .options(*_LOAD)
            .where(Invoice.id == invoice.id)
            .execution_options(populate_existing=True)
        )
        return (await self._session.scalars(stmt)).one()

    async def _flush(self, conflict_message: str) -> None:
        try:
            await self._session.flush()
        except IntegrityError as exc:
            await self._session.rollback()
            raise ConflictError(conflict_message) from exc
