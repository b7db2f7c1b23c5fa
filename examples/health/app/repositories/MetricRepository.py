"""Data access for Metric: the only code that touches the session for it."""

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from app.core.errors import ConflictError
from app.models.Metric import Metric
from app.repositories.pagination import decode_cursor, encode_cursor, keyset_after
from app.schemas.MetricSchema import MetricListParams

_SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "name": Metric.name,
    "id": Metric.id,
}
_SORT_TYPES: dict[str, type[object]] = {
    "name": str,
    "id": int,
}
# What a caller is told when a write breaks a constraint, or a delete one a reference.
_CONFLICT = "A Metric with the same name exists"
_IN_USE = "Metric {} is still referenced by other rows"


class MetricRepository:
    """Reads and writes Metric rows; turns constraint violations into domain errors."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, metric_id: int) -> Metric | None:
        """The Metric with this id, or None."""
        stmt = sa.select(Metric).where(Metric.id == metric_id)
        return await self._session.scalar(stmt)

    async def exists(self, metric_id: int) -> bool:
        """Whether a Metric with this id exists."""
        stmt = sa.select(Metric.id).where(Metric.id == metric_id)
        return await self._session.scalar(stmt) is not None

    async def list_page(self, params: MetricListParams) -> tuple[Sequence[Metric], str | None]:
        """One page of metrics in the requested order, and the next page's cursor."""
        stmt = sa.select(Metric)
        key = params.sort.removeprefix("-")
        descending = params.sort.startswith("-")
        columns = (_SORT_COLUMNS[key], Metric.id)
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

    async def add(self, values: Mapping[str, Any]) -> Metric:
        """Insert a new Metric (not committed) and read back what the database stored."""
        metric = Metric(**values)
        self._session.add(metric)
        await self._flush(_CONFLICT)
        await self._session.refresh(metric)
        return metric

    async def update(self, metric: Metric, values: Mapping[str, Any]) -> Metric:
        """Change the given columns of a Metric (not committed); read back the result."""
        for name, value in values.items():
            setattr(metric, name, value)
        await self._flush(_CONFLICT)
        await self._session.refresh(metric)
        return metric

    async def delete(self, metric: Metric) -> None:
        """Delete a Metric (not committed)."""
        await self._session.delete(metric)
        await self._flush(_IN_USE.format(metric.id))

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
