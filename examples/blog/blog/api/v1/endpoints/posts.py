"""HTTP endpoints of Post: parse the request, call one service method, wrap the result."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Query

from blog.api.deps import SessionDep, get_current_user
from blog.schemas.envelope import CursorPage, Envelope, error_responses
from blog.schemas.post_schema import PostCreate, PostListParams, PostResponse, PostUpdate
from blog.services.post_service import PostService

router = APIRouter(prefix="/posts", tags=["posts"])


async def get_post_service(session: SessionDep) -> PostService:
    """Provide a PostService bound to the request's session."""
    return PostService(session)


PostServiceDep = Annotated[PostService, Depends(get_post_service)]
PostId = Annotated[UUID, Path()]


@router.get(
    "",
    summary="List posts",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 422),
)
async def list_posts(
    service: PostServiceDep, params: Annotated[PostListParams, Query()]
) -> Envelope[CursorPage[PostResponse]]:
    """A page of posts; pass `next_cursor` back as `cursor` for the next one."""
    return Envelope(code=200, data=await service.list_page(params), message="OK")


@router.post(
    "",
    status_code=201,
    summary="Create a Post",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 409, 422),
)
async def create_post(payload: PostCreate, service: PostServiceDep) -> Envelope[PostResponse]:
    """Create a Post."""
    return Envelope(code=201, data=await service.create(payload), message="Created")


@router.get(
    "/{post_id}",
    summary="Get a Post",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 422),
)
async def get_post(post_id: PostId, service: PostServiceDep) -> Envelope[PostResponse]:
    """The Post with this id."""
    return Envelope(code=200, data=await service.get(post_id), message="OK")


@router.patch(
    "/{post_id}",
    summary="Update a Post",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def update_post(
    post_id: PostId, payload: PostUpdate, service: PostServiceDep
) -> Envelope[PostResponse]:
    """Change the fields sent; the others keep their values."""
    return Envelope(code=200, data=await service.update(post_id, payload), message="OK")


@router.delete(
    "/{post_id}",
    summary="Delete a Post",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def delete_post(post_id: PostId, service: PostServiceDep) -> Envelope[None]:
    """Delete the Post."""
    await service.delete(post_id)
    return Envelope(code=200, data=None, message="Deleted")
