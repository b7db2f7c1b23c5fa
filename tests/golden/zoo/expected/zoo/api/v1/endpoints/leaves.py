"""HTTP endpoints of Leaf: parse the request, call one service method, wrap the result."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from zoo.api.deps import SessionDep, get_current_user
from zoo.schemas.envelope import CursorPage, Envelope, error_responses
from zoo.schemas.LeafSchema import LeafCreate, LeafListParams, LeafResponse, LeafUpdate
from zoo.services.LeafService import LeafService

router = APIRouter(prefix="/leaves", tags=["leaves"])


async def get_leaf_service(session: SessionDep) -> LeafService:
    """Provide a LeafService bound to the request's session."""
    return LeafService(session)


LeafServiceDep = Annotated[LeafService, Depends(get_leaf_service)]
LeafId = Annotated[int, Path(ge=1, le=2147483647)]


@router.get(
    "",
    summary="List leaves",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 422),
)
async def list_leaves(
    service: LeafServiceDep, params: Annotated[LeafListParams, Query()]
) -> Envelope[CursorPage[LeafResponse]]:
    """A page of leaves; pass `next_cursor` back as `cursor` for the next one."""
    return Envelope(code=200, data=await service.list_page(params), message="OK")


@router.post(
    "",
    status_code=201,
    summary="Create a Leaf",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 409, 422),
)
async def create_leaf(payload: LeafCreate, service: LeafServiceDep) -> Envelope[LeafResponse]:
    """Create a Leaf."""
    return Envelope(code=201, data=await service.create(payload), message="Created")


@router.get(
    "/{leaf_id}",
    summary="Get a Leaf",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 422),
)
async def get_leaf(leaf_id: LeafId, service: LeafServiceDep) -> Envelope[LeafResponse]:
    """The Leaf with this id."""
    return Envelope(code=200, data=await service.get(leaf_id), message="OK")


@router.patch(
    "/{leaf_id}",
    summary="Update a Leaf",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def update_leaf(
    leaf_id: LeafId, payload: LeafUpdate, service: LeafServiceDep
) -> Envelope[LeafResponse]:
    """Change the fields sent; the others keep their values."""
    return Envelope(code=200, data=await service.update(leaf_id, payload), message="OK")


@router.delete(
    "/{leaf_id}",
    summary="Delete a Leaf",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def delete_leaf(leaf_id: LeafId, service: LeafServiceDep) -> Envelope[None]:
    """Delete the Leaf."""
    await service.delete(leaf_id)
    return Envelope(code=200, data=None, message="Deleted")
