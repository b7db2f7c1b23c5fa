"""Business rules of Measurement: checks beyond the schema, and the unit of work."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.cache import ReadCache
from app.core.errors import InvalidReferenceError, NotFoundError
from app.models.Measurement import Measurement
from app.repositories.GoalRepository import GoalRepository
from app.repositories.MeasurementRepository import MeasurementRepository
from app.repositories.MetricRepository import MetricRepository
from app.schemas.envelope import CursorPage
from app.schemas.MeasurementSchema import (
    MeasurementCreate,
    MeasurementListParams,
    MeasurementResponse,
    MeasurementUpdate,
)

_cache = ReadCache("Measurement", ttl=60)


class MeasurementService:
    """Use cases of Measurement; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession, *, owner_id: int) -> None:
        self._measurements = MeasurementRepository(session, owner_id=owner_id)
        self._owner_id = owner_id
        self._metrics = MetricRepository(session)
        self._goals = GoalRepository(session, owner_id=owner_id)

    async def list_page(self, params: MeasurementListParams) -> CursorPage[MeasurementResponse]:
        """One page of measurements."""
        return await _cache.read(
            CursorPage[MeasurementResponse],
            "list",
            params.model_dump_json(),
            lambda: self._list_page(params),
            scope=str(self._owner_id),
        )

    async def _list_page(self, params: MeasurementListParams) -> CursorPage[MeasurementResponse]:
        rows, next_cursor = await self._measurements.list_page(params)
        items = [MeasurementResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, measurement_id: int) -> MeasurementResponse:
        """The Measurement with this id; NotFoundError if there is none."""
        return await _cache.read(
            MeasurementResponse,
            "get",
            str(measurement_id),
            lambda: self._read(measurement_id),
            scope=str(self._owner_id),
        )

    async def _read(self, measurement_id: int) -> MeasurementResponse:
        return MeasurementResponse.model_validate(await self._get(measurement_id))

    async def create(self, payload: MeasurementCreate) -> MeasurementResponse:
        """Create a Measurement and commit it."""
        values = payload.model_dump()
        await self._check_metric(values["metric_id"])
        await self._check_goal(values["goal_id"])
        measurement = await self._measurements.add(values)
        await self._measurements.commit()
        await _cache.invalidate()
        return MeasurementResponse.model_validate(measurement)

    async def update(self, measurement_id: int, payload: MeasurementUpdate) -> MeasurementResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        measurement = await self._get(measurement_id)
        values = payload.model_dump(exclude_unset=True)
        await self._check_metric(values.get("metric_id"))
        await self._check_goal(values.get("goal_id"))
        measurement = await self._measurements.update(measurement, values)
        await self._measurements.commit()
        await _cache.invalidate()
        return MeasurementResponse.model_validate(measurement)

    async def delete(self, measurement_id: int) -> None:
        """Delete the Measurement and commit; NotFoundError if there is none."""
        measurement = await self._get(measurement_id)
        await self._measurements.delete(measurement)
        await self._measurements.commit()
        await _cache.invalidate()

    async def _get(self, measurement_id: int) -> Measurement:
        measurement = await self._measurements.get(measurement_id)
        if measurement is None:
            raise NotFoundError.for_entity("Measurement", measurement_id)
        return measurement

    async def _check_metric(self, metric_id: int | None) -> None:
        """Refuse a metric_id that names no Metric."""
        if metric_id is not None and not await self._metrics.exists(metric_id):
            raise InvalidReferenceError(f"metric_id: Metric {metric_id} does not exist")

    async def _check_goal(self, goal_id: int | None) -> None:
        """Refuse a goal_id that names no Goal."""
        if goal_id is not None and not await self._goals.exists(goal_id):
            raise InvalidReferenceError(f"goal_id: Goal {goal_id} does not exist")
