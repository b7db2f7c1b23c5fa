"""HTTP endpoints of Folder: parse the request, call one service method, wrap the result."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from notes_api.api.deps import CurrentUser, SessionDep
from notes_api.schemas.envelope import CursorPage, Envelope, error_responses
from notes_api.schemas.folder_schema import (
    FolderCreate,
    FolderListParams,
    FolderResponse,
    FolderUpdate,
)
from notes_api.services.folder_service import FolderService

router = APIRouter(prefix="/folders", tags=["folders"])


async def get_folder_service(session: SessionDep, user: CurrentUser) -> FolderService:
    """Provide a FolderService that reads and writes only the caller's rows."""
    return FolderService(session, owner_id=user.id)


FolderServiceDep = Annotated[FolderService, Depends(get_folder_service)]
FolderId = Annotated[int, Path(ge=1, le=2147483647)]


@router.get("", summary="List folders", responses=error_responses(401, 422))
async def list_folders(
    service: FolderServiceDep, params: Annotated[FolderListParams, Query()]
) -> Envelope[CursorPage[FolderResponse]]:
    """A page of folders; pass `next_cursor` back as `cursor` for the next one."""
    return Envelope(code=200, data=await service.list_page(params), message="OK")


@router.post(
    "", status_code=201, summary="Create a Folder", responses=error_responses(401, 409, 422)
)
async def create_folder(
    payload: FolderCreate, service: FolderServiceDep
) -> Envelope[FolderResponse]:
    """Create a Folder."""
    return Envelope(code=201, data=await service.create(payload), message="Created")


@router.get("/{folder_id}", summary="Get a Folder", responses=error_responses(401, 404, 422))
async def get_folder(folder_id: FolderId, service: FolderServiceDep) -> Envelope[FolderResponse]:
    """The Folder with this id."""
    return Envelope(code=200, data=await service.get(folder_id), message="OK")


@router.patch(
    "/{folder_id}", summary="Update a Folder", responses=error_responses(401, 404, 409, 422)
)
async def update_folder(
    folder_id: FolderId, payload: FolderUpdate, service: FolderServiceDep
) -> Envelope[FolderResponse]:
    """Change the fields sent; the others keep their values."""
    return Envelope(code=200, data=await service.update(folder_id, payload), message="OK")


@router.delete(
    "/{folder_id}", summary="Delete a Folder", responses=error_responses(401, 404, 409, 422)
)
async def delete_folder(folder_id: FolderId, service: FolderServiceDep) -> Envelope[None]:
    """Delete the Folder."""
    await service.delete(folder_id)
    return Envelope(code=200, data=None, message="Deleted")
