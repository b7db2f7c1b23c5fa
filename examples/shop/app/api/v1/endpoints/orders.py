"""HTTP endpoints of Order: parse the request, call one service method, wrap the result."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from app.api.deps import SessionDep, get_current_user
from app.schemas.envelope import CursorPage, Envelope, error_responses
from app.schemas.OrderSchema import OrderCreate, OrderListParams, OrderResponse, OrderUpdate
from app.services.OrderService import OrderService

router = APIRouter(prefix="/orders", tags=["orders"])


async def get_order_service(session: SessionDep) -> OrderService:
    """Provide a OrderService bound to the request's session."""
    return OrderService(session)


OrderServiceDep = Annotated[OrderService, Depends(get_order_service)]
OrderId = Annotated[int, Path(ge=1, le=2147483647)]


@router.get(
    "",
    summary="List orders",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 422),
)
async def list_orders(
    service: OrderServiceDep, params: Annotated[OrderListParams, Query()]
) -> Envelope[CursorPage[OrderResponse]]:
    """A page of orders; pass `next_cursor` back as `cursor` for the next one."""
    return Envelope(code=200, data=await service.list_page(params), message="OK")


@router.post(
    "",
    status_code=201,
    summary="Create an Order",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 409, 422),
)
async def create_order(payload: OrderCreate, service: OrderServiceDep) -> Envelope[OrderResponse]:
    """Create an Order."""
    return Envelope(code=201, data=await service.create(payload), message="Created")


@router.get(
    "/{order_id}",
    summary="Get an Order",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 422),
)
async def get_order(order_id: OrderId, service: OrderServiceDep) -> Envelope[OrderResponse]:
    """The Order with this id."""
    return Envelope(code=200, data=await service.get(order_id), message="OK")


@router.patch(
    "/{order_id}",
    summary="Update an Order",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def update_order(
    order_id: OrderId, payload: OrderUpdate, service: OrderServiceDep
) -> Envelope[OrderResponse]:
    """Change the fields sent; the others keep their values."""
    return Envelope(code=200, data=await service.update(order_id, payload), message="OK")


@router.delete(
    "/{order_id}",
    summary="Delete an Order",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def delete_order(order_id: OrderId, service: OrderServiceDep) -> Envelope[None]:
    """Delete the Order."""
    await service.delete(order_id)
    return Envelope(code=200, data=None, message="Deleted")
