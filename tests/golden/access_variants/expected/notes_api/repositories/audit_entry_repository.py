"""Data access for AuditEntry: the only code that touches the session for it."""

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from notes_api.core.errors import ConflictError
from notes_api.models.audit_entry import AuditEntry
from notes_api.repositories.pagination import decode_cursor, encode_cursor, keyset_after
from notes_api.schemas.audit_entry_schema import AuditEntryListParams

_SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "id": AuditEntry.id,
}
_SORT_TYPES: dict[str, type[object]] = {
    "id": int,
}
# What a caller is told when a write breaks a constraint, or a delete one a reference.
_CONFLICT = "An AuditEntry conflicts with existing data"
_IN_USE = "AuditEntry {} is still referenced by other rows"


class AuditEntryRepository:
    """Reads and writes AuditEntry rows; turns constraint violations into domain errors."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, audit_entry_id: int) -> AuditEntry | None:
        """The AuditEntry with this id, or None."""
        stmt = sa.select(AuditEntry).where(AuditEntry.id == audit_entry_id)
        return await self._session.scalar(stmt)

    async def exists(self, audit_entry_id: int) -> bool:
        """Whether a AuditEntry with this id exists."""
        stmt = sa.select(AuditEntry.id).where(AuditEntry.id == audit_entry_id)
        return await self._session.scalar(stmt) is not None

    async def list_page(
        self, params: AuditEntryListParams
    ) -> tuple[Sequence[AuditEntry], str | None]:
        """One page of audit entries in the requested order, and the next page's cursor."""
        stmt = sa.select(AuditEntry)
        key = params.sort.removeprefix("-")
        descending = params.sort.startswith("-")
        columns = (_SORT_COLUMNS[key], AuditEntry.id)
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

    async def add(self, values: Mapping[str, Any]) -> AuditEntry:
        """Insert a new AuditEntry (not committed) and read back what the database stored."""
        audit_entry = AuditEntry(**values)
        self._session.add(audit_entry)
        await self._flush(_CONFLICT)
        await self._session.refresh(audit_entry)
        return audit_entry

    async def update(self, audit_entry: AuditEntry, values: Mapping[str, Any]) -> AuditEntry:
        """Change the given columns of a AuditEntry (not committed); read back the result."""
        for name, value in values.items():
            setattr(audit_entry, name, value)
        await self._flush(_CONFLICT)
        await self._session.refresh(audit_entry)
        return audit_entry

    async def delete(self, audit_entry: AuditEntry) -> None:
        """Delete a AuditEntry (not committed)."""
        await self._session.delete(audit_entry)
        await self._flush(_IN_USE.format(audit_entry.id))

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
