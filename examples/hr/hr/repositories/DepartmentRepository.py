"""Data access for Department: the only code that touches the session for it."""

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from hr.core.errors import ConflictError
from hr.models.Department import Department
from hr.repositories.pagination import decode_cursor, encode_cursor, keyset_after
from hr.schemas.DepartmentSchema import DepartmentListParams

_SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "name": Department.name,
    "id": Department.id,
}
_SORT_TYPES: dict[str, type[object]] = {
    "name": str,
    "id": int,
}
# What a caller is told when a write breaks a constraint, or a delete one a reference.
_CONFLICT = "A Department with the same name exists"
_IN_USE = "Department {} is still referenced by other rows"


class DepartmentRepository:
    """Reads and writes Department rows; turns constraint violations into domain errors."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, department_id: int) -> Department | None:
        """The Department with this id, or None."""
        stmt = sa.select(Department).where(Department.id == department_id)
        return await self._session.scalar(stmt)

    async def exists(self, department_id: int) -> bool:
        """Whether a Department with this id exists."""
        stmt = sa.select(Department.id).where(Department.id == department_id)
        return await self._session.scalar(stmt) is not None

    async def list_page(
        self, params: DepartmentListParams
    ) -> tuple[Sequence[Department], str | None]:
        """One page of departments in the requested order, and the next page's cursor."""
        stmt = sa.select(Department)
        key = params.sort.removeprefix("-")
        descending = params.sort.startswith("-")
        columns = (_SORT_COLUMNS[key], Department.id)
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

    async def add(self, values: Mapping[str, Any]) -> Department:
        """Insert a new Department (not committed) and read back what the database stored."""
        department = Department(**values)
        self._session.add(department)
        await self._flush(_CONFLICT)
        await self._session.refresh(department)
        return department

    async def update(self, department: Department, values: Mapping[str, Any]) -> Department:
        """Change the given columns of a Department (not committed); read back the result."""
        for name, value in values.items():
            setattr(department, name, value)
        await self._flush(_CONFLICT)
        await self._session.refresh(department)
        return department

    async def delete(self, department: Department) -> None:
        """Delete a Department (not committed)."""
        await self._session.delete(department)
        await self._flush(_IN_USE.format(department.id))

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
