"""Business rules of Invoice: checks beyond the schema, and the unit of work."""

from collections.abc import Collection, Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from shop_api.core.errors import InvalidReferenceError, NotFoundError
from shop_api.models.invoice import Invoice
from shop_api.models.tag import Tag
from shop_api.repositories.customer_repository import CustomerRepository
from shop_api.repositories.invoice_repository import InvoiceRepository
from shop_api.repositories.tag_repository import TagRepository
from shop_api.schemas.envelope import CursorPage
from shop_api.schemas.invoice_schema import (
    InvoiceCreate,
    InvoiceListParams,
    InvoiceResponse,
    InvoiceUpdate,
)


class InvoiceService:
    """Use cases of Invoice; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession) -> None:
        self._invoices = InvoiceRepository(session)
        self._customers = CustomerRepository(session)
        self._tags = TagRepository(session)

    async def list_page(self, params: InvoiceListParams) -> CursorPage[InvoiceResponse]:
        """One page of invoices."""
        rows, next_cursor = await self._invoices.list_page(params)
        items = [InvoiceResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, invoice_id: int) -> InvoiceResponse:
        """The Invoice with this id; NotFoundError if there is none."""
        return InvoiceResponse.model_validate(await self._get(invoice_id))

    async def create(self, payload: InvoiceCreate) -> InvoiceResponse:
        """Create an Invoice and commit it."""
        values = payload.model_dump()
        await self._check_customer(values["customer_id"])
        await self._check_replaces(values["replaces_id"])
        values["tags"] = await self._tags_by_ids(values.pop("tag_ids"))
        invoice = await self._invoices.add(values)
        await self._invoices.commit()
        return InvoiceResponse.model_validate(invoice)

    async def update(self, invoice_id: int, payload: InvoiceUpdate) -> InvoiceResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        invoice = await self._get(invoice_id)
        values = payload.model_dump(exclude_unset=True)
        await self._check_customer(values.get("customer_id"))
        await self._check_replaces(values.get("replaces_id"))
        if "tag_ids" in values:
            values["tags"] = await self._tags_by_ids(values.pop("tag_ids"))
        invoice = await self._invoices.update(invoice, values)
        await self._invoices.commit()
        return InvoiceResponse.model_validate(invoice)

    async def delete(self, invoice_id: int) -> None:
        """Delete the Invoice and commit; NotFoundError if there is none."""
        invoice = await self._get(invoice_id)
        await self._invoices.delete(invoice)
        await self._invoices.commit()

    async def _get(self, invoice_id: int) -> Invoice:
        invoice = await self._invoices.get(invoice_id)
        if invoice is None:
            raise NotFoundError.for_entity("Invoice", invoice_id)
        return invoice

    async def _check_customer(self, customer_id: int | None) -> None:
        """Refuse a customer_id that names no Customer."""
        if customer_id is not None and not await self._customers.exists(customer_id):
            raise InvalidReferenceError(f"customer_id: Customer {customer_id} does not exist")

    async def _check_replaces(self, replaces_id: int | None) -> None:
        """Refuse a replaces_id that names no Invoice."""
        if replaces_id is not None and not await self._invoices.exists(replaces_id):
            raise InvalidReferenceError(f"replaces_id: Invoice {replaces_id} does not exist")

    async def _tags_by_ids(self, ids: Collection[int]) -> Sequence[Tag]:
        """The Tag rows of `ids`; InvalidReferenceError naming any that do not exist."""
        found = await self._tags.get_many(ids)
        missing = sorted(set(ids) - {row.id for row in found})
        if missing:
            names = ", ".join(map(str, missing))
            raise InvalidReferenceError(f"tag_ids: no Tag {names}")
        return found
