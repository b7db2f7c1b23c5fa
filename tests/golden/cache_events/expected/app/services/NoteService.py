"""Business rules of Note: checks beyond the schema, and the unit of work."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.cache import ReadCache
from app.core.errors import InvalidReferenceError, NotFoundError
from app.core.worker import enqueue
from app.models.Note import Note
from app.repositories.AuthorRepository import AuthorRepository
from app.repositories.NoteRepository import NoteRepository
from app.schemas.envelope import CursorPage
from app.schemas.NoteSchema import NoteCreate, NoteListParams, NoteResponse, NoteUpdate
from app.tasks.NoteTasks import note_created, note_deleted, note_updated

_cache = ReadCache("Note", ttl=60)


class NoteService:
    """Use cases of Note; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession) -> None:
        self._notes = NoteRepository(session)
        self._authors = AuthorRepository(session)

    async def list_page(self, params: NoteListParams) -> CursorPage[NoteResponse]:
        """One page of notes."""
        return await _cache.read(
            CursorPage[NoteResponse],
            "list",
            params.model_dump_json(),
            lambda: self._list_page(params),
        )

    async def _list_page(self, params: NoteListParams) -> CursorPage[NoteResponse]:
        rows, next_cursor = await self._notes.list_page(params)
        items = [NoteResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, note_id: int) -> NoteResponse:
        """The Note with this id; NotFoundError if there is none."""
        return await _cache.read(NoteResponse, "get", str(note_id), lambda: self._read(note_id))

    async def _read(self, note_id: int) -> NoteResponse:
        return NoteResponse.model_validate(await self._get(note_id))

    async def create(self, payload: NoteCreate) -> NoteResponse:
        """Create a Note and commit it."""
        values = payload.model_dump()
        await self._check_author(values["author_id"])
        note = await self._notes.add(values)
        await self._notes.commit()
        await _cache.invalidate()
        await enqueue(note_created, note.id)
        return NoteResponse.model_validate(note)

    async def update(self, note_id: int, payload: NoteUpdate) -> NoteResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        note = await self._get(note_id)
        values = payload.model_dump(exclude_unset=True)
        await self._check_author(values.get("author_id"))
        note = await self._notes.update(note, values)
        await self._notes.commit()
        await _cache.invalidate()
        await enqueue(note_updated, note.id)
        return NoteResponse.model_validate(note)

    async def delete(self, note_id: int) -> None:
        """Delete the Note and commit; NotFoundError if there is none."""
        note = await self._get(note_id)
        await self._notes.delete(note)
        await self._notes.commit()
        await _cache.invalidate()
        await enqueue(note_deleted, note_id)

    async def _get(self, note_id: int) -> Note:
        note = await self._notes.get(note_id)
        if note is None:
            raise NotFoundError.for_entity("Note", note_id)
        return note

    async def _check_author(self, author_id: int | None) -> None:
        """Refuse an author_id that names no Author."""
        if author_id is not None and not await self._authors.exists(author_id):
            raise InvalidReferenceError(f"author_id: Author {author_id} does not exist")
