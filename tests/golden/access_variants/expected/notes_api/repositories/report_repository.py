"""Data access for Report: the only code that touches the session for it."""

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from notes_api.core.errors import ConflictError
from notes_api.models.report import Report
from notes_api.repositories.pagination import decode_cursor, encode_cursor, keyset_after
from notes_api.schemas.report_schema import ReportListParams

_SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "id": Report.id,
}
_SORT_TYPES: dict[str, type[object]] = {
    "id": int,
}
# What a caller is told when a write breaks a constraint, or a delete one a reference.
_CONFLICT = "A Report conflicts with existing data"
_IN_USE = "Report {} is still referenced by other rows"


class ReportRepository:
    """Reads and writes Report rows; turns constraint violations into domain errors."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, report_id: int) -> Report | None:
        """The Report with this id, or None."""
        stmt = sa.select(Report).where(Report.id == report_id)
        return await self._session.scalar(stmt)

    async def exists(self, report_id: int) -> bool:
        """Whether a Report with this id exists."""
        stmt = sa.select(Report.id).where(Report.id == report_id)
        return await self._session.scalar(stmt) is not None

    async def list_page(self, params: ReportListParams) -> tuple[Sequence[Report], str | None]:
        """One page of reports in the requested order, and the next page's cursor."""
        stmt = sa.select(Report)
        key = params.sort.removeprefix("-")
        descending = params.sort.startswith("-")
        columns = (_SORT_COLUMNS[key], Report.id)
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

    async def add(self, values: Mapping[str, Any]) -> Report:
        """Insert a new Report (not committed) and read back what the database stored."""
        report = Report(**values)
        self._session.add(report)
        await self._flush(_CONFLICT)
        await self._session.refresh(report)
        return report

    async def update(self, report: Report, values: Mapping[str, Any]) -> Report:
        """Change the given columns of a Report (not committed); read back the result."""
        for name, value in values.items():
            setattr(report, name, value)
        await self._flush(_CONFLICT)
        await self._session.refresh(report)
        return report

    async def delete(self, report: Report) -> None:
        """Delete a Report (not committed)."""
        await self._session.delete(report)
        await self._flush(_IN_USE.format(report.id))

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
