"""Data access for Author: the only code that touches the session for it."""

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from app.core.errors import ConflictError
from app.models.Author import Author
from app.repositories.pagination import decode_cursor, encode_cursor, keyset_after
from app.schemas.AuthorSchema import AuthorListParams

_SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "id": Author.id,
}
_SORT_TYPES: dict[str, type[object]] = {
    "id": int,
}
# What a caller is told when a write breaks a constraint, or a delete one a reference.
_CONFLICT = "An Author with the same name exists"
_IN_USE = "Author {} is still referenced by other rows"


class AuthorRepository:
    """Reads and writes Author rows; turns constraint violations into domain errors."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, author_id: int) -> Author | None:
        """The Author with this id, or None."""
        stmt = sa.select(Author).where(Author.id == author_id)
        return await self._session.scalar(stmt)

    async def exists(self, author_id: int) -> bool:
        """Whether a Author with this id exists."""
        stmt = sa.select(Author.id).where(Author.id == author_id)
        return await self._session.scalar(stmt) is not None

    async def list_page(self, params: AuthorListParams) -> tuple[Sequence[Author], str | None]:
        """One page of authors in the requested order, and the next page's cursor."""
        stmt = sa.select(Author)
        key = params.sort.removeprefix("-")
        descending = params.sort.startswith("-")
        columns = (_SORT_COLUMNS[key], Author.id)
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

    async def add(self, values: Mapping[str, Any]) -> Author:
        """Insert a new Author (not committed) and read back what the database stored."""
        author = Author(**values)
        self._session.add(author)
        await self._flush(_CONFLICT)
        await self._session.refresh(author)
        return author

    async def update(self, author: Author, values: Mapping[str, Any]) -> Author:
        """Change the given columns of a Author (not committed); read back the result."""
        for name, value in values.items():
            setattr(author, name, value)
        await self._flush(_CONFLICT)
        await self._session.refresh(author)
        return author

    async def delete(self, author: Author) -> None:
        """Delete a Author (not committed)."""
        await self._session.delete(author)
        await self._flush(_IN_USE.format(author.id))

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
