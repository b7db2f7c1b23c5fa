"""HTTP endpoints of Comment: parse the request, call one service method, wrap the result."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from blog.api.deps import SessionDep, get_current_user
from blog.schemas.comment_schema import (
    CommentCreate,
    CommentListParams,
    CommentResponse,
    CommentUpdate,
)
from blog.schemas.envelope import CursorPage, Envelope, error_responses
from blog.services.comment_service import CommentService

router = APIRouter(prefix="/comments", tags=["comments"])


async def get_comment_service(session: SessionDep) -> CommentService:
    """Provide a CommentService bound to the request's session."""
    return CommentService(session)


CommentServiceDep = Annotated[CommentService, Depends(get_comment_service)]
CommentId = Annotated[int, Path(ge=1, le=2147483647)]


@router.get(
    "",
    summary="List comments",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 422),
)
async def list_comments(
    service: CommentServiceDep, params: Annotated[CommentListParams, Query()]
) -> Envelope[CursorPage[CommentResponse]]:
    """A page of comments; pass `next_cursor` back as `cursor` for the next one."""
    return Envelope(code=200, data=await service.list_page(params), message="OK")


@router.post(
    "",
    status_code=201,
    summary="Create a Comment",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 409, 422),
)
async def create_comment(
    payload: CommentCreate, service: CommentServiceDep
) -> Envelope[CommentResponse]:
    """Create a Comment."""
    return Envelope(code=201, data=await service.create(payload), message="Created")


@router.get(
    "/{comment_id}",
    summary="Get a Comment",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 422),
)
async def get_comment(
    comment_id: CommentId, service: CommentServiceDep
) -> Envelope[CommentResponse]:
    """The Comment with this id."""
    return Envelope(code=200, data=await service.get(comment_id), message="OK")


@router.patch(
    "/{comment_id}",
    summary="Update a Comment",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def update_comment(
    comment_id: CommentId, payload: CommentUpdate, service: CommentServiceDep
) -> Envelope[CommentResponse]:
    """Change the fields sent; the others keep their values."""
    return Envelope(code=200, data=await service.update(comment_id, payload), message="OK")


@router.delete(
    "/{comment_id}",
    summary="Delete a Comment",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def delete_comment(comment_id: CommentId, service: CommentServiceDep) -> Envelope[None]:
    """Delete the Comment."""
    await service.delete(comment_id)
    return Envelope(code=200, data=None, message="Deleted")
