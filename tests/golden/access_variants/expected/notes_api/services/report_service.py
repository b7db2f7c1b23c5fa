"""Business rules of Report: checks beyond the schema, and the unit of work."""

from sqlalchemy.ext.asyncio import AsyncSession

from notes_api.core.errors import InvalidReferenceError, NotFoundError
from notes_api.models.report import Report
from notes_api.repositories.board_repository import BoardRepository
from notes_api.repositories.report_repository import ReportRepository
from notes_api.schemas.envelope import CursorPage
from notes_api.schemas.report_schema import (
    ReportCreate,
    ReportListParams,
    ReportResponse,
    ReportUpdate,
)


class ReportService:
    """Use cases of Report; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession) -> None:
        self._reports = ReportRepository(session)
        self._boards = BoardRepository(session)

    async def list_page(self, params: ReportListParams) -> CursorPage[ReportResponse]:
        """One page of reports."""
        rows, next_cursor = await self._reports.list_page(params)
        items = [ReportResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, report_id: int) -> ReportResponse:
        """The Report with this id; NotFoundError if there is none."""
        return ReportResponse.model_validate(await self._get(report_id))

    async def create(self, payload: ReportCreate) -> ReportResponse:
        """Create a Report and commit it."""
        values = payload.model_dump()
        await self._check_board(values["board_id"])
        report = await self._reports.add(values)
        await self._reports.commit()
        return ReportResponse.model_validate(report)

    async def update(self, report_id: int, payload: ReportUpdate) -> ReportResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        report = await self._get(report_id)
        values = payload.model_dump(exclude_unset=True)
        await self._check_board(values.get("board_id"))
        report = await self._reports.update(report, values)
        await self._reports.commit()
        return ReportResponse.model_validate(report)

    async def delete(self, report_id: int) -> None:
        """Delete the Report and commit; NotFoundError if there is none."""
        report = await self._get(report_id)
        await self._reports.delete(report)
        await self._reports.commit()

    async def _get(self, report_id: int) -> Report:
        report = await self._reports.get(report_id)
        if report is None:
            raise NotFoundError.for_entity("Report", report_id)
        return report

    async def _check_board(self, board_id: int | None) -> None:
        """Refuse a board_id that names no Board."""
        if board_id is not None and not await self._boards.exists(board_id):
            raise InvalidReferenceError(f"board_id: Board {board_id} does not exist")
