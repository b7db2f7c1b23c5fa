"""HTTP endpoints of Product: parse the request, call one service method, wrap the result."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from app.api.deps import SessionDep, get_current_user
from app.schemas.envelope import CursorPage, Envelope, error_responses
from app.schemas.ProductSchema import (
    ProductCreate,
    ProductListParams,
    ProductResponse,
    ProductUpdate,
)
from app.services.ProductService import ProductService

router = APIRouter(prefix="/products", tags=["products"])


async def get_product_service(session: SessionDep) -> ProductService:
    """Provide a ProductService bound to the request's session."""
    return ProductService(session)


ProductServiceDep = Annotated[ProductService, Depends(get_product_service)]
ProductId = Annotated[int, Path(ge=1, le=2147483647)]


@router.get(
    "",
    summary="List products",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 422),
)
async def list_products(
    service: ProductServiceDep, params: Annotated[ProductListParams, Query()]
) -> Envelope[CursorPage[ProductResponse]]:
    """A page of products; pass `next_cursor` back as `cursor` for the next one."""
    return Envelope(code=200, data=await service.list_page(params), message="OK")


@router.post(
    "",
    status_code=201,
    summary="Create a Product",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 409, 422),
)
async def create_product(
    payload: ProductCreate, service: ProductServiceDep
) -> Envelope[ProductResponse]:
    """Create a Product."""
    return Envelope(code=201, data=await service.create(payload), message="Created")


@router.get(
    "/{product_id}",
    summary="Get a Product",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 422),
)
async def get_product(
    product_id: ProductId, service: ProductServiceDep
) -> Envelope[ProductResponse]:
    """The Product with this id."""
    return Envelope(code=200, data=await service.get(product_id), message="OK")


@router.patch(
    "/{product_id}",
    summary="Update a Product",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def update_product(
    product_id: ProductId, payload: ProductUpdate, service: ProductServiceDep
) -> Envelope[ProductResponse]:
    """Change the fields sent; the others keep their values."""
    return Envelope(code=200, data=await service.update(product_id, payload), message="OK")


@router.delete(
    "/{product_id}",
    summary="Delete a Product",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def delete_product(product_id: ProductId, service: ProductServiceDep) -> Envelope[None]:
    """Delete the Product."""
    await service.delete(product_id)
    return Envelope(code=200, data=None, message="Deleted")
