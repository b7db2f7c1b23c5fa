"""Data access for Folder: the only code that touches the session for it."""

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from notes_api.core.errors import ConflictError
from notes_api.models.folder import Folder
from notes_api.repositories.pagination import decode_cursor, encode_cursor, keyset_after
from notes_api.schemas.folder_schema import FolderListParams

_SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "id": Folder.id,
}
_SORT_TYPES: dict[str, type[object]] = {
    "id": int,
}
# What a caller is told when a write breaks a constraint, or a delete one a reference.
_CONFLICT = "A Folder conflicts with existing data"
_IN_USE = "Folder {} is still referenced by other rows"


class FolderRepository:
    """Reads and writes one owner's Folder rows; constraint violations become errors.

    Every query filters on `owner_id` and every new row gets it: to this repository, the rows
    of other owners do not exist.
    """

    def __init__(self, session: AsyncSession, *, owner_id: int) -> None:
        self._session = session
        self._owner_id = owner_id

    async def get(self, folder_id: int) -> Folder | None:
        """The Folder with this id, or None."""
        stmt = (
            sa.select(Folder).where(Folder.id == folder_id).where(Folder.owner_id == self._owner_id)
        )
        return await self._session.scalar(stmt)

    async def exists(self, folder_id: int) -> bool:
        """Whether a Folder with this id exists."""
        stmt = (
            sa.select(Folder.id)
            .where(Folder.id == folder_id)
            .where(Folder.owner_id == self._owner_id)
        )
        return await self._session.scalar(stmt) is not None

    async def list_page(self, params: FolderListParams) -> tuple[Sequence[Folder], str | None]:
        """One page of folders in the requested order, and the next page's cursor."""
        stmt = sa.select(Folder).where(Folder.owner_id == self._owner_id)
        key = params.sort.removeprefix("-")
        descending = params.sort.startswith("-")
        columns = (_SORT_COLUMNS[key], Folder.id)
        if params.cursor is not None:
            after = decode_cursor(params.cursor, (_SORT_TYPES[key], int), tag=params.sort)
            stmt = stmt.where(keyset_after(columns, after, descending=descending))
        order = [c.desc() if descending else c.asc() for c in columns]
        rows = (await self._session.scalars(stmt.order_by(*order).limit(params.limit + 1))).all()
        if len(rows) <= params.limit:
            return rows, None
        last = rows[params.limit - 1]
        cursor = encode_cursor((getattr(last, key), last.id), tag=params.sort)
        return rows[: params.limit], cursor

    async def add(self, values: Mapping[str, Any]) -> Folder:
        """Insert a new Folder (not committed) and read back what the database stored."""
        folder = Folder(**values, owner_id=self._owner_id)
        self._session.add(folder)
        await self._flush(_CONFLICT)
        await self._session.refresh(folder)
        return folder

    async def update(self, folder: Folder, values: Mapping[str, Any]) -> Folder:
        """Change the given columns of a Folder (not committed); read back the result."""
        for name, value in values.items():
            setattr(folder, name, value)
        await self._flush(_CONFLICT)
        await self._session.refresh(folder)
        return folder

    async def delete(self, folder: Folder) -> None:
        """Delete a Folder (not committed)."""
        await self._session.delete(folder)
        await self._flush(_IN_USE.format(folder.id))

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
