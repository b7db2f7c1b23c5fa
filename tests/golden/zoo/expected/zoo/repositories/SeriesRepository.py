"""Data access for Series: the only code that touches the session for it."""

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from zoo.core.errors import ConflictError
from zoo.models.Series import Series
from zoo.repositories.pagination import decode_cursor, encode_cursor, keyset_after
from zoo.schemas.SeriesSchema import SeriesListParams

_SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "id": Series.id,
}
_SORT_TYPES: dict[str, type[object]] = {
    "id": int,
}
# What a caller is told when a write breaks a constraint, or a delete one a reference.
_CONFLICT = "A Series conflicts with existing data"
_IN_USE = "Series {} is still referenced by other rows"


class SeriesRepository:
    """Reads and writes Series rows; turns constraint violations into domain errors."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, series_id: int) -> Series | None:
        """The Series with this id, or None."""
        stmt = sa.select(Series).where(Series.id == series_id)
        return await self._session.scalar(stmt)

    async def exists(self, series_id: int) -> bool:
        """Whether a Series with this id exists."""
        stmt = sa.select(Series.id).where(Series.id == series_id)
        return await self._session.scalar(stmt) is not None

    async def list_page(self, params: SeriesListParams) -> tuple[Sequence[Series], str | None]:
        """One page of series in the requested order, and the next page's cursor."""
        stmt = sa.select(Series)
        key = params.sort.removeprefix("-")
        descending = params.sort.startswith("-")
        columns = (_SORT_COLUMNS[key], Series.id)
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

    async def add(self, values: Mapping[str, Any]) -> Series:
        """Insert a new Series (not committed) and read back what the database stored."""
        series = Series(**values)
        self._session.add(series)
        await self._flush(_CONFLICT)
        await self._session.refresh(series)
        return series

    async def update(self, series: Series, values: Mapping[str, Any]) -> Series:
        """Change the given columns of a Series (not committed); read back the result."""
        for name, value in values.items():
            setattr(series, name, value)
        await self._flush(_CONFLICT)
        await self._session.refresh(series)
        return series

    async def delete(self, series: Series) -> None:
        """Delete a Series (not committed)."""
        await self._session.delete(series)
        await self._flush(_IN_USE.format(series.id))

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
