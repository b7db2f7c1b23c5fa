"""Data access for Data: the only code that touches the session for it."""

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from zoo.core.errors import ConflictError
from zoo.models.Data import Data
from zoo.repositories.pagination import decode_cursor, encode_cursor, keyset_after
from zoo.schemas.DataSchema import DataListParams

_SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "hash": Data.hash,
    "status": Data.status,
    "id": Data.id,
}
_SORT_TYPES: dict[str, type[object]] = {
    "hash": str,
    "status": str,
    "id": int,
}
# What a caller is told when a write breaks a constraint, or a delete one a reference.
_CONFLICT = "A Data with the same hash exists"
_IN_USE = "Data {} is still referenced by other rows"


class DataRepository:
    """Reads and writes Data rows; turns constraint violations into domain errors."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, data_id: int) -> Data | None:
        """The Data with this id, or None."""
        stmt = sa.select(Data).where(Data.id == data_id)
        return await self._session.scalar(stmt)

    async def exists(self, data_id: int) -> bool:
        """Whether a Data with this id exists."""
        stmt = sa.select(Data.id).where(Data.id == data_id)
        return await self._session.scalar(stmt) is not None

    async def list_page(self, params: DataListParams) -> tuple[Sequence[Data], str | None]:
        """One page of data in the requested order, and the next page's cursor."""
        stmt = sa.select(Data)
        if params.format is not None:
            stmt = stmt.where(Data.format == params.format)
        if params.property is not None:
            stmt = stmt.where(Data.property == params.property)
        if params.series_id is not None:
            stmt = stmt.where(Data.series_id == params.series_id)
        key = params.sort.removeprefix("-")
        descending = params.sort.startswith("-")
        columns = (_SORT_COLUMNS[key], Data.id)
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

    async def add(self, values: Mapping[str, Any]) -> Data:
        """Insert a new Data (not committed) and read back what the database stored."""
        data = Data(**values)
        self._session.add(data)
        await self._flush(_CONFLICT)
        await self._session.refresh(data)
        return data

    async def update(self, data: Data, values: Mapping[str, Any]) -> Data:
        """Change the given columns of a Data (not committed); read back the result."""
        for name, value in values.items():
            setattr(data, name, value)
        await self._flush(_CONFLICT)
        await self._session.refresh(data)
        return data

    async def delete(self, data: Data) -> None:
        """Delete a Data (not committed)."""
        await self._session.delete(data)
        await self._flush(_IN_USE.format(data.id))

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
