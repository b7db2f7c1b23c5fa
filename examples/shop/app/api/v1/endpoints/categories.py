"""HTTP endpoints of Category: parse the request, call one service method, wrap the result."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from app.api.deps import SessionDep, get_current_user
from app.schemas.CategorySchema import (
    CategoryCreate,
    CategoryListParams,
    CategoryResponse,
    CategoryUpdate,
)
from app.schemas.envelope import CursorPage, Envelope, error_responses
from app.services.CategoryService import CategoryService

router = APIRouter(prefix="/categories", tags=["categories"])


async def get_category_service(session: SessionDep) -> CategoryService:
    """Provide a CategoryService bound to the request's session."""
    return CategoryService(session)


CategoryServiceDep = Annotated[CategoryService, Depends(get_category_service)]
CategoryId = Annotated[int, Path(ge=1, le=2147483647)]


@router.get(
    "",
    summary="List categories",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 422),
)
async def list_categories(
    service: CategoryServiceDep, params: Annotated[CategoryListParams, Query()]
) -> Envelope[CursorPage[CategoryResponse]]:
    """A page of categories; pass `next_cursor` back as `cursor` for the next one."""
    return Envelope(code=200, data=await service.list_page(params), message="OK")


@router.post(
    "",
    status_code=201,
    summary="Create a Category",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 409, 422),
)
async def create_category(
    payload: CategoryCreate, service: CategoryServiceDep
) -> Envelope[CategoryResponse]:
    """Create a Category."""
    return Envelope(code=201, data=await service.create(payload), message="Created")


@router.get(
    "/{category_id}",
    summary="Get a Category",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 422),
)
async def get_category(
    category_id: CategoryId, service: CategoryServiceDep
) -> Envelope[CategoryResponse]:
    """The Category with this id."""
    return Envelope(code=200, data=await service.get(category_id), message="OK")


@router.patch(
    "/{category_id}",
    summary="Update a Category",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def update_category(
    category_id: CategoryId, payload: CategoryUpdate, service: CategoryServiceDep
) -> Envelope[CategoryResponse]:
    """Change the fields sent; the others keep their values."""
    return Envelope(code=200, data=await service.update(category_id, payload), message="OK")


@router.delete(
    "/{category_id}",
    summary="Delete a Category",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def delete_category(category_id: CategoryId, service: CategoryServiceDep) -> Envelope[None]:
    """Delete the Category."""
    await service.delete(category_id)
    return Envelope(code=200, data=None, message="Deleted")
