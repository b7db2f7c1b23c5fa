"""Data access for Comment: the only code that touches the session for it."""

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from blog.core.errors import ConflictError
from blog.models.comment import Comment
from blog.repositories.pagination import decode_cursor, encode_cursor, keyset_after
from blog.schemas.comment_schema import CommentListParams

_SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "id": Comment.id,
}
_SORT_TYPES: dict[str, type[object]] = {
    "id": int,
}
# What a caller is told when a write breaks a constraint, or a delete one a reference.
_CONFLICT = "A Comment conflicts with existing data"
_IN_USE = "Comment {} is still referenced by other rows"


class CommentRepository:
    """Reads and writes Comment rows; turns constraint violations into domain errors."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, comment_id: int) -> Comment | None:
        """The Comment with this id, or None."""
        stmt = sa.select(Comment).where(Comment.id == comment_id)
        return await self._session.scalar(stmt)

    async def exists(self, comment_id: int) -> bool:
        """Whether a Comment with this id exists."""
        stmt = sa.select(Comment.id).where(Comment.id == comment_id)
        return await self._session.scalar(stmt) is not None

    async def list_page(self, params: CommentListParams) -> tuple[Sequence[Comment], str | None]:
        """One page of comments in the requested order, and the next page's cursor."""
        stmt = sa.select(Comment)
        if params.post_id is not None:
            stmt = stmt.where(Comment.post_id == params.post_id)
        if params.approved is not None:
            stmt = stmt.where(Comment.approved == params.approved)
        key = params.sort.removeprefix("-")
        descending = params.sort.startswith("-")
        columns = (_SORT_COLUMNS[key], Comment.id)
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

    async def add(self, values: Mapping[str, Any]) -> Comment:
        """Insert a new Comment (not committed) and read back what the database stored."""
        comment = Comment(**values)
        self._session.add(comment)
        await self._flush(_CONFLICT)
        await self._session.refresh(comment)
        return comment

    async def update(self, comment: Comment, values: Mapping[str, Any]) -> Comment:
        """Change the given columns of a Comment (not committed); read back the result."""
        for name, value in values.items():
            setattr(comment, name, value)
        await self._flush(_CONFLICT)
        await self._session.refresh(comment)
        return comment

    async def delete(self, comment: Comment) -> None:
        """Delete a Comment (not committed)."""
        await self._session.delete(comment)
        await self._flush(_IN_USE.format(comment.id))

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
