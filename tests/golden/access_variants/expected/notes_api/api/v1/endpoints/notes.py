"""HTTP endpoints of Note: parse the request, call one service method, wrap the result."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Query

from notes_api.api.deps import CurrentUser, SessionDep
from notes_api.schemas.envelope import CursorPage, Envelope, error_responses
from notes_api.schemas.note_schema import NoteCreate, NoteListParams, NoteResponse, NoteUpdate
from notes_api.services.note_service import NoteService

router = APIRouter(prefix="/notes", tags=["notes"])


async def get_note_service(session: SessionDep, user: CurrentUser) -> NoteService:
    """Provide a NoteService that reads and writes only the caller's rows."""
    return NoteService(session, owner_id=user.id)


NoteServiceDep = Annotated[NoteService, Depends(get_note_service)]
NoteId = Annotated[UUID, Path()]


@router.get("", summary="List notes", responses=error_responses(401, 422))
async def list_notes(
    service: NoteServiceDep, params: Annotated[NoteListParams, Query()]
) -> Envelope[CursorPage[NoteResponse]]:
    """A page of notes; pass `next_cursor` back as `cursor` for the next one."""
    return Envelope(code=200, data=await service.list_page(params), message="OK")


@router.post("", status_code=201, summary="Create a Note", responses=error_responses(401, 409, 422))
async def create_note(payload: NoteCreate, service: NoteServiceDep) -> Envelope[NoteResponse]:
    """Create a Note."""
    return Envelope(code=201, data=await service.create(payload), message="Created")


@router.get("/{note_id}", summary="Get a Note", responses=error_responses(401, 404, 422))
async def get_note(note_id: NoteId, service: NoteServiceDep) -> Envelope[NoteResponse]:
    """The Note with this id."""
    return Envelope(code=200, data=await service.get(note_id), message="OK")


@router.patch("/{note_id}", summary="Update a Note", responses=error_responses(401, 404, 409, 422))
async def update_note(
    note_id: NoteId, payload: NoteUpdate, service: NoteServiceDep
) -> Envelope[NoteResponse]:
    """Change the fields sent; the others keep their values."""
    return Envelope(code=200, data=await service.update(note_id, payload), message="OK")


@router.delete("/{note_id}", summary="Delete a Note", responses=error_responses(401, 404, 409, 422))
async def delete_note(note_id: NoteId, service: NoteServiceDep) -> Envelope[None]:
    """Delete the Note."""
    await service.delete(note_id)
    return Envelope(code=200, data=None, message="Deleted")
