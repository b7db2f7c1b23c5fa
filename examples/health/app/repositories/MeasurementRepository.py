"""Data access for Measurement: the only code that touches the session for it."""

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from app.core.errors import ConflictError
from app.models.Measurement import Measurement
from app.repositories.pagination import decode_cursor, encode_cursor, keyset_after
from app.schemas.MeasurementSchema import MeasurementListParams

_SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "taken_at": Measurement.taken_at,
    "value": Measurement.value,
    "id": Measurement.id,
}
_SORT_TYPES: dict[str, type[object]] = {
    "taken_at": dt.datetime,
    "value": Decimal,
    "id": int,
}
# What a caller is told when a write breaks a constraint, or a delete one a reference.
_CONFLICT = "A Measurement conflicts with existing data"
_IN_USE = "Measurement {} is still referenced by other rows"


class MeasurementRepository:
    """Reads and writes one owner's Measurement rows; constraint violations become errors.

    Every query filters on `owner_id` and every new row gets it: to this repository, the rows
    of other owners do not exist.
    """

    def __init__(self, session: AsyncSession, *, owner_id: int) -> None:
        self._session = session
        self._owner_id = owner_id

    async def get(self, measurement_id: int) -> Measurement | None:
        """The Measurement with this id, or None."""
        stmt = (
            sa.select(Measurement)
            .where(Measurement.id == measurement_id)
            .where(Measurement.owner_id == self._owner_id)
        )
        return await self._session.scalar(stmt)

    async def exists(self, measurement_id: int) -> bool:
        """Whether a Measurement with this id exists."""
        stmt = (
            sa.select(Measurement.id)
            .where(Measurement.id == measurement_id)
            .where(Measurement.owner_id == self._owner_id)
        )
        return await self._session.scalar(stmt) is not None

    async def list_page(
        self, params: MeasurementListParams
    ) -> tuple[Sequence[Measurement], str | None]:
        """One page of measurements in the requested order, and the next page's cursor."""
        stmt = sa.select(Measurement).where(Measurement.owner_id == self._owner_id)
        if params.metric_id is not None:
            stmt = stmt.where(Measurement.metric_id == params.metric_id)
        if params.goal_id is not None:
            stmt = stmt.where(Measurement.goal_id == params.goal_id)
        key = params.sort.removeprefix("-")
        descending = params.sort.startswith("-")
        columns = (_SORT_COLUMNS[key], Measurement.id)
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

    async def add(self, values: Mapping[str, Any]) -> Measurement:
        """Insert a new Measurement (not committed) and read back what the database stored."""
        measurement = Measurement(**values, owner_id=self._owner_id)
        self._session.add(measurement)
        await self._flush(_CONFLICT)
        await self._session.refresh(measurement)
        return measurement

    async def update(self, measurement: Measurement, values: Mapping[str, Any]) -> Measurement:
        """Change the given columns of a Measurement (not committed); read back the result."""
        for name, value in values.items():
            setattr(measurement, name, value)
        await self._flush(_CONFLICT)
        await self._session.refresh(measurement)
        return measurement

    async def delete(self, measurement: Measurement) -> None:
        """Delete a Measurement (not committed)."""
        await self._session.delete(measurement)
        await self._flush(_IN_USE.format(measurement.id))

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
