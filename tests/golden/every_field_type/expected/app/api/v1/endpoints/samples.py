"""HTTP endpoints of Sample: parse the request, call one service method, wrap the result."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from app.api.deps import SessionDep, get_current_user
from app.schemas.envelope import CursorPage, Envelope, error_responses
from app.schemas.SampleSchema import SampleCreate, SampleListParams, SampleResponse, SampleUpdate
from app.services.SampleService import SampleService

router = APIRouter(prefix="/samples", tags=["samples"])


async def get_sample_service(session: SessionDep) -> SampleService:
    """Provide a SampleService bound to the request's session."""
    return SampleService(session)


SampleServiceDep = Annotated[SampleService, Depends(get_sample_service)]
SampleId = Annotated[int, Path(ge=1, le=2147483647)]


@router.get(
    "",
    summary="List samples",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 422),
)
async def list_samples(
    service: SampleServiceDep, params: Annotated[SampleListParams, Query()]
) -> Envelope[CursorPage[SampleResponse]]:
    """A page of samples; pass `next_cursor` back as `cursor` for the next one."""
    return Envelope(code=200, data=await service.list_page(params), message="OK")


@router.post(
    "",
    status_code=201,
    summary="Create a Sample",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 409, 422),
)
async def create_sample(
    payload: SampleCreate, service: SampleServiceDep
) -> Envelope[SampleResponse]:
    """Create a Sample."""
    return Envelope(code=201, data=await service.create(payload), message="Created")


@router.get(
    "/{sample_id}",
    summary="Get a Sample",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 422),
)
async def get_sample(sample_id: SampleId, service: SampleServiceDep) -> Envelope[SampleResponse]:
    """The Sample with this id."""
    return Envelope(code=200, data=await service.get(sample_id), message="OK")


@router.patch(
    "/{sample_id}",
    summary="Update a Sample",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def update_sample(
    sample_id: SampleId, payload: SampleUpdate, service: SampleServiceDep
) -> Envelope[SampleResponse]:
    """Change the fields sent; the others keep their values."""
    return Envelope(code=200, data=await service.update(sample_id, payload), message="OK")


@router.delete(
    "/{sample_id}",
    summary="Delete a Sample",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def delete_sample(sample_id: SampleId, service: SampleServiceDep) -> Envelope[None]:
    """Delete the Sample."""
    await service.delete(sample_id)
    return Envelope(code=200, data=None, message="Deleted")
