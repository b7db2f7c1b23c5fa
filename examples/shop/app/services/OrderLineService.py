"""Business rules of OrderLine: checks beyond the schema, and the unit of work."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.errors import InvalidReferenceError, NotFoundError
from app.models.OrderLine import OrderLine
from app.repositories.OrderLineRepository import OrderLineRepository
from app.repositories.OrderRepository import OrderRepository
from app.repositories.ProductRepository import ProductRepository
from app.schemas.envelope import CursorPage
from app.schemas.OrderLineSchema import (
    OrderLineCreate,
    OrderLineListParams,
    OrderLineResponse,
    OrderLineUpdate,
)


class OrderLineService:
    """Use cases of OrderLine; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession) -> None:
        self._order_lines = OrderLineRepository(session)
        self._orders = OrderRepository(session)
        self._products = ProductRepository(session)

    async def list_page(self, params: OrderLineListParams) -> CursorPage[OrderLineResponse]:
        """One page of order lines."""
        rows, next_cursor = await self._order_lines.list_page(params)
        items = [OrderLineResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, order_line_id: int) -> OrderLineResponse:
        """The OrderLine with this id; NotFoundError if there is none."""
        return OrderLineResponse.model_validate(await self._get(order_line_id))

    async def create(self, payload: OrderLineCreate) -> OrderLineResponse:
        """Create an OrderLine and commit it."""
        values = payload.model_dump()
        await self._check_order(values["order_id"])
        await self._check_product(values["product_id"])
        order_line = await self._order_lines.add(values)
        await self._order_lines.commit()
        return OrderLineResponse.model_validate(order_line)

    async def update(self, order_line_id: int, payload: OrderLineUpdate) -> OrderLineResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        order_line = await self._get(order_line_id)
        values = payload.model_dump(exclude_unset=True)
        await self._check_order(values.get("order_id"))
        await self._check_product(values.get("product_id"))
        order_line = await self._order_lines.update(order_line, values)
        await self._order_lines.commit()
        return OrderLineResponse.model_validate(order_line)

    async def delete(self, order_line_id: int) -> None:
        """Delete the OrderLine and commit; NotFoundError if there is none."""
        order_line = await self._get(order_line_id)
        await self._order_lines.delete(order_line)
        await self._order_lines.commit()

    async def _get(self, order_line_id: int) -> OrderLine:
        order_line = await self._order_lines.get(order_line_id)
        if order_line is None:
            raise NotFoundError.for_entity("OrderLine", order_line_id)
        return order_line

    async def _check_order(self, order_id: int | None) -> None:
        """Refuse an order_id that names no Order."""
        if order_id is not None and not await self._orders.exists(order_id):
            raise InvalidReferenceError(f"order_id: Order {order_id} does not exist")

    async def _check_product(self, product_id: int | None) -> None:
        """Refuse a product_id that names no Product."""
        if product_id is not None and not await self._products.exists(product_id):
            raise InvalidReferenceError(f"product_id: Product {product_id} does not exist")
