"""Business rules of Leaf: checks beyond the schema, and the unit of work."""

from sqlalchemy.ext.asyncio import AsyncSession

from zoo.core.errors import InvalidReferenceError, NotFoundError
from zoo.models.Leaf import Leaf
from zoo.repositories.LeafRepository import LeafRepository
from zoo.repositories.NodeRepository import NodeRepository
from zoo.schemas.envelope import CursorPage
from zoo.schemas.LeafSchema import LeafCreate, LeafListParams, LeafResponse, LeafUpdate


class LeafService:
    """Use cases of Leaf; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession) -> None:
        self._leaves = LeafRepository(session)
        self._nodes = NodeRepository(session)

    async def list_page(self, params: LeafListParams) -> CursorPage[LeafResponse]:
        """One page of leaves."""
        rows, next_cursor = await self._leaves.list_page(params)
        items = [LeafResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, leaf_id: int) -> LeafResponse:
        """The Leaf with this id; NotFoundError if there is none."""
        return LeafResponse.model_validate(await self._get(leaf_id))

    async def create(self, payload: LeafCreate) -> LeafResponse:
        """Create a Leaf and commit it."""
        values = payload.model_dump()
        await self._check_node(values["node_id"])
        leaf = await self._leaves.add(values)
        await self._leaves.commit()
        return LeafResponse.model_validate(leaf)

    async def update(self, leaf_id: int, payload: LeafUpdate) -> LeafResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        leaf = await self._get(leaf_id)
        values = payload.model_dump(exclude_unset=True)
        await self._check_node(values.get("node_id"))
        leaf = await self._leaves.update(leaf, values)
        await self._leaves.commit()
        return LeafResponse.model_validate(leaf)

    async def delete(self, leaf_id: int) -> None:
        """Delete the Leaf and commit; NotFoundError if there is none."""
        leaf = await self._get(leaf_id)
        await self._leaves.delete(leaf)
        await self._leaves.commit()

    async def _get(self, leaf_id: int) -> Leaf:
        leaf = await self._leaves.get(leaf_id)
        if leaf is None:
            raise NotFoundError.for_entity("Leaf", leaf_id)
        return leaf

    async def _check_node(self, node_id: int | None) -> None:
        """Refuse a node_id that names no Node."""
        if node_id is not None and not await self._nodes.exists(node_id):
            raise InvalidReferenceError(f"node_id: Node {node_id} does not exist")
