"""HTTP endpoints of Badge: parse the request, call one service method, wrap the result."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from hr.api.deps import SessionDep, get_current_user
from hr.schemas.BadgeSchema import BadgeCreate, BadgeListParams, BadgeResponse, BadgeUpdate
from hr.schemas.envelope import CursorPage, Envelope, error_responses
from hr.services.BadgeService import BadgeService

router = APIRouter(prefix="/badges", tags=["badges"])


async def get_badge_service(session: SessionDep) -> BadgeService:
    """Provide a BadgeService bound to the request's session."""
    return BadgeService(session)


BadgeServiceDep = Annotated[BadgeService, Depends(get_badge_service)]
BadgeId = Annotated[int, Path(ge=1, le=2147483647)]


@router.get(
    "",
    summary="List badges",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 422),
)
async def list_badges(
    service: BadgeServiceDep, params: Annotated[BadgeListParams, Query()]
) -> Envelope[CursorPage[BadgeResponse]]:
    """A page of badges; pass `next_cursor` back as `cursor` for the next one."""
    return Envelope(code=200, data=await service.list_page(params), message="OK")


@router.post(
    "",
    status_code=201,
    summary="Create a Badge",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 409, 422),
)
async def create_badge(payload: BadgeCreate, service: BadgeServiceDep) -> Envelope[BadgeResponse]:
    """Create a Badge."""
    return Envelope(code=201, data=await service.create(payload), message="Created")


@router.get(
    "/{badge_id}",
    summary="Get a Badge",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 422),
)
async def get_badge(badge_id: BadgeId, service: BadgeServiceDep) -> Envelope[BadgeResponse]:
    """The Badge with this id."""
    return Envelope(code=200, data=await service.get(badge_id), message="OK")


@router.patch(
    "/{badge_id}",
    summary="Update a Badge",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def update_badge(
    badge_id: BadgeId, payload: BadgeUpdate, service: BadgeServiceDep
) -> Envelope[BadgeResponse]:
    """Change the fields sent; the others keep their values."""
    return Envelope(code=200, data=await service.update(badge_id, payload), message="OK")


@router.delete(
    "/{badge_id}",
    summary="Delete a Badge",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 409, 422),
)
async def delete_badge(badge_id: BadgeId, service: BadgeServiceDep) -> Envelope[None]:
    """Delete the Badge."""
    await service.delete(badge_id)
    return Envelope(code=200, data=None, message="Deleted")
