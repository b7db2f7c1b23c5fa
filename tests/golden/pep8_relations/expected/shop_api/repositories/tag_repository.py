"""Data access for Tag: the only code that touches the session for it."""

from collections.abc import Collection, Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from shop_api.core.errors import ConflictError
from shop_api.models.tag import Tag
from shop_api.repositories.pagination import decode_cursor, encode_cursor, keyset_after
from shop_api.schemas.tag_schema import TagListParams

_SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "id": Tag.id,
}
_SORT_TYPES: dict[str, type[object]] = {
    "id": int,
}
# What a caller is told when a write breaks a constraint, or a delete one a reference.
_CONFLICT = "A Tag with the same label exists"
_IN_USE = "Tag {} is still referenced by other rows"


class TagRepository:
    """Reads and writes Tag rows; turns constraint violations into domain errors."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, tag_id: int) -> Tag | None:
        """The Tag with this id, or None."""
        stmt = sa.select(Tag).where(Tag.id == tag_id)
        return await self._session.scalar(stmt)

    async def exists(self, tag_id: int) -> bool:
        """Whether a Tag with this id exists."""
        stmt = sa.select(Tag.id).where(Tag.id == tag_id)
        return await self._session.scalar(stmt) is not None

    async def get_many(self, ids: Collection[int]) -> Sequence[Tag]:
        """The tags among these ids (ids that name none are left out)."""
        stmt = sa.select(Tag).where(Tag.id.in_(ids))
        return (await self._session.scalars(stmt)).all()

    async def list_page(self, params: TagListParams) -> tuple[Sequence[Tag], str | None]:
        """One page of tags in the requested order, and the next page's cursor."""
        stmt = sa.select(Tag)
        key = params.sort.removeprefix("-")
        descending = params.sort.startswith("-")
        columns = (_SORT_COLUMNS[key], Tag.id)
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

    async def add(self, values: Mapping[str, Any]) -> Tag:
        """Insert a new Tag (not committed) and read back what the database stored."""
        tag = Tag(**values)
        self._session.add(tag)
        await self._flush(_CONFLICT)
        await self._session.refresh(tag)
        return tag

    async def update(self, tag: Tag, values: Mapping[str, Any]) -> Tag:
        """Change the given columns of a Tag (not committed); read back the result."""
        for name, value in values.items():
            setattr(tag, name, value)
        await self._flush(_CONFLICT)
        await self._session.refresh(tag)
        return tag

    async def delete(self, tag: Tag) -> None:
        """Delete a Tag (not committed)."""
        await self._session.delete(tag)
        await self._flush(_IN_USE.format(tag.id))

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
