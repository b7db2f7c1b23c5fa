"""Business rules of Category: checks beyond the schema, and the unit of work."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.cache import invalidate
from app.core.errors import InvalidReferenceError, NotFoundError
from app.models.Category import Category
from app.repositories.CategoryRepository import CategoryRepository
from app.schemas.CategorySchema import (
    CategoryCreate,
    CategoryListParams,
    CategoryResponse,
    CategoryUpdate,
)
from app.schemas.envelope import CursorPage


class CategoryService:
    """Use cases of Category; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession) -> None:
        self._categories = CategoryRepository(session)

    async def list_page(self, params: CategoryListParams) -> CursorPage[CategoryResponse]:
        """One page of categories."""
        rows, next_cursor = await self._categories.list_page(params)
        items = [CategoryResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, category_id: int) -> CategoryResponse:
        """The Category with this id; NotFoundError if there is none."""
        return CategoryResponse.model_validate(await self._get(category_id))

    async def create(self, payload: CategoryCreate) -> CategoryResponse:
        """Create a Category and commit it."""
        values = payload.model_dump()
        await self._check_parent(values["parent_id"])
        category = await self._categories.add(values)
        await self._categories.commit()
        return CategoryResponse.model_validate(category)

    async def update(self, category_id: int, payload: CategoryUpdate) -> CategoryResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        category = await self._get(category_id)
        values = payload.model_dump(exclude_unset=True)
        await self._check_parent(values.get("parent_id"))
        category = await self._categories.update(category, values)
        await self._categories.commit()
        return CategoryResponse.model_validate(category)

    async def delete(self, category_id: int) -> None:
        """Delete the Category and commit; NotFoundError if there is none."""
        category = await self._get(category_id)
        await self._categories.delete(category)
        await self._categories.commit()
        await invalidate("Product")

    async def _get(self, category_id: int) -> Category:
        category = await self._categories.get(category_id)
        if category is None:
            raise NotFoundError.for_entity("Category", category_id)
        return category

    async def _check_parent(self, parent_id: int | None) -> None:
        """Refuse a parent_id that names no Category."""
        if parent_id is not None and not await self._categories.exists(parent_id):
            raise InvalidReferenceError(f"parent_id: Category {parent_id} does not exist")
