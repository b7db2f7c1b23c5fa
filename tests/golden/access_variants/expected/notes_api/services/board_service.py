"""Business rules of Board: checks beyond the schema, and the unit of work."""

from sqlalchemy.ext.asyncio import AsyncSession

from notes_api.core.cache import invalidate
from notes_api.core.errors import NotFoundError
from notes_api.models.board import Board
from notes_api.repositories.board_repository import BoardRepository
from notes_api.schemas.board_schema import BoardCreate, BoardListParams, BoardResponse, BoardUpdate
from notes_api.schemas.envelope import CursorPage


class BoardService:
    """Use cases of Board; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession) -> None:
        self._boards = BoardRepository(session)

    async def list_page(self, params: BoardListParams) -> CursorPage[BoardResponse]:
        """One page of boards."""
        rows, next_cursor = await self._boards.list_page(params)
        items = [BoardResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, board_id: int) -> BoardResponse:
        """The Board with this id; NotFoundError if there is none."""
        return BoardResponse.model_validate(await self._get(board_id))

    async def create(self, payload: BoardCreate) -> BoardResponse:
        """Create a Board and commit it."""
        values = payload.model_dump()
        board = await self._boards.add(values)
        await self._boards.commit()
        return BoardResponse.model_validate(board)

    async def update(self, board_id: int, payload: BoardUpdate) -> BoardResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        board = await self._get(board_id)
        values = payload.model_dump(exclude_unset=True)
        board = await self._boards.update(board, values)
        await self._boards.commit()
        return BoardResponse.model_validate(board)

    async def delete(self, board_id: int) -> None:
        """Delete the Board and commit; NotFoundError if there is none."""
        board = await self._get(board_id)
        await self._boards.delete(board)
        await self._boards.commit()
        await invalidate("Note")

    async def _get(self, board_id: int) -> Board:
        board = await self._boards.get(board_id)
        if board is None:
            raise NotFoundError.for_entity("Board", board_id)
        return board
