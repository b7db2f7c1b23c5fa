"""Business rules of Order: checks beyond the schema, and the unit of work."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.errors import InvalidReferenceError, NotFoundError
from app.core.worker import enqueue
from app.models.Order import Order
from app.repositories.CustomerRepository import CustomerRepository
from app.repositories.OrderRepository import OrderRepository
from app.schemas.envelope import CursorPage
from app.schemas.OrderSchema import OrderCreate, OrderListParams, OrderResponse, OrderUpdate
from app.tasks.OrderTasks import order_created


class OrderService:
    """Use cases of Order; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession) -> None:
        self._orders = OrderRepository(session)
        self._customers = CustomerRepository(session)

    async def list_page(self, params: OrderListParams) -> CursorPage[OrderResponse]:
        """One page of orders."""
        rows, next_cursor = await self._orders.list_page(params)
        items = [OrderResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, order_id: int) -> OrderResponse:
        """The Order with this id; NotFoundError if there is none."""
        return OrderResponse.model_validate(await self._get(order_id))

    async def create(self, payload: OrderCreate) -> OrderResponse:
        """Create an Order and commit it."""
        values = payload.model_dump()
        await self._check_customer(values["customer_id"])
        order = await self._orders.add(values)
        await self._orders.commit()
        await enqueue(order_created, order.id)
        return OrderResponse.model_validate(order)

    async def update(self, order_id: int, payload: OrderUpdate) -> OrderResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        order = await self._get(order_id)
        values = payload.model_dump(exclude_unset=True)
        await self._check_customer(values.get("customer_id"))
        order = await self._orders.update(order, values)
        await self._orders.commit()
        return OrderResponse.model_validate(order)

    async def delete(self, order_id: int) -> None:
        """Delete the Order and commit; NotFoundError if there is none."""
        order = await self._get(order_id)
        await self._orders.delete(order)
        await self._orders.commit()

    async def _get(self, order_id: int) -> Order:
        order = await self._orders.get(order_id)
        if order is None:
            raise NotFoundError.for_entity("Order", order_id)
        return order

    async def _check_customer(self, customer_id: int | None) -> None:
        """Refuse a customer_id that names no Customer."""
        if customer_id is not None and not await self._customers.exists(customer_id):
            raise InvalidReferenceError(f"customer_id: Customer {customer_id} does not exist")
