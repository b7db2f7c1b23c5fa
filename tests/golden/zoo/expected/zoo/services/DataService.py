"""Business rules of Data: checks beyond the schema, and the unit of work."""

from sqlalchemy.ext.asyncio import AsyncSession

from zoo.core.errors import InvalidReferenceError, NotFoundError
from zoo.models.Data import Data
from zoo.repositories.DataRepository import DataRepository
from zoo.repositories.SeriesRepository import SeriesRepository
from zoo.schemas.DataSchema import DataCreate, DataListParams, DataResponse, DataUpdate
from zoo.schemas.envelope import CursorPage


class DataService:
    """Use cases of Data; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession) -> None:
        self._data = DataRepository(session)
        self._series = SeriesRepository(session)

    async def list_page(self, params: DataListParams) -> CursorPage[DataResponse]:
        """One page of data."""
        rows, next_cursor = await self._data.list_page(params)
        items = [DataResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, data_id: int) -> DataResponse:
        """The Data with this id; NotFoundError if there is none."""
        return DataResponse.model_validate(await self._get(data_id))

    async def create(self, payload: DataCreate) -> DataResponse:
        """Create a Data and commit it."""
        values = payload.model_dump()
        await self._check_series(values["series_id"])
        data = await self._data.add(values)
        await self._data.commit()
        return DataResponse.model_validate(data)

    async def update(self, data_id: int, payload: DataUpdate) -> DataResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        data = await self._get(data_id)
        values = payload.model_dump(exclude_unset=True)
        await self._check_series(values.get("series_id"))
        data = await self._data.update(data, values)
        await self._data.commit()
        return DataResponse.model_validate(data)

    async def delete(self, data_id: int) -> None:
        """Delete the Data and commit; NotFoundError if there is none."""
        data = await self._get(data_id)
        await self._data.delete(data)
        await self._data.commit()

    async def _get(self, data_id: int) -> Data:
        data = await self._data.get(data_id)
        if data is None:
            raise NotFoundError.for_entity("Data", data_id)
        return data

    async def _check_series(self, series_id: int | None) -> None:
        """Refuse a series_id that names no Series."""
        if series_id is not None and not await self._series.exists(series_id):
            raise InvalidReferenceError(f"series_id: Series {series_id} does not exist")
