"""HTTP endpoints of Node: parse the request, call one service method, wrap the result."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from zoo.api.deps import SessionDep, get_current_user
from zoo.schemas.envelope import CursorPage, Envelope, error_responses
from zoo.schemas.NodeSchema import NodeCreate, NodeListParams, NodeResponse, NodeUpdate
from zoo.services.NodeService import NodeService

router = APIRouter(prefix="/nodes", tags=["nodes"])


async def get_node_service(session: SessionDep) -> NodeService:
    """Provide a NodeService bound to the request's session."""
    return NodeService(session)


NodeServiceDep = Annotated[NodeService, Depends(get_node_service)]
NodeId = Annotated[int, Path(ge=1, le=2147483647)]


@router.get(
    "",
    summary="List nodes",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 422),
)
async def list_nodes(
    service: NodeServiceDep, params: Annotated[NodeListParams, Query()]
) -> Envelope[CursorPage[NodeResponse]]:
    """A page of nodes; pass `next_cursor` back as `cursor` for the next one."""
    return Envelope(code=200, data=await service.list_page(params), message="OK")


@router.post(
    "",
    status_code=201,
    summary="Create a Node",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 409, 422),
)
async def create_node(payload: NodeCreate, service: NodeServiceDep) -> Envelope[NodeResponse]:
    """Create a Node."""
    return Envelope(code=201, data=await service.create(payload), message="Created")


@router.get(
    "/{node_id}",
    summary="Get a Node",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 422),
)
async def get_node(node_id: NodeId, service: NodeServiceDep) -> Envelope[NodeResponse]:
    """The Node with this id."""
    return Envelope(code=200, data=await service.get(node_id), message="OK")


@router.patch(
    "/{node_id}",
    summary="Update a Node",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def update_node(
    node_id: NodeId, payload: NodeUpdate, service: NodeServiceDep
) -> Envelope[NodeResponse]:
    """Change the fields sent; the others keep their values."""
    return Envelope(code=200, data=await service.update(node_id, payload), message="OK")


@router.delete(
    "/{node_id}",
    summary="Delete a Node",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def delete_node(node_id: NodeId, service: NodeServiceDep) -> Envelope[None]:
    """Delete the Node."""
    await service.delete(node_id)
    return Envelope(code=200, data=None, message="Deleted")
