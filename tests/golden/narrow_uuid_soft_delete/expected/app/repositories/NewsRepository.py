"""Data access for News: the only code that touches the session for it."""

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any
from uuid import UUID

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from app.core.errors import ConflictError
from app.models.News import News
from app.repositories.pagination import decode_cursor, encode_cursor, keyset_after
from app.schemas.NewsSchema import NewsListParams

_SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "id": News.id,
}
_SORT_TYPES: dict[str, type[object]] = {
    "id": UUID,
}
# What a caller is told when a write breaks a constraint, or a delete one a reference.
_CONFLICT = "A News conflicts with existing data"
_IN_USE = "News {} is still referenced by other rows"


class NewsRepository:
    """Reads and writes News rows; turns constraint violations into domain errors."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, news_id: UUID) -> News | None:
        """The News with this id, or None."""
        stmt = sa.select(News).where(News.id == news_id).where(News.deleted_at.is_(None))
        return await self._session.scalar(stmt)

    async def exists(self, news_id: UUID) -> bool:
        """Whether a News with this id exists."""
        stmt = sa.select(News.id).where(News.id == news_id).where(News.deleted_at.is_(None))
        return await self._session.scalar(stmt) is not None

    async def list_page(self, params: NewsListParams) -> tuple[Sequence[News], str | None]:
        """One page of news in the requested order, and the next page's cursor."""
        stmt = sa.select(News).where(News.deleted_at.is_(None))
        key = params.sort.removeprefix("-")
        descending = params.sort.startswith("-")
        columns = (_SORT_COLUMNS[key], News.id)
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

    async def add(self, values: Mapping[str, Any]) -> News:
        """Insert a new News (not committed) and read back what the database stored."""
        news = News(**values)
        self._session.add(news)
        await self._flush(_CONFLICT)
        await self._session.refresh(news)
        return news

    async def update(self, news: News, values: Mapping[str, Any]) -> News:
        """Change the given columns of a News (not committed); read back the result."""
        for name, value in values.items():
            setattr(news, name, value)
        await self._flush(_CONFLICT)
        await self._session.refresh(news)
        return news

    async def delete(self, news: News) -> None:
        """Delete a News (not committed)."""
        news.deleted_at = dt.datetime.now(dt.UTC)
        await self._flush(_IN_USE.format(news.id))

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
