"""Business rules of Tag: checks beyond the schema, and the unit of work."""

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.cache import ReadCache
from app.core.errors import NotFoundError
from app.core.worker import enqueue
from app.models.Tag import Tag
from app.repositories.TagRepository import TagRepository
from app.schemas.envelope import CursorPage
from app.schemas.TagSchema import TagCreate, TagListParams, TagResponse, TagUpdate
from app.tasks.TagTasks import tag_created

_cache = ReadCache("Tag", ttl=5)


class TagService:
    """Use cases of Tag; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession) -> None:
        self._tags = TagRepository(session)

    async def list_page(self, params: TagListParams) -> CursorPage[TagResponse]:
        """One page of tags."""
        return await _cache.read(
            CursorPage[TagResponse],
            "list",
            params.model_dump_json(),
            lambda: self._list_page(params),
        )

    async def _list_page(self, params: TagListParams) -> CursorPage[TagResponse]:
        rows, next_cursor = await self._tags.list_page(params)
        items = [TagResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, tag_id: UUID) -> TagResponse:
        """The Tag with this id; NotFoundError if there is none."""
        return await _cache.read(TagResponse, "get", str(tag_id), lambda: self._read(tag_id))

    async def _read(self, tag_id: UUID) -> TagResponse:
        return TagResponse.model_validate(await self._get(tag_id))

    async def create(self, payload: TagCreate) -> TagResponse:
        """Create a Tag and commit it."""
        values = payload.model_dump()
        tag = await self._tags.add(values)
        await self._tags.commit()
        await _cache.invalidate()
        await enqueue(tag_created, tag.id)
        return TagResponse.model_validate(tag)

    async def update(self, tag_id: UUID, payload: TagUpdate) -> TagResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        tag = await self._get(tag_id)
        values = payload.model_dump(exclude_unset=True)
        tag = await self._tags.update(tag, values)
        await self._tags.commit()
        await _cache.invalidate()
        return TagResponse.model_validate(tag)

    async def delete(self, tag_id: UUID) -> None:
        """Delete the Tag and commit; NotFoundError if there is none."""
        tag = await self._get(tag_id)
        await self._tags.delete(tag)
        await self._tags.commit()
        await _cache.invalidate()

    async def _get(self, tag_id: UUID) -> Tag:
        tag = await self._tags.get(tag_id)
        if tag is None:
            raise NotFoundError.for_entity("Tag", tag_id)
        return tag
