"""HTTP endpoints of Board: parse the request, call one service method, wrap the result."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from notes_api.api.deps import SessionDep
from notes_api.schemas.board_schema import BoardCreate, BoardListParams, BoardResponse, BoardUpdate
from notes_api.schemas.envelope import CursorPage, Envelope, error_responses
from notes_api.services.board_service import BoardService

router = APIRouter(prefix="/boards", tags=["boards"])


async def get_board_service(session: SessionDep) -> BoardService:
    """Provide a BoardService bound to the request's session."""
    return BoardService(session)


BoardServiceDep = Annotated[BoardService, Depends(get_board_service)]
BoardId = Annotated[int, Path(ge=1, le=2147483647)]


@router.get("", summary="List boards", responses=error_responses(422))
async def list_boards(
    service: BoardServiceDep, params: Annotated[BoardListParams, Query()]
) -> Envelope[CursorPage[BoardResponse]]:
    """A page of boards; pass `next_cursor` back as `cursor` for the next one."""
    return Envelope(code=200, data=await service.list_page(params), message="OK")


@router.post("", status_code=201, summary="Create a Board", responses=error_responses(409, 422))
async def create_board(payload: BoardCreate, service: BoardServiceDep) -> Envelope[BoardResponse]:
    """Create a Board."""
    return Envelope(code=201, data=await service.create(payload), message="Created")


@router.get("/{board_id}", summary="Get a Board", responses=error_responses(404, 422))
async def get_board(board_id: BoardId, service: BoardServiceDep) -> Envelope[BoardResponse]:
    """The Board with this id."""
    return Envelope(code=200, data=await service.get(board_id), message="OK")


@router.patch("/{board_id}", summary="Update a Board", responses=error_responses(404, 409, 422))
async def update_board(
    board_id: BoardId, payload: BoardUpdate, service: BoardServiceDep
) -> Envelope[BoardResponse]:
    """Change the fields sent; the others keep their values."""
    return Envelope(code=200, data=await service.update(board_id, payload), message="OK")


@router.delete("/{board_id}", summary="Delete a Board", responses=error_responses(404, 409, 422))
async def delete_board(board_id: BoardId, service: BoardServiceDep) -> Envelope[None]:
    """Delete the Board."""
    await service.delete(board_id)
    return Envelope(code=200, data=None, message="Deleted")
