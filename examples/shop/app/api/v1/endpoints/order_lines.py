"""HTTP endpoints of OrderLine: parse the request, call one service method, wrap the result."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from app.api.deps import SessionDep, get_current_user
from app.schemas.envelope import CursorPage, Envelope, error_responses
from app.schemas.OrderLineSchema import (
    OrderLineCreate,
    OrderLineListParams,
    OrderLineResponse,
    OrderLineUpdate,
)
from app.services.OrderLineService import OrderLineService

router = APIRouter(prefix="/order-lines", tags=["order-lines"])


async def get_order_line_service(session: SessionDep) -> OrderLineService:
    """Provide a OrderLineService bound to the request's session."""
    return OrderLineService(session)


OrderLineServiceDep = Annotated[OrderLineService, Depends(get_order_line_service)]
OrderLineId = Annotated[int, Path(ge=1, le=2147483647)]


@router.get(
    "",
    summary="List order lines",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 422),
)
async def list_order_lines(
    service: OrderLineServiceDep, params: Annotated[OrderLineListParams, Query()]
) -> Envelope[CursorPage[OrderLineResponse]]:
    """A page of order lines; pass `next_cursor` back as `cursor` for the next one."""
    return Envelope(code=200, data=await service.list_page(params), message="OK")


@router.post(
    "",
    status_code=201,
    summary="Create an OrderLine",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 409, 422),
)
async def create_order_line(
    payload: OrderLineCreate, service: OrderLineServiceDep
) -> Envelope[OrderLineResponse]:
    """Create an OrderLine."""
    return Envelope(code=201, data=await service.create(payload), message="Created")


@router.get(
    "/{order_line_id}",
    summary="Get an OrderLine",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 422),
)
async def get_order_line(
    order_line_id: OrderLineId, service: OrderLineServiceDep
) -> Envelope[OrderLineResponse]:
    """The OrderLine with this id."""
    return Envelope(code=200, data=await service.get(order_line_id), message="OK")


@router.patch(
    "/{order_line_id}",
    summary="Update an OrderLine",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def update_order_line(
    order_line_id: OrderLineId, payload: OrderLineUpdate, service: OrderLineServiceDep
) -> Envelope[OrderLineResponse]:
    """Change the fields sent; the others keep their values."""
    return Envelope(code=200, data=await service.update(order_line_id, payload), message="OK")


@router.delete(
    "/{order_line_id}",
    summary="Delete an OrderLine",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def delete_order_line(
    order_line_id: OrderLineId, service: OrderLineServiceDep
) -> Envelope[None]:
    """Delete the OrderLine."""
    await service.delete(order_line_id)
    return Envelope(code=200, data=None, message="Deleted")
