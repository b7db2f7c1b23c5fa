"""Data access for Badge: the only code that touches the session for it."""

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from hr.core.errors import ConflictError
from hr.models.Badge import Badge
from hr.models.User import User
from hr.repositories.pagination import decode_cursor, encode_cursor, keyset_after
from hr.schemas.BadgeSchema import BadgeListParams

_SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "id": Badge.id,
}
_SORT_TYPES: dict[str, type[object]] = {
    "id": int,
}
# What a caller is told when a write breaks a constraint, or a delete one a reference.
_CONFLICT = "A Badge with the same code or employee_id exists"
_IN_USE = "Badge {} is still referenced by other rows"


class BadgeRepository:
    """Reads and writes Badge rows; turns constraint violations into domain errors."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, badge_id: int) -> Badge | None:
        """The Badge with this id, or None."""
        stmt = sa.select(Badge).where(Badge.id == badge_id)
        return await self._session.scalar(stmt)

    async def exists(self, badge_id: int) -> bool:
        """Whether a Badge with this id exists."""
        stmt = sa.select(Badge.id).where(Badge.id == badge_id)
        return await self._session.scalar(stmt) is not None

    async def user_exists(self, user_id: int) -> bool:
        """Whether a User with this id exists."""
        stmt = sa.select(User.id).where(User.id == user_id)
        return await self._session.scalar(stmt) is not None

    async def list_page(self, params: BadgeListParams) -> tuple[Sequence[Badge], str | None]:
        """One page of badges in the requested order, and the next page's cursor."""
        stmt = sa.select(Badge)
        key = params.sort.removeprefix("-")
        descending = params.sort.startswith("-")
        columns = (_SORT_COLUMNS[key], Badge.id)
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

    async def add(self, values: Mapping[str, Any]) -> Badge:
        """Insert a new Badge (not committed) and read back what the database stored."""
        badge = Badge(**values)
        self._session.add(badge)
        await self._flush(_CONFLICT)
        await self._session.refresh(badge)
        return badge

    async def update(self, badge: Badge, values: Mapping[str, Any]) -> Badge:
        """Change the given columns of a Badge (not committed); read back the result."""
        for name, value in values.items():
            setattr(badge, name, value)
        await self._flush(_CONFLICT)
        await self._session.refresh(badge)
        return badge

    async def delete(self, badge: Badge) -> None:
        """Delete a Badge (not committed)."""
        await self._session.delete(badge)
        await self._flush(_IN_USE.format(badge.id))

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
