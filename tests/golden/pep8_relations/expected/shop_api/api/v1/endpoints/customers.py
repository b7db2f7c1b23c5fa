"""HTTP endpoints of Customer: parse the request, call one service method, wrap the result."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from shop_api.api.deps import SessionDep, get_current_user
from shop_api.schemas.customer_schema import (
    CustomerCreate,
    CustomerListParams,
    CustomerResponse,
    CustomerUpdate,
)
from shop_api.schemas.envelope import CursorPage, Envelope, error_responses
from shop_api.services.customer_service import CustomerService

router = APIRouter(prefix="/customers", tags=["customers"])


async def get_customer_service(session: SessionDep) -> CustomerService:
    """Provide a CustomerService bound to the request's session."""
    return CustomerService(session)


CustomerServiceDep = Annotated[CustomerService, Depends(get_customer_service)]
CustomerId = Annotated[int, Path(ge=1, le=2147483647)]


@router.get(
    "",
    summary="List customers",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 422),
)
async def list_customers(
    service: CustomerServiceDep, params: Annotated[CustomerListParams, Query()]
) -> Envelope[CursorPage[CustomerResponse]]:
    """A page of customers; pass `next_cursor` back as `cursor` for the next one."""
    return Envelope(code=200, data=await service.list_page(params), message="OK")


@router.post(
    "",
    status_code=201,
    summary="Create a Customer",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 409, 422),
)
async def create_customer(
    payload: CustomerCreate, service: CustomerServiceDep
) -> Envelope[CustomerResponse]:
    """Create a Customer."""
    return Envelope(code=201, data=await service.create(payload), message="Created")


@router.get(
    "/{customer_id}",
    summary="Get a Customer",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 422),
)
async def get_customer(
    customer_id: CustomerId, service: CustomerServiceDep
) -> Envelope[CustomerResponse]:
    """The Customer with this id."""
    return Envelope(code=200, data=await service.get(customer_id), message="OK")


@router.patch(
    "/{customer_id}",
    summary="Update a Customer",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def update_customer(
    customer_id: CustomerId, payload: CustomerUpdate, service: CustomerServiceDep
) -> Envelope[CustomerResponse]:
    """Change the fields sent; the others keep their values."""
    return Envelope(code=200, data=await service.update(customer_id, payload), message="OK")


@router.delete(
    "/{customer_id}",
    summary="Delete a Customer",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def delete_customer(customer_id: CustomerId, service: CustomerServiceDep) -> Envelope[None]:
    """Delete the Customer."""
    await service.delete(customer_id)
    return Envelope(code=200, data=None, message="Deleted")
