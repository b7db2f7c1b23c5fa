"""HTTP endpoints of Refund: parse the request, call one service method, wrap the result."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from shop_api.api.deps import SessionDep, get_current_user
from shop_api.schemas.envelope import CursorPage, Envelope, error_responses
from shop_api.schemas.refund_schema import (
    RefundCreate,
    RefundListParams,
    RefundResponse,
    RefundUpdate,
)
from shop_api.services.refund_service import RefundService

router = APIRouter(prefix="/refunds", tags=["refunds"])


async def get_refund_service(session: SessionDep) -> RefundService:
    """Provide a RefundService bound to the request's session."""
    return RefundService(session)


RefundServiceDep = Annotated[RefundService, Depends(get_refund_service)]
RefundId = Annotated[int, Path(ge=1, le=2147483647)]


@router.get(
    "",
    summary="List refunds",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 422),
)
async def list_refunds(
    service: RefundServiceDep, params: Annotated[RefundListParams, Query()]
) -> Envelope[CursorPage[RefundResponse]]:
    """A page of refunds; pass `next_cursor` back as `cursor` for the next one."""
    return Envelope(code=200, data=await service.list_page(params), message="OK")


@router.post(
    "",
    status_code=201,
    summary="Create a Refund",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 409, 422),
)
async def create_refund(
    payload: RefundCreate, service: RefundServiceDep
) -> Envelope[RefundResponse]:
    """Create a Refund."""
    return Envelope(code=201, data=await service.create(payload), message="Created")


@router.get(
    "/{refund_id}",
    summary="Get a Refund",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 422),
)
async def get_refund(refund_id: RefundId, service: RefundServiceDep) -> Envelope[RefundResponse]:
    """The Refund with this id."""
    return Envelope(code=200, data=await service.get(refund_id), message="OK")


@router.patch(
    "/{refund_id}",
    summary="Update a Refund",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def update_refund(
    refund_id: RefundId, payload: RefundUpdate, service: RefundServiceDep
) -> Envelope[RefundResponse]:
    """Change the fields sent; the others keep their values."""
    return Envelope(code=200, data=await service.update(refund_id, payload), message="OK")


@router.delete(
    "/{refund_id}",
    summary="Delete a Refund",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def delete_refund(refund_id: RefundId, service: RefundServiceDep) -> Envelope[None]:
    """Delete the Refund."""
    await service.delete(refund_id)
    return Envelope(code=200, data=None, message="Deleted")
