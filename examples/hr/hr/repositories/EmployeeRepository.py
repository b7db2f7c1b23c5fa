"""Data access for Employee: the only code that touches the session for it."""

from collections.abc import Collection, Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, selectinload

from hr.core.errors import ConflictError
from hr.models.Employee import Employee
from hr.models.User import User
from hr.repositories.pagination import decode_cursor, encode_cursor, keyset_after
from hr.schemas.EmployeeSchema import EmployeeListParams

_SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "full_name": Employee.full_name,
    "id": Employee.id,
}
_SORT_TYPES: dict[str, type[object]] = {
    "full_name": str,
    "id": int,
}
# What a caller is told when a write breaks a constraint, or a delete one a reference.
_CONFLICT = "An Employee with the same email or account_id exists"
_IN_USE = "Employee {} is still referenced by other rows"
# The relationships every read loads up front: the model's relationships never lazy-load.
_LOAD = (
    selectinload(Employee.department),
    selectinload(Employee.skills),
)


class EmployeeRepository:
    """Reads and writes Employee rows; turns constraint violations into domain errors."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, employee_id: int) -> Employee | None:
        """The Employee with this id, or None."""
        stmt = sa.select(Employee).options(*_LOAD).where(Employee.id == employee_id)
        return await self._session.scalar(stmt)

    async def exists(self, employee_id: int) -> bool:
        """Whether a Employee with this id exists."""
        stmt = sa.select(Employee.id).where(Employee.id == employee_id)
        return await self._session.scalar(stmt) is not None

    async def get_many(self, ids: Collection[int]) -> Sequence[Employee]:
        """The employees among these ids (ids that name none are left out)."""
        stmt = sa.select(Employee).where(Employee.id.in_(ids))
        return (await self._session.scalars(stmt)).all()

    async def user_exists(self, user_id: int) -> bool:
        """Whether a User with this id exists."""
        stmt = sa.select(User.id).where(User.id == user_id)
        return await self._session.scalar(stmt) is not None

    async def list_page(self, params: EmployeeListParams) -> tuple[Sequence[Employee], str | None]:
        """One page of employees in the requested order, and the next page's cursor."""
        stmt = sa.select(Employee).options(*_LOAD)
        if params.department_id is not None:
            stmt = stmt.where(Employee.department_id == params.department_id)
        if params.manager_id is not None:
            stmt = stmt.where(Employee.manager_id == params.manager_id)
        key = params.sort.removeprefix("-")
        descending = params.sort.startswith("-")
        columns = (_SORT_COLUMNS[key], Employee.id)
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

    async def add(self, values: Mapping[str, Any]) -> Employee:
        """Insert a new Employee (not committed) and read back what the database stored."""
        employee = Employee(**values)
        self._session.add(employee)
        await self._flush(_CONFLICT)
        return await self._reload(employee)

    async def update(self, employee: Employee, values: Mapping[str, Any]) -> Employee:
        """Change the given columns of a Employee (not committed); read back the result."""
        for name, value in values.items():
            setattr(employee, name, value)
        await self._flush(_CONFLICT)
        return await self._reload(employee)

    async def delete(self, employee: Employee) -> None:
        """Delete a Employee (not committed)."""
        await self._session.delete(employee)
        await self._flush(_IN_USE.format(employee.id))

    async def commit(self) -> None:
        """Commit the unit of work."""
        try:
            await self._session.commit()
        except IntegrityError as exc:
            await self._session.rollback()
            raise ConflictError(_CONFLICT) from exc

    async def _reload(self, employee: Employee) -> Employee:
        """Read a written row back as stored, with the relationships a response needs."""
        stmt = (
            sa.select(Employee)
            .options(*_LOAD)
            .where(Employee.id == employee.id)
            .execution_options(populate_existing=True)
        )
        return (await self._session.scalars(stmt)).one()

    async def _flush(self, conflict_message: str) -> None:
        try:
            await self._session.flush()
        except IntegrityError as exc:
            await self._session.rollback()
            raise ConflictError(conflict_message) from exc
