"""Business rules of Product: checks beyond the schema, and the unit of work."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.cache import ReadCache
from app.core.errors import InvalidReferenceError, NotFoundError
from app.models.Product import Product
from app.repositories.CategoryRepository import CategoryRepository
from app.repositories.ProductRepository import ProductRepository
from app.schemas.envelope import CursorPage
from app.schemas.ProductSchema import (
    ProductCreate,
    ProductListParams,
    ProductResponse,
    ProductUpdate,
)

_cache = ReadCache("Product", ttl=60)


class ProductService:
    """Use cases of Product; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession) -> None:
        self._products = ProductRepository(session)
        self._categories = CategoryRepository(session)

    async def list_page(self, params: ProductListParams) -> CursorPage[ProductResponse]:
        """One page of products."""
        return await _cache.read(
            CursorPage[ProductResponse],
            "list",
            params.model_dump_json(),
            lambda: self._list_page(params),
        )

    async def _list_page(self, params: ProductListParams) -> CursorPage[ProductResponse]:
        rows, next_cursor = await self._products.list_page(params)
        items = [ProductResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, product_id: int) -> ProductResponse:
        """The Product with this id; NotFoundError if there is none."""
        return await _cache.read(
            ProductResponse, "get", str(product_id), lambda: self._read(product_id)
        )

    async def _read(self, product_id: int) -> ProductResponse:
        return ProductResponse.model_validate(await self._get(product_id))

    async def create(self, payload: ProductCreate) -> ProductResponse:
        """Create a Product and commit it."""
        values = payload.model_dump()
        await self._check_category(values["category_id"])
        product = await self._products.add(values)
        await self._products.commit()
        await _cache.invalidate()
        return ProductResponse.model_validate(product)

    async def update(self, product_id: int, payload: ProductUpdate) -> ProductResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        product = await self._get(product_id)
        values = payload.model_dump(exclude_unset=True)
        await self._check_category(values.get("category_id"))
        product = await self._products.update(product, values)
        await self._products.commit()
        await _cache.invalidate()
        return ProductResponse.model_validate(product)

    async def delete(self, product_id: int) -> None:
        """Delete the Product and commit; NotFoundError if there is none."""
        product = await self._get(product_id)
        await self._products.delete(product)
        await self._products.commit()
        await _cache.invalidate()

    async def _get(self, product_id: int) -> Product:
        product = await self._products.get(product_id)
        if product is None:
            raise NotFoundError.for_entity("Product", product_id)
        return product

    async def _check_category(self, category_id: int | None) -> None:
        """Refuse a category_id that names no Category."""
        if category_id is not None and not await self._categories.exists(category_id):
            raise InvalidReferenceError(f"category_id: Category {category_id} does not exist")
