"""Data access for Category: the only code that touches the session for it."""

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from app.core.errors import ConflictError
from app.models.Category import Category
from app.repositories.pagination import decode_cursor, encode_cursor, keyset_after
from app.schemas.CategorySchema import CategoryListParams

_SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "name": Category.name,
    "id": Category.id,
}
_SORT_TYPES: dict[str, type[object]] = {
    "name": str,
    "id": int,
}
# What a caller is told when a write breaks a constraint, or a delete one a reference.
_CONFLICT = "A Category with the same name or slug exists"
_IN_USE = "Category {} is still referenced by other rows"


class CategoryRepository:
    """Reads and writes Category rows; turns constraint violations into domain errors."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, category_id: int) -> Category | None:
        """The Category with this id, or None."""
        stmt = sa.select(Category).where(Category.id == category_id)
        return await self._session.scalar(stmt)

    async def exists(self, category_id: int) -> bool:
        """Whether a Category with this id exists."""
        stmt = sa.select(Category.id).where(Category.id == category_id)
        return await self._session.scalar(stmt) is not None

    async def list_page(self, params: CategoryListParams) -> tuple[Sequence[Category], str | None]:
        """One page of categories in the requested order, and the next page's cursor."""
        stmt = sa.select(Category)
        if params.parent_id is not None:
            stmt = stmt.where(Category.parent_id == params.parent_id)
        key = params.sort.removeprefix("-")
        descending = params.sort.startswith("-")
        columns = (_SORT_COLUMNS[key], Category.id)
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

    async def add(self, values: Mapping[str, Any]) -> Category:
        """Insert a new Category (not committed) and read back what the database stored."""
        category = Category(**values)
        self._session.add(category)
        await self._flush(_CONFLICT)
        await self._session.refresh(category)
        return category

    async def update(self, category: Category, values: Mapping[str, Any]) -> Category:
        """Change the given columns of a Category (not committed); read back the result."""
        for name, value in values.items():
            setattr(category, name, value)
        await self._flush(_CONFLICT)
        await self._session.refresh(category)
        return category

    async def delete(self, category: Category) -> None:
        """Delete a Category (not committed)."""
        await self._session.delete(category)
        await self._flush(_IN_USE.format(category.id))

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
