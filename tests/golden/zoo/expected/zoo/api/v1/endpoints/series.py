"""HTTP endpoints of Series: parse the request, call one service method, wrap the result."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from zoo.api.deps import SessionDep, get_current_user
from zoo.schemas.envelope import CursorPage, Envelope, error_responses
from zoo.schemas.SeriesSchema import SeriesCreate, SeriesListParams, SeriesResponse, SeriesUpdate
from zoo.services.SeriesService import SeriesService

router = APIRouter(prefix="/series", tags=["series"])


async def get_series_service(session: SessionDep) -> SeriesService:
    """Provide a SeriesService bound to the request's session."""
    return SeriesService(session)


SeriesServiceDep = Annotated[SeriesService, Depends(get_series_service)]
SeriesId = Annotated[int, Path(ge=1, le=2147483647)]


@router.get(
    "",
    summary="List series",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 422),
)
async def list_series(
    service: SeriesServiceDep, params: Annotated[SeriesListParams, Query()]
) -> Envelope[CursorPage[SeriesResponse]]:
    """A page of series; pass `next_cursor` back as `cursor` for the next one."""
    return Envelope(code=200, data=await service.list_page(params), message="OK")


@router.post(
    "",
    status_code=201,
    summary="Create a Series",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 409, 422),
)
async def create_series(
    payload: SeriesCreate, service: SeriesServiceDep
) -> Envelope[SeriesResponse]:
    """Create a Series."""
    return Envelope(code=201, data=await service.create(payload), message="Created")


@router.get(
    "/{series_id}",
    summary="Get a Series",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 422),
)
async def get_series(series_id: SeriesId, service: SeriesServiceDep) -> Envelope[SeriesResponse]:
    """The Series with this id."""
    return Envelope(code=200, data=await service.get(series_id), message="OK")


@router.patch(
    "/{series_id}",
    summary="Update a Series",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def update_series(
    series_id: SeriesId, payload: SeriesUpdate, service: SeriesServiceDep
) -> Envelope[SeriesResponse]:
    """Change the fields sent; the others keep their values."""
    return Envelope(code=200, data=await service.update(series_id, payload), message="OK")


@router.delete(
    "/{series_id}",
    summary="Delete a Series",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def delete_series(series_id: SeriesId, service: SeriesServiceDep) -> Envelope[None]:
    """Delete the Series."""
    await service.delete(series_id)
    return Envelope(code=200, data=None, message="Deleted")
