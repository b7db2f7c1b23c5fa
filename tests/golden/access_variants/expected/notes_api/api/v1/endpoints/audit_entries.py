"""HTTP endpoints of AuditEntry: parse the request, call one service method, wrap the result."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from notes_api.api.deps import SessionDep, get_current_admin
from notes_api.schemas.audit_entry_schema import AuditEntryListParams, AuditEntryResponse
from notes_api.schemas.envelope import CursorPage, Envelope, error_responses
from notes_api.services.audit_entry_service import AuditEntryService

router = APIRouter(prefix="/audit-entries", tags=["audit-entries"])


async def get_audit_entry_service(session: SessionDep) -> AuditEntryService:
    """Provide a AuditEntryService bound to the request's session."""
    return AuditEntryService(session)


AuditEntryServiceDep = Annotated[AuditEntryService, Depends(get_audit_entry_service)]
AuditEntryId = Annotated[int, Path(ge=1, le=2147483647)]


@router.get(
    "",
    summary="List audit entries",
    dependencies=[Depends(get_current_admin)],
    responses=error_responses(401, 403, 422),
)
async def list_audit_entries(
    service: AuditEntryServiceDep, params: Annotated[AuditEntryListParams, Query()]
) -> Envelope[CursorPage[AuditEntryResponse]]:
    """A page of audit entries; pass `next_cursor` back as `cursor` for the next one."""
    return Envelope(code=200, data=await service.list_page(params), message="OK")


@router.get(
    "/{audit_entry_id}",
    summary="Get an AuditEntry",
    dependencies=[Depends(get_current_admin)],
    responses=error_responses(401, 403, 404, 422),
)
async def get_audit_entry(
    audit_entry_id: AuditEntryId, service: AuditEntryServiceDep
) -> Envelope[AuditEntryResponse]:
    """The AuditEntry with this id."""
    return Envelope(code=200, data=await service.get(audit_entry_id), message="OK")
