"""Business rules of Series: checks beyond the schema, and the unit of work."""

from sqlalchemy.ext.asyncio import AsyncSession

from zoo.core.errors import NotFoundError
from zoo.models.Series import Series
from zoo.repositories.SeriesRepository import SeriesRepository
from zoo.schemas.envelope import CursorPage
from zoo.schemas.SeriesSchema import SeriesCreate, SeriesListParams, SeriesResponse, SeriesUpdate


class SeriesService:
    """Use cases of Series; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession) -> None:
        self._series = SeriesRepository(session)

    async def list_page(self, params: SeriesListParams) -> CursorPage[SeriesResponse]:
        """One page of series."""
        rows, next_cursor = await self._series.list_page(params)
        items = [SeriesResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, series_id: int) -> SeriesResponse:
        """The Series with this id; NotFoundError if there is none."""
        return SeriesResponse.model_validate(await self._get(series_id))

    async def create(self, payload: SeriesCreate) -> SeriesResponse:
        """Create a Series and commit it."""
        values = payload.model_dump()
        series = await self._series.add(values)
        await self._series.commit()
        return SeriesResponse.model_validate(series)

    async def update(self, series_id: int, payload: SeriesUpdate) -> SeriesResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        series = await self._get(series_id)
        values = payload.model_dump(exclude_unset=True)
        series = await self._series.update(series, values)
        await self._series.commit()
        return SeriesResponse.model_validate(series)

    async def delete(self, series_id: int) -> None:
        """Delete the Series and commit; NotFoundError if there is none."""
        series = await self._get(series_id)
        await self._series.delete(series)
        await self._series.commit()

    async def _get(self, series_id: int) -> Series:
        series = await self._series.get(series_id)
        if series is None:
            raise NotFoundError.for_entity("Series", series_id)
        return series
