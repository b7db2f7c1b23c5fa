"""HTTP endpoints of Invoice: parse the request, call one service method, wrap the result."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from shop_api.api.deps import SessionDep, get_current_user
from shop_api.schemas.envelope import CursorPage, Envelope, error_responses
from shop_api.schemas.invoice_schema import (
    InvoiceCreate,
    InvoiceListParams,
    InvoiceResponse,
    InvoiceUpdate,
)
from shop_api.services.invoice_service import InvoiceService

router = APIRouter(prefix="/invoices", tags=["invoices"])


async def get_invoice_service(session: SessionDep) -> InvoiceService:
    """Provide a InvoiceService bound to the request's session."""
    return InvoiceService(session)


InvoiceServiceDep = Annotated[InvoiceService, Depends(get_invoice_service)]
InvoiceId = Annotated[int, Path(ge=1, le=2147483647)]


@router.get(
    "",
    summary="List invoices",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 422),
)
async def list_invoices(
    service: InvoiceServiceDep, params: Annotated[InvoiceListParams, Query()]
) -> Envelope[CursorPage[InvoiceResponse]]:
    """A page of invoices; pass `next_cursor` back as `cursor` for the next one."""
    return Envelope(code=200, data=await service.list_page(params), message="OK")


@router.post(
    "",
    status_code=201,
    summary="Create an Invoice",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 409, 422),
)
async def create_invoice(
    payload: InvoiceCreate, service: InvoiceServiceDep
) -> Envelope[InvoiceResponse]:
    """Create an Invoice."""
    return Envelope(code=201, data=await service.create(payload), message="Created")


@router.get(
    "/{invoice_id}",
    summary="Get an Invoice",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 422),
)
async def get_invoice(
    invoice_id: InvoiceId, service: InvoiceServiceDep
) -> Envelope[InvoiceResponse]:
    """The Invoice with this id."""
    return Envelope(code=200, data=await service.get(invoice_id), message="OK")


@router.patch(
    "/{invoice_id}",
    summary="Update an Invoice",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def update_invoice(
    invoice_id: InvoiceId, payload: InvoiceUpdate, service: InvoiceServiceDep
) -> Envelope[InvoiceResponse]:
    """Change the fields sent; the others keep their values."""
    return Envelope(code=200, data=await service.update(invoice_id, payload), message="OK")


@router.delete(
    "/{invoice_id}",
    summary="Delete an Invoice",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def delete_invoice(invoice_id: InvoiceId, service: InvoiceServiceDep) -> Envelope[None]:
    """Delete the Invoice."""
    await service.delete(invoice_id)
    return Envelope(code=200, data=None, message="Deleted")
