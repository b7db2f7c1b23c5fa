"""HTTP endpoints of Skill: parse the request, call one service method, wrap the result."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from hr.api.deps import SessionDep, get_current_user
from hr.schemas.envelope import CursorPage, Envelope, error_responses
from hr.schemas.SkillSchema import SkillCreate, SkillListParams, SkillResponse, SkillUpdate
from hr.services.SkillService import SkillService

router = APIRouter(prefix="/skills", tags=["skills"])


async def get_skill_service(session: SessionDep) -> SkillService:
    """Provide a SkillService bound to the request's session."""
    return SkillService(session)


SkillServiceDep = Annotated[SkillService, Depends(get_skill_service)]
SkillId = Annotated[int, Path(ge=1, le=2147483647)]


@router.get(
    "",
    summary="List skills",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 422),
)
async def list_skills(
    service: SkillServiceDep, params: Annotated[SkillListParams, Query()]
) -> Envelope[CursorPage[SkillResponse]]:
    """A page of skills; pass `next_cursor` back as `cursor` for the next one."""
    return Envelope(code=200, data=await service.list_page(params), message="OK")


@router.post(
    "",
    status_code=201,
    summary="Create a Skill",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 409, 422),
)
async def create_skill(payload: SkillCreate, service: SkillServiceDep) -> Envelope[SkillResponse]:
    """Create a Skill."""
    return Envelope(code=201, data=await service.create(payload), message="Created")


@router.get(
    "/{skill_id}",
    summary="Get a Skill",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 422),
)
async def get_skill(skill_id: SkillId, service: SkillServiceDep) -> Envelope[SkillResponse]:
    """The Skill with this id."""
    return Envelope(code=200, data=await service.get(skill_id), message="OK")


@router.patch(
    "/{skill_id}",
    summary="Update a Skill",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def update_skill(
    skill_id: SkillId, payload: SkillUpdate, service: SkillServiceDep
) -> Envelope[SkillResponse]:
    """Change the fields sent; the others keep their values."""
    return Envelope(code=200, data=await service.update(skill_id, payload), message="OK")


@router.delete(
    "/{skill_id}",
    summary="Delete a Skill",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def delete_skill(skill_id: SkillId, service: SkillServiceDep) -> Envelope[None]:
    """Delete the Skill."""
    await service.delete(skill_id)
    return Envelope(code=200, data=None, message="Deleted")
