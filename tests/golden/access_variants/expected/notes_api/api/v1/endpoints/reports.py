"""HTTP endpoints of Report: parse the request, call one service method, wrap the result."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from notes_api.api.deps import SessionDep, get_current_admin, get_current_user
from notes_api.schemas.envelope import CursorPage, Envelope, error_responses
from notes_api.schemas.report_schema import ReportCreate, ReportListParams, ReportResponse
from notes_api.services.report_service import ReportService

router = APIRouter(prefix="/reports", tags=["reports"])


async def get_report_service(session: SessionDep) -> ReportService:
    """Provide a ReportService bound to the request's session."""
    return ReportService(session)


ReportServiceDep = Annotated[ReportService, Depends(get_report_service)]
ReportId = Annotated[int, Path(ge=1, le=2147483647)]


@router.get("", summary="List reports", responses=error_responses(422))
async def list_reports(
    service: ReportServiceDep, params: Annotated[ReportListParams, Query()]
) -> Envelope[CursorPage[ReportResponse]]:
    """A page of reports; pass `next_cursor` back as `cursor` for the next one."""
    return Envelope(code=200, data=await service.list_page(params), message="OK")


@router.post(
    "",
    status_code=201,
    summary="Create a Report",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 409, 422),
)
async def create_report(
    payload: ReportCreate, service: ReportServiceDep
) -> Envelope[ReportResponse]:
    """Create a Report."""
    return Envelope(code=201, data=await service.create(payload), message="Created")


@router.get(
    "/{report_id}",
    summary="Get a Report",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 422),
)
async def get_report(report_id: ReportId, service: ReportServiceDep) -> Envelope[ReportResponse]:
    """The Report with this id."""
    return Envelope(code=200, data=await service.get(report_id), message="OK")


@router.delete(
    "/{report_id}",
    summary="Delete a Report",
    dependencies=[Depends(get_current_admin)],
    responses=error_responses(401, 403, 404, 409, 422),
)
async def delete_report(report_id: ReportId, service: ReportServiceDep) -> Envelope[None]:
    """Delete the Report."""
    await service.delete(report_id)
    return Envelope(code=200, data=None, message="Deleted")
