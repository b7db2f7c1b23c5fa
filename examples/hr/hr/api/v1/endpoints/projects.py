"""HTTP endpoints of Project: parse the request, call one service method, wrap the result."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from hr.api.deps import SessionDep, get_current_user
from hr.schemas.envelope import CursorPage, Envelope, error_responses
from hr.schemas.ProjectSchema import (
    ProjectCreate,
    ProjectListParams,
    ProjectResponse,
    ProjectUpdate,
)
from hr.services.ProjectService import ProjectService

router = APIRouter(prefix="/projects", tags=["projects"])


async def get_project_service(session: SessionDep) -> ProjectService:
    """Provide a ProjectService bound to the request's session."""
    return ProjectService(session)


ProjectServiceDep = Annotated[ProjectService, Depends(get_project_service)]
ProjectId = Annotated[int, Path(ge=1, le=2147483647)]


@router.get(
    "",
    summary="List projects",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 422),
)
async def list_projects(
    service: ProjectServiceDep, params: Annotated[ProjectListParams, Query()]
) -> Envelope[CursorPage[ProjectResponse]]:
    """A page of projects; pass `next_cursor` back as `cursor` for the next one."""
    return Envelope(code=200, data=await service.list_page(params), message="OK")


@router.post(
    "",
    status_code=201,
    summary="Create a Project",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 409, 422),
)
async def create_project(
    payload: ProjectCreate, service: ProjectServiceDep
) -> Envelope[ProjectResponse]:
    """Create a Project."""
    return Envelope(code=201, data=await service.create(payload), message="Created")


@router.get(
    "/{project_id}",
    summary="Get a Project",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 422),
)
async def get_project(
    project_id: ProjectId, service: ProjectServiceDep
) -> Envelope[ProjectResponse]:
    """The Project with this id."""
    return Envelope(code=200, data=await service.get(project_id), message="OK")


@router.patch(
    "/{project_id}",
    summary="Update a Project",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def update_project(
    project_id: ProjectId, payload: ProjectUpdate, service: ProjectServiceDep
) -> Envelope[ProjectResponse]:
    """Change the fields sent; the others keep their values."""
    return Envelope(code=200, data=await service.update(project_id, payload), message="OK")


@router.delete(
    "/{project_id}",
    summary="Delete a Project",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def delete_project(project_id: ProjectId, service: ProjectServiceDep) -> Envelope[None]:
    """Delete the Project."""
    await service.delete(project_id)
    return Envelope(code=200, data=None, message="Deleted")
