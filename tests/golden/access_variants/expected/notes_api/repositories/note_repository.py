"""Data access for Note: the only code that touches the session for it."""

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from notes_api.core.errors import ConflictError
from notes_api.models.note import Note
from notes_api.repositories.pagination import decode_cursor, encode_cursor, keyset_after
from notes_api.schemas.note_schema import NoteListParams

_SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "id": Note.id,
}
_SORT_TYPES: dict[str, type[object]] = {
    "id": UUID,
}
# What a caller is told when a write breaks a constraint, or a delete one a reference.
_CONFLICT = "A Note conflicts with existing data"
_IN_USE = "Note {} is still referenced by other rows"


class NoteRepository:
    """Reads and writes one owner's Note rows; constraint violations become errors.

    Every query filters on `owner_id` and every new row gets it: to this repository, the rows
    of other owners do not exist.
    """

    def __init__(self, session: AsyncSession, *, owner_id: int) -> None:
        self._session = session
        self._owner_id = owner_id

    async def get(self, note_id: UUID) -> Note | None:
        """The Note with this id, or None."""
        stmt = (
            sa.select(Note)
            .where(Note.id == note_id)
            .where(Note.deleted_at.is_(None))
            .where(Note.owner_id == self._owner_id)
        )
        return await self._session.scalar(stmt)

    async def exists(self, note_id: UUID) -> bool:
        """Whether a Note with this id exists."""
        stmt = (
            sa.select(Note.id)
            .where(Note.id == note_id)
            .where(Note.deleted_at.is_(None))
            .where(Note.owner_id == self._owner_id)
        )
        return await self._session.scalar(stmt) is not None

    async def list_page(self, params: NoteListParams) -> tuple[Sequence[Note], str | None]:
        """One page of notes in the requested order, and the next page's cursor."""
        stmt = (
            sa.select(Note).where(Note.deleted_at.is_(None)).where(Note.owner_id == self._owner_id)
        )
        if params.folder_id is not None:
            stmt = stmt.where(Note.folder_id == params.folder_id)
        key = params.sort.removeprefix("-")
        descending = params.sort.startswith("-")
        columns = (_SORT_COLUMNS[key], Note.id)
        if params.cursor is not None:
            after = decode_cursor(params.cursor, (_SORT_TYPES[key], UUID), tag=params.sort)
            stmt = stmt.where(keyset_after(columns, after, descending=descending))
        order = [c.desc() if descending else c.asc() for c in columns]
        rows = (await self._session.scalars(stmt.order_by(*order).limit(params.limit + 1))).all()
        if len(rows) <= params.limit:
            return rows, None
        last = rows[params.limit - 1]
        cursor = encode_cursor((getattr(last, key), last.id), tag=params.sort)
        return rows[: params.limit], cursor

    async def add(self, values: Mapping[str, Any]) -> Note:
        """Insert a new Note (not committed) and read back what the database stored."""
        note = Note(**values, owner_id=self._owner_id)
        self._session.add(note)
        await self._flush(_CONFLICT)
        await self._session.refresh(note)
        return note

    async def update(self, note: Note, values: Mapping[str, Any]) -> Note:
        """Change the given columns of a Note (not committed); read back the result."""
        for name, value in values.items():
            setattr(note, name, value)
        await self._flush(_CONFLICT)
        await self._session.refresh(note)
        return note

    async def delete(self, note: Note) -> None:
        """Delete a Note (not committed)."""
        note.deleted_at = dt.datetime.now(dt.UTC)
        await self._flush(_IN_USE.format(note.id))

    async def commit(self) -> None:
        """Commit the unit of work."""
        try:
            await self._session.commit()
        except IntegrityError as exc:
            await self._session.rollback()
            raise ConflictError(_CONFLICT) from exc

    async def _flush(self, conflict_message: str) -> None:
        try:
            await self._session.flush()
        except IntegrityError as exc:
            await self._session.rollback()
            raise ConflictError(conflict_message) from exc
