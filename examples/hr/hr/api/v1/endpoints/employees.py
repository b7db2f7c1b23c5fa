"""HTTP endpoints of Employee: parse the request, call one service method, wrap the result."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from hr.api.deps import SessionDep, get_current_user
from hr.schemas.EmployeeSchema import (
    EmployeeCreate,
    EmployeeListParams,
    EmployeeResponse,
    EmployeeUpdate,
)
from hr.schemas.envelope import CursorPage, Envelope, error_responses
from hr.services.EmployeeService import EmployeeService

router = APIRouter(prefix="/employees", tags=["employees"])


async def get_employee_service(session: SessionDep) -> EmployeeService:
    """Provide a EmployeeService bound to the request's session."""
    return EmployeeService(session)


EmployeeServiceDep = Annotated[EmployeeService, Depends(get_employee_service)]
EmployeeId = Annotated[int, Path(ge=1, le=2147483647)]


@router.get(
    "",
    summary="List employees",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 422),
)
async def list_employees(
    service: EmployeeServiceDep, params: Annotated[EmployeeListParams, Query()]
) -> Envelope[CursorPage[EmployeeResponse]]:
    """A page of employees; pass `next_cursor` back as `cursor` for the next one."""
    return Envelope(code=200, data=await service.list_page(params), message="OK")


@router.post(
    "",
    status_code=201,
    summary="Create an Employee",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 409, 422),
)
async def create_employee(
    payload: EmployeeCreate, service: EmployeeServiceDep
) -> Envelope[EmployeeResponse]:
    """Create an Employee."""
    return Envelope(code=201, data=await service.create(payload), message="Created")


@router.get(
    "/{employee_id}",
    summary="Get an Employee",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 422),
)
async def get_employee(
    employee_id: EmployeeId, service: EmployeeServiceDep
) -> Envelope[EmployeeResponse]:
    """The Employee with this id."""
    return Envelope(code=200, data=await service.get(employee_id), message="OK")


@router.patch(
    "/{employee_id}",
    summary="Update an Employee",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def update_employee(
    employee_id: EmployeeId, payload: EmployeeUpdate, service: EmployeeServiceDep
) -> Envelope[EmployeeResponse]:
    """Change the fields sent; the others keep their values."""
    return Envelope(code=200, data=await service.update(employee_id, payload), message="OK")


@router.delete(
    "/{employee_id}",
    summary="Delete an Employee",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def delete_employee(employee_id: EmployeeId, service: EmployeeServiceDep) -> Envelope[None]:
    """Delete the Employee."""
    await service.delete(employee_id)
    return Envelope(code=200, data=None, message="Deleted")
