"""Data access for Skill: the only code that touches the session for it."""

from collections.abc import Collection, Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from hr.core.errors import ConflictError
from hr.models.Skill import Skill
from hr.repositories.pagination import decode_cursor, encode_cursor, keyset_after
from hr.schemas.SkillSchema import SkillListParams

_SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "id": Skill.id,
}
_SORT_TYPES: dict[str, type[object]] = {
    "id": int,
}
# What a caller is told when a write breaks a constraint, or a delete one a reference.
_CONFLICT = "A Skill with the same name exists"
_IN_USE = "Skill {} is still referenced by other rows"


class SkillRepository:
    """Reads and writes Skill rows; turns constraint violations into domain errors."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, skill_id: int) -> Skill | None:
        """The Skill with this id, or None."""
        stmt = sa.select(Skill).where(Skill.id == skill_id)
        return await self._session.scalar(stmt)

    async def exists(self, skill_id: int) -> bool:
        """Whether a Skill with this id exists."""
        stmt = sa.select(Skill.id).where(Skill.id == skill_id)
        return await self._session.scalar(stmt) is not None

    async def get_many(self, ids: Collection[int]) -> Sequence[Skill]:
        """The skills among these ids (ids that name none are left out)."""
        stmt = sa.select(Skill).where(Skill.id.in_(ids))
        return (await self._session.scalars(stmt)).all()

    async def list_page(self, params: SkillListParams) -> tuple[Sequence[Skill], str | None]:
        """One page of skills in the requested order, and the next page's cursor."""
        stmt = sa.select(Skill)
        key = params.sort.removeprefix("-")
        descending = params.sort.startswith("-")
        columns = (_SORT_COLUMNS[key], Skill.id)
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

    async def add(self, values: Mapping[str, Any]) -> Skill:
        """Insert a new Skill (not committed) and read back what the database stored."""
        skill = Skill(**values)
        self._session.add(skill)
        await self._flush(_CONFLICT)
        await self._session.refresh(skill)
        return skill

    async def update(self, skill: Skill, values: Mapping[str, Any]) -> Skill:
        """Change the given columns of a Skill (not committed); read back the result."""
        for name, value in values.items():
            setattr(skill, name, value)
        await self._flush(_CONFLICT)
        await self._session.refresh(skill)
        return skill

    async def delete(self, skill: Skill) -> None:
        """Delete a Skill (not committed)."""
        await self._session.delete(skill)
        await self._flush(_IN_USE.format(skill.id))

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
