"""Business rules of Refund: checks beyond the schema, and the unit of work."""

from sqlalchemy.ext.asyncio import AsyncSession

from shop_api.core.errors import InvalidReferenceError, NotFoundError
from shop_api.models.refund import Refund
from shop_api.repositories.invoice_repository import InvoiceRepository
from shop_api.repositories.refund_repository import RefundRepository
from shop_api.schemas.envelope import CursorPage
from shop_api.schemas.refund_schema import (
    RefundCreate,
    RefundListParams,
    RefundResponse,
    RefundUpdate,
)


class RefundService:
    """Use cases of Refund; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession) -> None:
        self._refunds = RefundRepository(session)
        self._invoices = InvoiceRepository(session)

    async def list_page(self, params: RefundListParams) -> CursorPage[RefundResponse]:
        """One page of refunds."""
        rows, next_cursor = await self._refunds.list_page(params)
        items = [RefundResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, refund_id: int) -> RefundResponse:
        """The Refund with this id; NotFoundError if there is none."""
        return RefundResponse.model_validate(await self._get(refund_id))

    async def create(self, payload: RefundCreate) -> RefundResponse:
        """Create a Refund and commit it."""
        values = payload.model_dump()
        await self._check_invoice(values["invoice_id"])
        refund = await self._refunds.add(values)
        await self._refunds.commit()
        return RefundResponse.model_validate(refund)

    async def update(self, refund_id: int, payload: RefundUpdate) -> RefundResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        refund = await self._get(refund_id)
        values = payload.model_dump(exclude_unset=True)
        await self._check_invoice(values.get("invoice_id"))
        refund = await self._refunds.update(refund, values)
        await self._refunds.commit()
        return RefundResponse.model_validate(refund)

    async def delete(self, refund_id: int) -> None:
        """Delete the Refund and commit; NotFoundError if there is none."""
        refund = await self._get(refund_id)
        await self._refunds.delete(refund)
        await self._refunds.commit()

    async def _get(self, refund_id: int) -> Refund:
        refund = await self._refunds.get(refund_id)
        if refund is None:
            raise NotFoundError.for_entity("Refund", refund_id)
        return refund

    async def _check_invoice(self, invoice_id: int | None) -> None:
        """Refuse an invoice_id that names no Invoice."""
        if invoice_id is not None and not await self._invoices.exists(invoice_id):
            raise InvalidReferenceError(f"invoice_id: Invoice {invoice_id} does not exist")
