"""Business rules of Node: checks beyond the schema, and the unit of work."""

from sqlalchemy.ext.asyncio import AsyncSession

from zoo.core.errors import InvalidReferenceError, NotFoundError
from zoo.models.Node import Node
from zoo.repositories.DataRepository import DataRepository
from zoo.repositories.NodeRepository import NodeRepository
from zoo.schemas.envelope import CursorPage
from zoo.schemas.NodeSchema import NodeCreate, NodeListParams, NodeResponse, NodeUpdate


class NodeService:
    """Use cases of Node; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession) -> None:
        self._nodes = NodeRepository(session)
        self._data = DataRepository(session)

    async def list_page(self, params: NodeListParams) -> CursorPage[NodeResponse]:
        """One page of nodes."""
        rows, next_cursor = await self._nodes.list_page(params)
        items = [NodeResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, node_id: int) -> NodeResponse:
        """The Node with this id; NotFoundError if there is none."""
        return NodeResponse.model_validate(await self._get(node_id))

    async def create(self, payload: NodeCreate) -> NodeResponse:
        """Create a Node and commit it."""
        values = payload.model_dump()
        await self._check_parent(values["parent_id"])
        await self._check_source(values["source_id"])
        await self._check_mirror(values["mirror_id"])
        node = await self._nodes.add(values)
        await self._nodes.commit()
        return NodeResponse.model_validate(node)

    async def update(self, node_id: int, payload: NodeUpdate) -> NodeResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        node = await self._get(node_id)
        values = payload.model_dump(exclude_unset=True)
        await self._check_parent(values.get("parent_id"))
        await self._check_source(values.get("source_id"))
        await self._check_mirror(values.get("mirror_id"))
        node = await self._nodes.update(node, values)
        await self._nodes.commit()
        return NodeResponse.model_validate(node)

    async def delete(self, node_id: int) -> None:
        """Delete the Node and commit; NotFoundError if there is none."""
        node = await self._get(node_id)
        await self._nodes.delete(node)
        await self._nodes.commit()

    async def _get(self, node_id: int) -> Node:
        node = await self._nodes.get(node_id)
        if node is None:
            raise NotFoundError.for_entity("Node", node_id)
        return node

    async def _check_parent(self, parent_id: int | None) -> None:
        """Refuse a parent_id that names no Node."""
        if parent_id is not None and not await self._nodes.exists(parent_id):
            raise InvalidReferenceError(f"parent_id: Node {parent_id} does not exist")

    async def _check_source(self, source_id: int | None) -> None:
        """Refuse a source_id that names no Data."""
        if source_id is not None and not await self._data.exists(source_id):
            raise InvalidReferenceError(f"source_id: Data {source_id} does not exist")

    async def _check_mirror(self, mirror_id: int | None) -> None:
        """Refuse a mirror_id that names no Data."""
        if mirror_id is not None and not await self._data.exists(mirror_id):
            raise InvalidReferenceError(f"mirror_id: Data {mirror_id} does not exist")
