"""Business rules of Tag: checks beyond the schema, and the unit of work."""

from sqlalchemy.ext.asyncio import AsyncSession

from shop_api.core.errors import NotFoundError
from shop_api.models.tag import Tag
from shop_api.repositories.tag_repository import TagRepository
from shop_api.schemas.envelope import CursorPage
from shop_api.schemas.tag_schema import TagCreate, TagListParams, TagResponse, TagUpdate


class TagService:
    """Use cases of Tag; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession) -> None:
        self._tags = TagRepository(session)

    async def list_page(self, params: TagListParams) -> CursorPage[TagResponse]:
        """One page of tags."""
        rows, next_cursor = await self._tags.list_page(params)
        items = [TagResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, tag_id: int) -> TagResponse:
        """The Tag with this id; NotFoundError if there is none."""
        return TagResponse.model_validate(await self._get(tag_id))

    async def create(self, payload: TagCreate) -> TagResponse:
        """Create a Tag and commit it."""
        values = payload.model_dump()
        tag = await self._tags.add(values)
        await self._tags.commit()
        return TagResponse.model_validate(tag)

    async def update(self, tag_id: int, payload: TagUpdate) -> TagResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        tag = await self._get(tag_id)
        values = payload.model_dump(exclude_unset=True)
        tag = await self._tags.update(tag, values)
        await self._tags.commit()
        return TagResponse.model_validate(tag)

    async def delete(self, tag_id: int) -> None:
        """Delete the Tag and commit; NotFoundError if there is none."""
        tag = await self._get(tag_id)
        await self._tags.delete(tag)
        await self._tags.commit()

    async def _get(self, tag_id: int) -> Tag:
        tag = await self._tags.get(tag_id)
        if tag is None:
            raise NotFoundError.for_entity("Tag", tag_id)
        return tag
