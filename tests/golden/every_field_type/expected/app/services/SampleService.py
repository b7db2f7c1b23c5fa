"""Business rules of Sample: checks beyond the schema, and the unit of work."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.errors import NotFoundError
from app.models.Sample import Sample
from app.repositories.SampleRepository import SampleRepository
from app.schemas.envelope import CursorPage
from app.schemas.SampleSchema import SampleCreate, SampleListParams, SampleResponse, SampleUpdate


class SampleService:
    """Use cases of Sample; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession) -> None:
        self._samples = SampleRepository(session)

    async def list_page(self, params: SampleListParams) -> CursorPage[SampleResponse]:
        """One page of samples."""
        rows, next_cursor = await self._samples.list_page(params)
        items = [SampleResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, sample_id: int) -> SampleResponse:
        """The Sample with this id; NotFoundError if there is none."""
        return SampleResponse.model_validate(await self._get(sample_id))

    async def create(self, payload: SampleCreate) -> SampleResponse:
        """Create a Sample and commit it."""
        values = payload.model_dump()
        sample = await self._samples.add(values)
        await self._samples.commit()
        return SampleResponse.model_validate(sample)

    async def update(self, sample_id: int, payload: SampleUpdate) -> SampleResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        sample = await self._get(sample_id)
        values = payload.model_dump(exclude_unset=True)
        sample = await self._samples.update(sample, values)
        await self._samples.commit()
        return SampleResponse.model_validate(sample)

    async def delete(self, sample_id: int) -> None:
        """Delete the Sample and commit; NotFoundError if there is none."""
        sample = await self._get(sample_id)
        await self._samples.delete(sample)
        await self._samples.commit()

    async def _get(self, sample_id: int) -> Sample:
        sample = await self._samples.get(sample_id)
        if sample is None:
            raise NotFoundError.for_entity("Sample", sample_id)
        return sample
