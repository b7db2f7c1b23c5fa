"""Business rules of Goal: checks beyond the schema, and the unit of work."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.cache import invalidate
from app.core.errors import InvalidReferenceError, NotFoundError
from app.models.Goal import Goal
from app.repositories.GoalRepository import GoalRepository
from app.repositories.MetricRepository import MetricRepository
from app.schemas.envelope import CursorPage
from app.schemas.GoalSchema import GoalCreate, GoalListParams, GoalResponse, GoalUpdate


class GoalService:
    """Use cases of Goal; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession, *, owner_id: int) -> None:
        self._goals = GoalRepository(session, owner_id=owner_id)
        self._metrics = MetricRepository(session)

    async def list_page(self, params: GoalListParams) -> CursorPage[GoalResponse]:
        """One page of goals."""
        rows, next_cursor = await self._goals.list_page(params)
        items = [GoalResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, goal_id: int) -> GoalResponse:
        """The Goal with this id; NotFoundError if there is none."""
        return GoalResponse.model_validate(await self._get(goal_id))

    async def create(self, payload: GoalCreate) -> GoalResponse:
        """Create a Goal and commit it."""
        values = payload.model_dump()
        await self._check_metric(values["metric_id"])
        goal = await self._goals.add(values)
        await self._goals.commit()
        return GoalResponse.model_validate(goal)

    async def update(self, goal_id: int, payload: GoalUpdate) -> GoalResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        goal = await self._get(goal_id)
        values = payload.model_dump(exclude_unset=True)
        await self._check_metric(values.get("metric_id"))
        goal = await self._goals.update(goal, values)
        await self._goals.commit()
        return GoalResponse.model_validate(goal)

    async def delete(self, goal_id: int) -> None:
        """Delete the Goal and commit; NotFoundError if there is none."""
        goal = await self._get(goal_id)
        await self._goals.delete(goal)
        await self._goals.commit()
        await invalidate("Measurement")

    async def _get(self, goal_id: int) -> Goal:
        goal = await self._goals.get(goal_id)
        if goal is None:
            raise NotFoundError.for_entity("Goal", goal_id)
        return goal

    async def _check_metric(self, metric_id: int | None) -> None:
        """Refuse a metric_id that names no Metric."""
        if metric_id is not None and not await self._metrics.exists(metric_id):
            raise InvalidReferenceError(f"metric_id: Metric {metric_id} does not exist")
