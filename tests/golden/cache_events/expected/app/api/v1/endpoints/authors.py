"""HTTP endpoints of Author: parse the request, call one service method, wrap the result."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from app.api.deps import SessionDep, get_current_user
from app.schemas.AuthorSchema import AuthorCreate, AuthorListParams, AuthorResponse, AuthorUpdate
from app.schemas.envelope import CursorPage, Envelope, error_responses
from app.services.AuthorService import AuthorService

router = APIRouter(prefix="/authors", tags=["authors"])


async def get_author_service(session: SessionDep) -> AuthorService:
    """Provide a AuthorService bound to the request's session."""
    return AuthorService(session)


AuthorServiceDep = Annotated[AuthorService, Depends(get_author_service)]
AuthorId = Annotated[int, Path(ge=1, le=2147483647)]


@router.get(
    "",
    summary="List authors",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 422),
)
async def list_authors(
    service: AuthorServiceDep, params: Annotated[AuthorListParams, Query()]
) -> Envelope[CursorPage[AuthorResponse]]:
    """A page of authors; pass `next_cursor` back as `cursor` for the next one."""
    return Envelope(code=200, data=await service.list_page(params), message="OK")


@router.post(
    "",
    status_code=201,
    summary="Create an Author",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 409, 422),
)
async def create_author(
    payload: AuthorCreate, service: AuthorServiceDep
) -> Envelope[AuthorResponse]:
    """Create an Author."""
    return Envelope(code=201, data=await service.create(payload), message="Created")


@router.get(
    "/{author_id}",
    summary="Get an Author",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 422),
)
async def get_author(author_id: AuthorId, service: AuthorServiceDep) -> Envelope[AuthorResponse]:
    """The Author with this id."""
    return Envelope(code=200, data=await service.get(author_id), message="OK")


@router.patch(
    "/{author_id}",
    summary="Update an Author",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def update_author(
    author_id: AuthorId, payload: AuthorUpdate, service: AuthorServiceDep
) -> Envelope[AuthorResponse]:
    """Change the fields sent; the others keep their values."""
    return Envelope(code=200, data=await service.update(author_id, payload), message="OK")


@router.delete(
    "/{author_id}",
    summary="Delete an Author",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def delete_author(author_id: AuthorId, service: AuthorServiceDep) -> Envelope[None]:
    """Delete the Author."""
    await service.delete(author_id)
    return Envelope(code=200, data=None, message="Deleted")
