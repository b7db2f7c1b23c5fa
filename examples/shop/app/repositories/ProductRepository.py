"""Data access for Product: the only code that touches the session for it."""

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from app.core.errors import ConflictError
from app.models.Product import Product
from app.repositories.pagination import decode_cursor, encode_cursor, keyset_after
from app.schemas.ProductSchema import ProductListParams

_SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "name": Product.name,
    "price": Product.price,
    "created_at": Product.created_at,
    "id": Product.id,
}
_SORT_TYPES: dict[str, type[object]] = {
    "name": str,
    "price": Decimal,
    "created_at": dt.datetime,
    "id": int,
}
# What a caller is told when a write breaks a constraint, or a delete one a reference.
_CONFLICT = "A Product with the same sku exists"
_IN_USE = "Product {} is still referenced by other rows"


class ProductRepository:
    """Reads and writes Product rows; turns constraint violations into domain errors."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, product_id: int) -> Product | None:
        """The Product with this id, or None."""
        stmt = sa.select(Product).where(Product.id == product_id)
        return await self._session.scalar(stmt)

    async def exists(self, product_id: int) -> bool:
        """Whether a Product with this id exists."""
        stmt = sa.select(Product.id).where(Product.id == product_id)
        return await self._session.scalar(stmt) is not None

    async def list_page(self, params: ProductListParams) -> tuple[Sequence[Product], str | None]:
        """One page of products in the requested order, and the next page's cursor."""
        stmt = sa.select(Product)
        if params.active is not None:
            stmt = stmt.where(Product.active == params.active)
        if params.category_id is not None:
            stmt = stmt.where(Product.category_id == params.category_id)
        key = params.sort.removeprefix("-")
        descending = params.sort.startswith("-")
        columns = (_SORT_COLUMNS[key], Product.id)
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

    async def add(self, values: Mapping[str, Any]) -> Product:
        """Insert a new Product (not committed) and read back what the database stored."""
        product = Product(**values)
        self._session.add(product)
        await self._flush(_CONFLICT)
        await self._session.refresh(product)
        return product

    async def update(self, product: Product, values: Mapping[str, Any]) -> Product:
        """Change the given columns of a Product (not committed); read back the result."""
        for name, value in values.items():
            setattr(product, name, value)
        await self._flush(_CONFLICT)
        await self._session.refresh(product)
        return product

    async def delete(self, product: Product) -> None:
        """Delete a Product (not committed)."""
        await self._session.delete(product)
        await self._flush(_IN_USE.format(product.id))

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
