"""Business rules of Project: checks beyond the schema, and the unit of work."""

from collections.abc import Collection, Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from hr.core.errors import InvalidReferenceError, NotFoundError
from hr.models.Employee import Employee
from hr.models.Project import Project
from hr.repositories.EmployeeRepository import EmployeeRepository
from hr.repositories.ProjectRepository import ProjectRepository
from hr.schemas.envelope import CursorPage
from hr.schemas.ProjectSchema import (
    ProjectCreate,
    ProjectListParams,
    ProjectResponse,
    ProjectUpdate,
)


class ProjectService:
    """Use cases of Project; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession) -> None:
        self._projects = ProjectRepository(session)
        self._employees = EmployeeRepository(session)

    async def list_page(self, params: ProjectListParams) -> CursorPage[ProjectResponse]:
        """One page of projects."""
        rows, next_cursor = await self._projects.list_page(params)
        items = [ProjectResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, project_id: int) -> ProjectResponse:
        """The Project with this id; NotFoundError if there is none."""
        return ProjectResponse.model_validate(await self._get(project_id))

    async def create(self, payload: ProjectCreate) -> ProjectResponse:
        """Create a Project and commit it."""
        values = payload.model_dump()
        await self._check_lead(values["lead_id"])
        values["members"] = await self._members_by_ids(values.pop("member_ids"))
        project = await self._projects.add(values)
        await self._projects.commit()
        return ProjectResponse.model_validate(project)

    async def update(self, project_id: int, payload: ProjectUpdate) -> ProjectResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        project = await self._get(project_id)
        values = payload.model_dump(exclude_unset=True)
        await self._check_lead(values.get("lead_id"))
        if "member_ids" in values:
            values["members"] = await self._members_by_ids(values.pop("member_ids"))
        project = await self._projects.update(project, values)
        await self._projects.commit()
        return ProjectResponse.model_validate(project)

    async def delete(self, project_id: int) -> None:
        """Delete the Project and commit; NotFoundError if there is none."""
        project = await self._get(project_id)
        await self._projects.delete(project)
        await self._projects.commit()

    async def _get(self, project_id: int) -> Project:
        project = await self._projects.get(project_id)
        if project is None:
            raise NotFoundError.for_entity("Project", project_id)
        return project

    async def _check_lead(self, lead_id: int | None) -> None:
        """Refuse a lead_id that names no Employee."""
        if lead_id is not None and not await self._employees.exists(lead_id):
            raise InvalidReferenceError(f"lead_id: Employee {lead_id} does not exist")

    async def _members_by_ids(self, ids: Collection[int]) -> Sequence[Employee]:
        """The Employee rows of `ids`; InvalidReferenceError naming any that do not exist."""
        found = await self._employees.get_many(ids)
        missing = sorted(set(ids) - {row.id for row in found})
        if missing:
            names = ", ".join(map(str, missing))
            raise InvalidReferenceError(f"member_ids: no Employee {names}")
        return found
