"""HTTP endpoints of Tag: parse the request, call one service method, wrap the result."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from blog.api.deps import SessionDep, get_current_user
from blog.schemas.envelope import CursorPage, Envelope, error_responses
from blog.schemas.tag_schema import TagCreate, TagListParams, TagResponse, TagUpdate
from blog.services.tag_service import TagService

router = APIRouter(prefix="/tags", tags=["tags"])


async def get_tag_service(session: SessionDep) -> TagService:
    """Provide a TagService bound to the request's session."""
    return TagService(session)


TagServiceDep = Annotated[TagService, Depends(get_tag_service)]
TagId = Annotated[int, Path(ge=1, le=2147483647)]


@router.get(
    "",
    summary="List tags",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 422),
)
async def list_tags(
    service: TagServiceDep, params: Annotated[TagListParams, Query()]
) -> Envelope[CursorPage[TagResponse]]:
    """A page of tags; pass `next_cursor` back as `cursor` for the next one."""
    return Envelope(code=200, data=await service.list_page(params), message="OK")


@router.post(
    "",
    status_code=201,
    summary="Create a Tag",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 409, 422),
)
async def create_tag(payload: TagCreate, service: TagServiceDep) -> Envelope[TagResponse]:
    """Create a Tag."""
    return Envelope(code=201, data=await service.create(payload), message="Created")


@router.get(
    "/{tag_id}",
    summary="Get a Tag",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 422),
)
async def get_tag(tag_id: TagId, service: TagServiceDep) -> Envelope[TagResponse]:
    """The Tag with this id."""
    return Envelope(code=200, data=await service.get(tag_id), message="OK")


@router.patch(
    "/{tag_id}",
    summary="Update a Tag",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def update_tag(
    tag_id: TagId, payload: TagUpdate, service: TagServiceDep
) -> Envelope[TagResponse]:
    """Change the fields sent; the others keep their values."""
    return Envelope(code=200, data=await service.update(tag_id, payload), message="OK")


@router.delete(
    "/{tag_id}",
    summary="Delete a Tag",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def delete_tag(tag_id: TagId, service: TagServiceDep) -> Envelope[None]:
    """Delete the Tag."""
    await service.delete(tag_id)
    return Envelope(code=200, data=None, message="Deleted")
