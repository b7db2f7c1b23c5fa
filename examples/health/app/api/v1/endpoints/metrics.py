"""HTTP endpoints of Metric: parse the request, call one service method, wrap the result."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from app.api.deps import SessionDep, get_current_admin
from app.schemas.envelope import CursorPage, Envelope, error_responses
from app.schemas.MetricSchema import MetricCreate, MetricListParams, MetricResponse, MetricUpdate
from app.services.MetricService import MetricService

router = APIRouter(prefix="/metrics", tags=["metrics"])


async def get_metric_service(session: SessionDep) -> MetricService:
    """Provide a MetricService bound to the request's session."""
    return MetricService(session)


MetricServiceDep = Annotated[MetricService, Depends(get_metric_service)]
MetricId = Annotated[int, Path(ge=1, le=2147483647)]


@router.get("", summary="List metrics", responses=error_responses(422))
async def list_metrics(
    service: MetricServiceDep, params: Annotated[MetricListParams, Query()]
) -> Envelope[CursorPage[MetricResponse]]:
    """A page of metrics; pass `next_cursor` back as `cursor` for the next one."""
    return Envelope(code=200, data=await service.list_page(params), message="OK")


@router.post(
    "",
    status_code=201,
    summary="Create a Metric",
    dependencies=[Depends(get_current_admin)],
    responses=error_responses(401, 403, 409, 422),
)
async def create_metric(
    payload: MetricCreate, service: MetricServiceDep
) -> Envelope[MetricResponse]:
    """Create a Metric."""
    return Envelope(code=201, data=await service.create(payload), message="Created")


@router.get("/{metric_id}", summary="Get a Metric", responses=error_responses(404, 422))
async def get_metric(metric_id: MetricId, service: MetricServiceDep) -> Envelope[MetricResponse]:
    """The Metric with this id."""
    return Envelope(code=200, data=await service.get(metric_id), message="OK")


@router.patch(
    "/{metric_id}",
    summary="Update a Metric",
    dependencies=[Depends(get_current_admin)],
    responses=error_responses(401, 403, 404, 409, 422),
)
async def update_metric(
    metric_id: MetricId, payload: MetricUpdate, service: MetricServiceDep
) -> Envelope[MetricResponse]:
    """Change the fields sent; the others keep their values."""
    return Envelope(code=200, data=await service.update(metric_id, payload), message="OK")


@router.delete(
    "/{metric_id}",
    summary="Delete a Metric",
    dependencies=[Depends(get_current_admin)],
    responses=error_responses(401, 403, 404, 409, 422),
)
async def delete_metric(metric_id: MetricId, service: MetricServiceDep) -> Envelope[None]:
    """Delete the Metric."""
    await service.delete(metric_id)
    return Envelope(code=200, data=None, message="Deleted")
