"""HTTP endpoints of Measurement: parse the request, call one service method, wrap the result."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from app.api.deps import CurrentUser, SessionDep
from app.schemas.envelope import CursorPage, Envelope, error_responses
from app.schemas.MeasurementSchema import (
    MeasurementCreate,
    MeasurementListParams,
    MeasurementResponse,
    MeasurementUpdate,
)
from app.services.MeasurementService import MeasurementService

router = APIRouter(prefix="/measurements", tags=["measurements"])


async def get_measurement_service(session: SessionDep, user: CurrentUser) -> MeasurementService:
    """Provide a MeasurementService that reads and writes only the caller's rows."""
    return MeasurementService(session, owner_id=user.id)


MeasurementServiceDep = Annotated[MeasurementService, Depends(get_measurement_service)]
MeasurementId = Annotated[int, Path(ge=1, le=2147483647)]


@router.get("", summary="List measurements", responses=error_responses(401, 422))
async def list_measurements(
    service: MeasurementServiceDep, params: Annotated[MeasurementListParams, Query()]
) -> Envelope[CursorPage[MeasurementResponse]]:
    """A page of measurements; pass `next_cursor` back as `cursor` for the next one."""
    return Envelope(code=200, data=await service.list_page(params), message="OK")


@router.post(
    "", status_code=201, summary="Create a Measurement", responses=error_responses(401, 409, 422)
)
async def create_measurement(
    payload: MeasurementCreate, service: MeasurementServiceDep
) -> Envelope[MeasurementResponse]:
    """Create a Measurement."""
    return Envelope(code=201, data=await service.create(payload), message="Created")


@router.get(
    "/{measurement_id}", summary="Get a Measurement", responses=error_responses(401, 404, 422)
)
async def get_measurement(
    measurement_id: MeasurementId, service: MeasurementServiceDep
) -> Envelope[MeasurementResponse]:
    """The Measurement with this id."""
    return Envelope(code=200, data=await service.get(measurement_id), message="OK")


@router.patch(
    "/{measurement_id}",
    summary="Update a Measurement",
    responses=error_responses(401, 404, 409, 422),
)
async def update_measurement(
    measurement_id: MeasurementId, payload: MeasurementUpdate, service: MeasurementServiceDep
) -> Envelope[MeasurementResponse]:
    """Change the fields sent; the others keep their values."""
    return Envelope(code=200, data=await service.update(measurement_id, payload), message="OK")


@router.delete(
    "/{measurement_id}",
    summary="Delete a Measurement",
    responses=error_responses(401, 404, 409, 422),
)
async def delete_measurement(
    measurement_id: MeasurementId, service: MeasurementServiceDep
) -> Envelope[None]:
    """Delete the Measurement."""
    await service.delete(measurement_id)
    return Envelope(code=200, data=None, message="Deleted")
