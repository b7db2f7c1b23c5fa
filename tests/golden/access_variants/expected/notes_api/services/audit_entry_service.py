"""Business rules of AuditEntry: checks beyond the schema, and the unit of work."""

from sqlalchemy.ext.asyncio import AsyncSession

from notes_api.core.errors import NotFoundError
from notes_api.models.audit_entry import AuditEntry
from notes_api.repositories.audit_entry_repository import AuditEntryRepository
from notes_api.schemas.audit_entry_schema import (
    AuditEntryCreate,
    AuditEntryListParams,
    AuditEntryResponse,
    AuditEntryUpdate,
)
from notes_api.schemas.envelope import CursorPage


class AuditEntryService:
    """Use cases of AuditEntry; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession) -> None:
        self._audit_entries = AuditEntryRepository(session)

    async def list_page(self, params: AuditEntryListParams) -> CursorPage[AuditEntryResponse]:
        """One page of audit entries."""
        rows, next_cursor = await self._audit_entries.list_page(params)
        items = [AuditEntryResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, audit_entry_id: int) -> AuditEntryResponse:
        """The AuditEntry with this id; NotFoundError if there is none."""
        return AuditEntryResponse.model_validate(await self._get(audit_entry_id))

    async def create(self, payload: AuditEntryCreate) -> AuditEntryResponse:
        """Create an AuditEntry and commit it."""
        values = payload.model_dump()
        audit_entry = await self._audit_entries.add(values)
        await self._audit_entries.commit()
        return AuditEntryResponse.model_validate(audit_entry)

    async def update(self, audit_entry_id: int, payload: AuditEntryUpdate) -> AuditEntryResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        audit_entry = await self._get(audit_entry_id)
        values = payload.model_dump(exclude_unset=True)
        audit_entry = await self._audit_entries.update(audit_entry, values)
        await self._audit_entries.commit()
        return AuditEntryResponse.model_validate(audit_entry)

    async def delete(self, audit_entry_id: int) -> None:
        """Delete the AuditEntry and commit; NotFoundError if there is none."""
        audit_entry = await self._get(audit_entry_id)
        await self._audit_entries.delete(audit_entry)
        await self._audit_entries.commit()

    async def _get(self, audit_entry_id: int) -> AuditEntry:
        audit_entry = await self._audit_entries.get(audit_entry_id)
        if audit_entry is None:
            raise NotFoundError.for_entity("AuditEntry", audit_entry_id)
        return audit_entry
