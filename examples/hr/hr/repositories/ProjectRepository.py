"""Data access for Project: the only code that touches the session for it."""

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute, selectinload

from hr.core.errors import ConflictError
from hr.models.Project import Project
from hr.repositories.pagination import decode_cursor, encode_cursor, keyset_after
from hr.schemas.ProjectSchema import ProjectListParams

_SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "id": Project.id,
}
_SORT_TYPES: dict[str, type[object]] = {
    "id": int,
}
# What a caller is told when a write breaks a constraint, or a delete one a reference.
_CONFLICT = "A Project with the same lead_id exists"
_IN_USE = "Project {} is still referenced by other rows"
# The relationships every read loads up front: the model's relationships never lazy-load.
_LOAD = (selectinload(Project.members),)


class ProjectRepository:
    """Reads and writes Project rows; turns constraint violations into domain errors."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, project_id: int) -> Project | None:
        """The Project with this id, or None."""
        stmt = sa.select(Project).options(*_LOAD).where(Project.id == project_id)
        return await self._session.scalar(stmt)

    async def exists(self, project_id: int) -> bool:
        """Whether a Project with this id exists."""
        stmt = sa.select(Project.id).where(Project.id == project_id)
        return await self._session.scalar(stmt) is not None

    async def list_page(self, params: ProjectListParams) -> tuple[Sequence[Project], str | None]:
        """One page of projects in the requested order, and the next page's cursor."""
        stmt = sa.select(Project).options(*_LOAD)
        key = params.sort.removeprefix("-")
        descending = params.sort.startswith("-")
        columns = (_SORT_COLUMNS[key], Project.id)
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

    async def add(self, values: Mapping[str, Any]) -> Project:
        """Insert a new Project (not committed) and read back what the database stored."""
        project = Project(**values)
        self._session.add(project)
        await self._flush(_CONFLICT)
        return await self._reload(project)

    async def update(self, project: Project, values: Mapping[str, Any]) -> Project:
        """Change the given columns of a Project (not committed); read back the result."""
        for name, value in values.items():
            setattr(project, name, value)
        await self._flush(_CONFLICT)
        return await self._reload(project)

    async def delete(self, project: Project) -> None:
        """Delete a Project (not committed)."""
        await self._session.delete(project)
        await self._flush(_IN_USE.format(project.id))

    async def commit(self) -> None:
        """Commit the unit of work."""
        try:
            await self._session.commit()
        except IntegrityError as exc:
            await self._session.rollback()
            raise ConflictError(_CONFLICT) from exc

    async def _reload(self, project: Project) -> Project:
        """Read a written row back as stored, with the relationships a response needs."""
        stmt = (
            sa.select(Project)
            .options(*_LOAD)
            .where(Project.id == project.id)
            .execution_options(populate_existing=True)
        )
        return (await self._session.scalars(stmt)).one()

    async def _flush(self, conflict_message: str) -> None:
        try:
            await self._session.flush()
        except IntegrityError as exc:
            await self._session.rollback()
            raise ConflictError(conflict_message) from exc
