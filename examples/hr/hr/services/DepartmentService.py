"""Business rules of Department: checks beyond the schema, and the unit of work."""

from sqlalchemy.ext.asyncio import AsyncSession

from hr.core.errors import NotFoundError
from hr.models.Department import Department
from hr.repositories.DepartmentRepository import DepartmentRepository
from hr.schemas.DepartmentSchema import (
    DepartmentCreate,
    DepartmentListParams,
    DepartmentResponse,
    DepartmentUpdate,
)
from hr.schemas.envelope import CursorPage


class DepartmentService:
    """Use cases of Department; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession) -> None:
        self._departments = DepartmentRepository(session)

    async def list_page(self, params: DepartmentListParams) -> CursorPage[DepartmentResponse]:
        """One page of departments."""
        rows, next_cursor = await self._departments.list_page(params)
        items = [DepartmentResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, department_id: int) -> DepartmentResponse:
        """The Department with this id; NotFoundError if there is none."""
        return DepartmentResponse.model_validate(await self._get(department_id))

    async def create(self, payload: DepartmentCreate) -> DepartmentResponse:
        """Create a Department and commit it."""
        values = payload.model_dump()
        department = await self._departments.add(values)
        await self._departments.commit()
        return DepartmentResponse.model_validate(department)

    async def update(self, department_id: int, payload: DepartmentUpdate) -> DepartmentResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        department = await self._get(department_id)
        values = payload.model_dump(exclude_unset=True)
        department = await self._departments.update(department, values)
        await self._departments.commit()
        return DepartmentResponse.model_validate(department)

    async def delete(self, department_id: int) -> None:
        """Delete the Department and commit; NotFoundError if there is none."""
        department = await self._get(department_id)
        await self._departments.delete(department)
        await self._departments.commit()

    async def _get(self, department_id: int) -> Department:
        department = await self._departments.get(department_id)
        if department is None:
            raise NotFoundError.for_entity("Department", department_id)
        return department
