"""Data access for Post: the only code that touches the session for it."""

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from blog.core.errors import ConflictError
from blog.models.post import Post
from blog.repositories.pagination import decode_cursor, encode_cursor, keyset_after
from blog.schemas.post_schema import PostListParams

_SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "created_at": Post.created_at,
    "title": Post.title,
    "id": Post.id,
}
_SORT_TYPES: dict[str, type[object]] = {
    "created_at": dt.datetime,
    "title": str,
    "id": UUID,
}
# What a caller is told when a write breaks a constraint, or a delete one a reference.
_CONFLICT = "A Post with the same slug exists"
_IN_USE = "Post {} is still referenced by other rows"


class PostRepository:
    """Reads and writes Post rows; turns constraint violations into domain errors."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, post_id: UUID) -> Post | None:
        """The Post with this id, or None."""
        stmt = sa.select(Post).where(Post.id == post_id).where(Post.deleted_at.is_(None))
        return await self._session.scalar(stmt)

    async def exists(self, post_id: UUID) -> bool:
        """Whether a Post with this id exists."""
        stmt = sa.select(Post.id).where(Post.id == post_id).where(Post.deleted_at.is_(None))
        return await self._session.scalar(stmt) is not None

    async def list_page(self, params: PostListParams) -> tuple[Sequence[Post], str | None]:
        """One page of posts in the requested order, and the next page's cursor."""
        stmt = sa.select(Post).where(Post.deleted_at.is_(None))
        if params.status is not None:
            stmt = stmt.where(Post.status == params.status)
        if params.author_id is not None:
            stmt = stmt.where(Post.author_id == params.author_id)
        if params.featured is not None:
            stmt = stmt.where(Post.featured == params.featured)
        key = params.sort.removeprefix("-")
        descending = params.sort.startswith("-")
        columns = (_SORT_COLUMNS[key], Post.id)
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

    async def add(self, values: Mapping[str, Any]) -> Post:
        """Insert a new Post (not committed) and read back what the database stored."""
        post = Post(**values)
        self._session.add(post)
        await self._flush(_CONFLICT)
        await self._session.refresh(post)
        return post

    async def update(self, post: Post, values: Mapping[str, Any]) -> Post:
        """Change the given columns of a Post (not committed); read back the result."""
        for name, value in values.items():
            setattr(post, name, value)
        await self._flush(_CONFLICT)
        await self._session.refresh(post)
        return post

    async def delete(self, post: Post) -> None:
        """Delete a Post (not committed)."""
        post.deleted_at = dt.datetime.now(dt.UTC)
        await self._flush(_IN_USE.format(post.id))

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
