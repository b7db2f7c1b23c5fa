"""Data access for Node: the only code that touches the session for it."""

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from zoo.core.errors import ConflictError
from zoo.models.Node import Node
from zoo.repositories.pagination import decode_cursor, encode_cursor, keyset_after
from zoo.schemas.NodeSchema import NodeListParams

_SORT_COLUMNS: dict[str, InstrumentedAttribute[Any]] = {
    "label": Node.label,
    "weight": Node.weight,
    "id": Node.id,
}
_SORT_TYPES: dict[str, type[object]] = {
    "label": str,
    "weight": float,
    "id": int,
}
# What a caller is told when a write breaks a constraint, or a delete one a reference.
_CONFLICT = "A Node conflicts with existing data"
_IN_USE = "Node {} is still referenced by other rows"


class NodeRepository:
    """Reads and writes Node rows; turns constraint violations into domain errors."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, node_id: int) -> Node | None:
        """The Node with this id, or None."""
        stmt = sa.select(Node).where(Node.id == node_id)
        return await self._session.scalar(stmt)

    async def exists(self, node_id: int) -> bool:
        """Whether a Node with this id exists."""
        stmt = sa.select(Node.id).where(Node.id == node_id)
        return await self._session.scalar(stmt) is not None

    async def list_page(self, params: NodeListParams) -> tuple[Sequence[Node], str | None]:
        """One page of nodes in the requested order, and the next page's cursor."""
        stmt = sa.select(Node)
        if params.parent_id is not None:
            stmt = stmt.where(Node.parent_id == params.parent_id)
        if params.source_id is not None:
            stmt = stmt.where(Node.source_id == params.source_id)
        key = params.sort.removeprefix("-")
        descending = params.sort.startswith("-")
        columns = (_SORT_COLUMNS[key], Node.id)
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

    async def add(self, values: Mapping[str, Any]) -> Node:
        """Insert a new Node (not committed) and read back what the database stored."""
        node = Node(**values)
        self._session.add(node)
        await self._flush(_CONFLICT)
        await self._session.refresh(node)
        return node

    async def update(self, node: Node, values: Mapping[str, Any]) -> Node:
        """Change the given columns of a Node (not committed); read back the result."""
        for name, value in values.items():
            setattr(node, name, value)
        await self._flush(_CONFLICT)
        await self._session.refresh(node)
        return node

    async def delete(self, node: Node) -> None:
        """Delete a Node (not committed)."""
        await self._session.delete(node)
        await self._flush(_IN_USE.format(node.id))

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
