"""Business rules of Note: checks beyond the schema, and the unit of work."""

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from notes_api.core.cache import ReadCache
from notes_api.core.errors import InvalidReferenceError, NotFoundError
from notes_api.core.worker import enqueue
from notes_api.models.note import Note
from notes_api.repositories.board_repository import BoardRepository
from notes_api.repositories.folder_repository import FolderRepository
from notes_api.repositories.note_repository import NoteRepository
from notes_api.schemas.envelope import CursorPage
from notes_api.schemas.note_schema import NoteCreate, NoteListParams, NoteResponse, NoteUpdate
from notes_api.tasks.note_tasks import note_created

_cache = ReadCache("Note", ttl=30)


class NoteService:
    """Use cases of Note; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession, *, owner_id: int) -> None:
        self._notes = NoteRepository(session, owner_id=owner_id)
        self._owner_id = owner_id
        self._folders = FolderRepository(session, owner_id=owner_id)
        self._boards = BoardRepository(session)

    async def list_page(self, params: NoteListParams) -> CursorPage[NoteResponse]:
        """One page of notes."""
        return await _cache.read(
            CursorPage[NoteResponse],
            "list",
            params.model_dump_json(),
            lambda: self._list_page(params),
            scope=str(self._owner_id),
        )

    async def _list_page(self, params: NoteListParams) -> CursorPage[NoteResponse]:
        rows, next_cursor = await self._notes.list_page(params)
        items = [NoteResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, note_id: UUID) -> NoteResponse:
        """The Note with this id; NotFoundError if there is none."""
        return await _cache.read(
            NoteResponse,
            "get",
            str(note_id),
            lambda: self._read(note_id),
            scope=str(self._owner_id),
        )

    async def _read(self, note_id: UUID) -> NoteResponse:
        return NoteResponse.model_validate(await self._get(note_id))

    async def create(self, payload: NoteCreate) -> NoteResponse:
        """Create a Note and commit it."""
        values = payload.model_dump()
        await self._check_folder(values["folder_id"])
        await self._check_board(values["board_id"])
        note = await self._notes.add(values)
        await self._notes.commit()
        await _cache.invalidate()
        await enqueue(note_created, note.id)
        return NoteResponse.model_validate(note)

    async def update(self, note_id: UUID, payload: NoteUpdate) -> NoteResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        note = await self._get(note_id)
        values = payload.model_dump(exclude_unset=True)
        await self._check_folder(values.get("folder_id"))
        await self._check_board(values.get("board_id"))
        note = await self._notes.update(note, values)
        await self._notes.commit()
        await _cache.invalidate()
        return NoteResponse.model_validate(note)

    async def delete(self, note_id: UUID) -> None:
        """Delete the Note and commit; NotFoundError if there is none."""
        note = await self._get(note_id)
        await self._notes.delete(note)
        await self._notes.commit()
        await _cache.invalidate()

    async def _get(self, note_id: UUID) -> Note:
        note = await self._notes.get(note_id)
        if note is None:
            raise NotFoundError.for_entity("Note", note_id)
        return note

    async def _check_folder(self, folder_id: int | None) -> None:
        """Refuse a folder_id that names no Folder."""
        if folder_id is not None and not await self._folders.exists(folder_id):
            raise InvalidReferenceError(f"folder_id: Folder {folder_id} does not exist")

    async def _check_board(self, board_id: int | None) -> None:
        """Refuse a board_id that names no Board."""
        if board_id is not None and not await self._boards.exists(board_id):
            raise InvalidReferenceError(f"board_id: Board {board_id} does not exist")
