"""HTTP endpoints of Goal: parse the request, call one service method, wrap the result."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from app.api.deps import CurrentUser, SessionDep
from app.schemas.envelope import CursorPage, Envelope, error_responses
from app.schemas.GoalSchema import GoalCreate, GoalListParams, GoalResponse, GoalUpdate
from app.services.GoalService import GoalService

router = APIRouter(prefix="/goals", tags=["goals"])


async def get_goal_service(session: SessionDep, user: CurrentUser) -> GoalService:
    """Provide a GoalService that reads and writes only the caller's rows."""
    return GoalService(session, owner_id=user.id)


GoalServiceDep = Annotated[GoalService, Depends(get_goal_service)]
GoalId = Annotated[int, Path(ge=1, le=2147483647)]


@router.get("", summary="List goals", responses=error_responses(401, 422))
async def list_goals(
    service: GoalServiceDep, params: Annotated[GoalListParams, Query()]
) -> Envelope[CursorPage[GoalResponse]]:
    """A page of goals; pass `next_cursor` back as `cursor` for the next one."""
    return Envelope(code=200, data=await service.list_page(params), message="OK")


@router.post("", status_code=201, summary="Create a Goal", responses=error_responses(401, 409, 422))
async def create_goal(payload: GoalCreate, service: GoalServiceDep) -> Envelope[GoalResponse]:
    """Create a Goal."""
    return Envelope(code=201, data=await service.create(payload), message="Created")


@router.get("/{goal_id}", summary="Get a Goal", responses=error_responses(401, 404, 422))
async def get_goal(goal_id: GoalId, service: GoalServiceDep) -> Envelope[GoalResponse]:
    """The Goal with this id."""
    return Envelope(code=200, data=await service.get(goal_id), message="OK")


@router.patch("/{goal_id}", summary="Update a Goal", responses=error_responses(401, 404, 409, 422))
async def update_goal(
    goal_id: GoalId, payload: GoalUpdate, service: GoalServiceDep
) -> Envelope[GoalResponse]:
    """Change the fields sent; the others keep their values."""
    return Envelope(code=200, data=await service.update(goal_id, payload), message="OK")


@router.delete("/{goal_id}", summary="Delete a Goal", responses=error_responses(401, 404, 409, 422))
async def delete_goal(goal_id: GoalId, service: GoalServiceDep) -> Envelope[None]:
    """Delete the Goal."""
    await service.delete(goal_id)
    return Envelope(code=200, data=None, message="Deleted")
