"""Data access for Goal: the only code that touches the session for it."""

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from app.core.errors import ConflictError
from app.models.Goal import Goal
from app.repositories.pagination import decode_cursor, encode_cursor, keyset_after
from app.schemas.GoalSchema import GoalListParams

_SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "created_at": Goal.created_at,
    "id": Goal.id,
}
_SORT_TYPES: dict[str, type[object]] = {
    "created_at": dt.datetime,
    "id": int,
}
# What a caller is told when a write breaks a constraint, or a delete one a reference.
_CONFLICT = "A Goal conflicts with existing data"
_IN_USE = "Goal {} is still referenced by other rows"


class GoalRepository:
    """Reads and writes one owner's Goal rows; constraint violations become errors.

    Every query filters on `owner_id` and every new row gets it: to this repository, the rows
    of other owners do not exist.
    """

    def __init__(self, session: AsyncSession, *, owner_id: int) -> None:
        self._session = session
        self._owner_id = owner_id

    async def get(self, goal_id: int) -> Goal | None:
        """The Goal with this id, or None."""
        stmt = sa.select(Goal).where(Goal.id == goal_id).where(Goal.owner_id == self._owner_id)
        return await self._session.scalar(stmt)

    async def exists(self, goal_id: int) -> bool:
        """Whether a Goal with this id exists."""
        stmt = sa.select(Goal.id).where(Goal.id == goal_id).where(Goal.owner_id == self._owner_id)
        return await self._session.scalar(stmt) is not None

    async def list_page(self, params: GoalListParams) -> tuple[Sequence[Goal], str | None]:
        """One page of goals in the requested order, and the next page's cursor."""
        stmt = sa.select(Goal).where(Goal.owner_id == self._owner_id)
        if params.metric_id is not None:
            stmt = stmt.where(Goal.metric_id == params.metric_id)
        if params.achieved is not None:
            stmt = stmt.where(Goal.achieved == params.achieved)
        key = params.sort.removeprefix("-")
        descending = params.sort.startswith("-")
        columns = (_SORT_COLUMNS[key], Goal.id)
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

    async def add(self, values: Mapping[str, Any]) -> Goal:
        """Insert a new Goal (not committed) and read back what the database stored."""
        goal = Goal(**values, owner_id=self._owner_id)
        self._session.add(goal)
        await self._flush(_CONFLICT)
        await self._session.refresh(goal)
        return goal

    async def update(self, goal: Goal, values: Mapping[str, Any]) -> Goal:
        """Change the given columns of a Goal (not committed); read back the result."""
        for name, value in values.items():
            setattr(goal, name, value)
        await self._flush(_CONFLICT)
        await self._session.refresh(goal)
        return goal

    async def delete(self, goal: Goal) -> None:
        """Delete a Goal (not committed)."""
        await self._session.delete(goal)
        await self._flush(_IN_USE.format(goal.id))

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
