"""Business rules of Employee: checks beyond the schema, and the unit of work."""

from collections.abc import Collection, Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from hr.core.errors import InvalidReferenceError, NotFoundError
from hr.models.Employee import Employee
from hr.models.Skill import Skill
from hr.repositories.DepartmentRepository import DepartmentRepository
from hr.repositories.EmployeeRepository import EmployeeRepository
from hr.repositories.SkillRepository import SkillRepository
from hr.schemas.EmployeeSchema import (
    EmployeeCreate,
    EmployeeListParams,
    EmployeeResponse,
    EmployeeUpdate,
)
from hr.schemas.envelope import CursorPage


class EmployeeService:
    """Use cases of Employee; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession) -> None:
        self._employees = EmployeeRepository(session)
        self._departments = DepartmentRepository(session)
        self._skills = SkillRepository(session)

    async def list_page(self, params: EmployeeListParams) -> CursorPage[EmployeeResponse]:
        """One page of employees."""
        rows, next_cursor = await self._employees.list_page(params)
        items = [EmployeeResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, employee_id: int) -> EmployeeResponse:
        """The Employee with this id; NotFoundError if there is none."""
        return EmployeeResponse.model_validate(await self._get(employee_id))

    async def create(self, payload: EmployeeCreate) -> EmployeeResponse:
        """Create an Employee and commit it."""
        values = payload.model_dump()
        await self._check_department(values["department_id"])
        await self._check_manager(values["manager_id"])
        await self._check_account(values["account_id"])
        values["skills"] = await self._skills_by_ids(values.pop("skill_ids"))
        employee = await self._employees.add(values)
        await self._employees.commit()
        return EmployeeResponse.model_validate(employee)

    async def update(self, employee_id: int, payload: EmployeeUpdate) -> EmployeeResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        employee = await self._get(employee_id)
        values = payload.model_dump(exclude_unset=True)
        await self._check_department(values.get("department_id"))
        await self._check_manager(values.get("manager_id"))
        await self._check_account(values.get("account_id"))
        if "skill_ids" in values:
            values["skills"] = await self._skills_by_ids(values.pop("skill_ids"))
        employee = await self._employees.update(employee, values)
        await self._employees.commit()
        return EmployeeResponse.model_validate(employee)

    async def delete(self, employee_id: int) -> None:
        """Delete the Employee and commit; NotFoundError if there is none."""
        employee = await self._get(employee_id)
        await self._employees.delete(employee)
        await self._employees.commit()

    async def _get(self, employee_id: int) -> Employee:
        employee = await self._employees.get(employee_id)
        if employee is None:
            raise NotFoundError.for_entity("Employee", employee_id)
        return employee

    async def _check_department(self, department_id: int | None) -> None:
        """Refuse a department_id that names no Department."""
        if department_id is not None and not await self._departments.exists(department_id):
            raise InvalidReferenceError(f"department_id: Department {department_id} does not exist")

    async def _check_manager(self, manager_id: int | None) -> None:
        """Refuse a manager_id that names no Employee."""
        if manager_id is not None and not await self._employees.exists(manager_id):
            raise InvalidReferenceError(f"manager_id: Employee {manager_id} does not exist")

    async def _check_account(self, account_id: int | None) -> None:
        """Refuse an account_id that names no User."""
        if account_id is not None and not await self._employees.user_exists(account_id):
            raise InvalidReferenceError(f"account_id: User {account_id} does not exist")

    async def _skills_by_ids(self, ids: Collection[int]) -> Sequence[Skill]:
        """The Skill rows of `ids`; InvalidReferenceError naming any that do not exist."""
        found = await self._skills.get_many(ids)
        missing = sorted(set(ids) - {row.id for row in found})
        if missing:
            names = ", ".join(map(str, missing))
            raise InvalidReferenceError(f"skill_ids: no Skill {names}")
        return found
