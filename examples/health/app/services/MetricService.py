"""Business rules of Metric: checks beyond the schema, and the unit of work."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.cache import ReadCache, invalidate
from app.core.errors import NotFoundError
from app.models.Metric import Metric
from app.repositories.MetricRepository import MetricRepository
from app.schemas.envelope import CursorPage
from app.schemas.MetricSchema import MetricCreate, MetricListParams, MetricResponse, MetricUpdate

_cache = ReadCache("Metric", ttl=300)


class MetricService:
    """Use cases of Metric; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession) -> None:
        self._metrics = MetricRepository(session)

    async def list_page(self, params: MetricListParams) -> CursorPage[MetricResponse]:
        """One page of metrics."""
        return await _cache.read(
            CursorPage[MetricResponse],
            "list",
            params.model_dump_json(),
            lambda: self._list_page(params),
        )

    async def _list_page(self, params: MetricListParams) -> CursorPage[MetricResponse]:
        rows, next_cursor = await self._metrics.list_page(params)
        items = [MetricResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, metric_id: int) -> MetricResponse:
        """The Metric with this id; NotFoundError if there is none."""
        return await _cache.read(
            MetricResponse, "get", str(metric_id), lambda: self._read(metric_id)
        )

    async def _read(self, metric_id: int) -> MetricResponse:
        return MetricResponse.model_validate(await self._get(metric_id))

    async def create(self, payload: MetricCreate) -> MetricResponse:
        """Create a Metric and commit it."""
        values = payload.model_dump()
        metric = await self._metrics.add(values)
        await self._metrics.commit()
        await _cache.invalidate()
        return MetricResponse.model_validate(metric)

    async def update(self, metric_id: int, payload: MetricUpdate) -> MetricResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        metric = await self._get(metric_id)
        values = payload.model_dump(exclude_unset=True)
        metric = await self._metrics.update(metric, values)
        await self._metrics.commit()
        await _cache.invalidate()
        return MetricResponse.model_validate(metric)

    async def delete(self, metric_id: int) -> None:
        """Delete the Metric and commit; NotFoundError if there is none."""
        metric = await self._get(metric_id)
        await self._metrics.delete(metric)
        await self._metrics.commit()
        await _cache.invalidate()
        await invalidate("Measurement")

    async def _get(self, metric_id: int) -> Metric:
        metric = await self._metrics.get(metric_id)
        if metric is None:
            raise NotFoundError.for_entity("Metric", metric_id)
        return metric
