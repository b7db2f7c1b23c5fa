"""HTTP endpoints of Department: parse the request, call one service method, wrap the result."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from hr.api.deps import SessionDep, get_current_user
from hr.schemas.DepartmentSchema import (
    DepartmentCreate,
    DepartmentListParams,
    DepartmentResponse,
    DepartmentUpdate,
)
from hr.schemas.envelope import CursorPage, Envelope, error_responses
from hr.services.DepartmentService import DepartmentService

router = APIRouter(prefix="/departments", tags=["departments"])


async def get_department_service(session: SessionDep) -> DepartmentService:
    """Provide a DepartmentService bound to the request's session."""
    return DepartmentService(session)


DepartmentServiceDep = Annotated[DepartmentService, Depends(get_department_service)]
DepartmentId = Annotated[int, Path(ge=1, le=2147483647)]


@router.get(
    "",
    summary="List departments",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 422),
)
async def list_departments(
    service: DepartmentServiceDep, params: Annotated[DepartmentListParams, Query()]
) -> Envelope[CursorPage[DepartmentResponse]]:
    """A page of departments; pass `next_cursor` back as `cursor` for the next one."""
    return Envelope(code=200, data=await service.list_page(params), message="OK")


@router.post(
    "",
    status_code=201,
    summary="Create a Department",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 409, 422),
)
async def create_department(
    payload: DepartmentCreate, service: DepartmentServiceDep
) -> Envelope[DepartmentResponse]:
    """Create a Department."""
    return Envelope(code=201, data=await service.create(payload), message="Created")


@router.get(
    "/{department_id}",
    summary="Get a Department",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 422),
)
async def get_department(
    department_id: DepartmentId, service: DepartmentServiceDep
) -> Envelope[DepartmentResponse]:
    """The Department with this id."""
    return Envelope(code=200, data=await service.get(department_id), message="OK")


@router.patch(
    "/{department_id}",
    summary="Update a Department",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def update_department(
    department_id: DepartmentId, payload: DepartmentUpdate, service: DepartmentServiceDep
) -> Envelope[DepartmentResponse]:
    """Change the fields sent; the others keep their values."""
    return Envelope(code=200, data=await service.update(department_id, payload), message="OK")


@router.delete(
    "/{department_id}",
    summary="Delete a Department",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def delete_department(
    department_id: DepartmentId, service: DepartmentServiceDep
) -> Envelope[None]:
    """Delete the Department."""
    await service.delete(department_id)
    return Envelope(code=200, data=None, message="Deleted")
