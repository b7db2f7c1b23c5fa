"""HTTP endpoints of Data: parse the request, call one service method, wrap the result."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from zoo.api.deps import SessionDep, get_current_user
from zoo.schemas.DataSchema import DataCreate, DataListParams, DataResponse, DataUpdate
from zoo.schemas.envelope import CursorPage, Envelope, error_responses
from zoo.services.DataService import DataService

router = APIRouter(prefix="/data-points", tags=["data-points"])


async def get_data_service(session: SessionDep) -> DataService:
    """Provide a DataService bound to the request's session."""
    return DataService(session)


DataServiceDep = Annotated[DataService, Depends(get_data_service)]
DataId = Annotated[int, Path(ge=1, le=2147483647)]


@router.get(
    "",
    summary="List data",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 422),
)
async def list_data(
    service: DataServiceDep, params: Annotated[DataListParams, Query()]
) -> Envelope[CursorPage[DataResponse]]:
    """A page of data; pass `next_cursor` back as `cursor` for the next one."""
    return Envelope(code=200, data=await service.list_page(params), message="OK")


@router.post(
    "",
    status_code=201,
    summary="Create a Data",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 409, 422),
)
async def create_data(payload: DataCreate, service: DataServiceDep) -> Envelope[DataResponse]:
    """Create a Data."""
    return Envelope(code=201, data=await service.create(payload), message="Created")


@router.get(
    "/{data_id}",
    summary="Get a Data",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 422),
)
async def get_data(data_id: DataId, service: DataServiceDep) -> Envelope[DataResponse]:
    """The Data with this id."""
    return Envelope(code=200, data=await service.get(data_id), message="OK")


@router.patch(
    "/{data_id}",
    summary="Update a Data",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def update_data(
    data_id: DataId, payload: DataUpdate, service: DataServiceDep
) -> Envelope[DataResponse]:
    """Change the fields sent; the others keep their values."""
    return Envelope(code=200, data=await service.update(data_id, payload), message="OK")


@router.delete(
    "/{data_id}",
    summary="Delete a Data",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def delete_data(data_id: DataId, service: DataServiceDep) -> Envelope[None]:
    """Delete the Data."""
    await service.delete(data_id)
    return Envelope(code=200, data=None, message="Deleted")
