"""Data access for Sample: the only code that touches the session for it."""

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from app.core.errors import ConflictError
from app.models.Sample import Sample
from app.repositories.pagination import decode_cursor, encode_cursor, keyset_after
from app.schemas.SampleSchema import SampleListParams

_SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "seen_at": Sample.seen_at,
    "title": Sample.title,
    "count": Sample.count,
    "id": Sample.id,
}
_SORT_TYPES: dict[str, type[object]] = {
    "seen_at": dt.datetime,
    "title": str,
    "count": int,
    "id": int,
}
# What a caller is told when a write breaks a constraint, or a delete one a reference.
_CONFLICT = "A Sample with the same title, code or token exists"
_IN_USE = "Sample {} is still referenced by other rows"


class SampleRepository:
    """Reads and writes Sample rows; turns constraint violations into domain errors."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, sample_id: int) -> Sample | None:
        """The Sample with this id, or None."""
        stmt = sa.select(Sample).where(Sample.id == sample_id)
        return await self._session.scalar(stmt)

    async def exists(self, sample_id: int) -> bool:
        """Whether a Sample with this id exists."""
        stmt = sa.select(Sample.id).where(Sample.id == sample_id)
        return await self._session.scalar(stmt) is not None

    async def list_page(self, params: SampleListParams) -> tuple[Sequence[Sample], str | None]:
        """One page of samples in the requested order, and the next page's cursor."""
        stmt = sa.select(Sample)
        if params.kind is not None:
            stmt = stmt.where(Sample.kind == params.kind)
        if params.active is not None:
            stmt = stmt.where(Sample.active == params.active)
        if params.email is not None:
            stmt = stmt.where(Sample.email == params.email)
        key = params.sort.removeprefix("-")
        descending = params.sort.startswith("-")
        columns = (_SORT_COLUMNS[key], Sample.id)
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

    async def add(self, values: Mapping[str, Any]) -> Sample:
        """Insert a new Sample (not committed) and read back what the database stored."""
        sample = Sample(**values)
        self._session.add(sample)
        await self._flush(_CONFLICT)
        await self._session.refresh(sample)
        return sample

    async def update(self, sample: Sample, values: Mapping[str, Any]) -> Sample:
        """Change the given columns of a Sample (not committed); read back the result."""
        for name, value in values.items():
            setattr(sample, name, value)
        await self._flush(_CONFLICT)
        await self._session.refresh(sample)
        return sample

    async def delete(self, sample: Sample) -> None:
        """Delete a Sample (not committed)."""
        await self._session.delete(sample)
        await self._flush(_IN_USE.format(sample.id))

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
