"""Business rules of Customer: checks beyond the schema, and the unit of work."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.errors import NotFoundError
from app.models.Customer import Customer
from app.repositories.CustomerRepository import CustomerRepository
from app.schemas.CustomerSchema import (
    CustomerCreate,
    CustomerListParams,
    CustomerResponse,
    CustomerUpdate,
)
from app.schemas.envelope import CursorPage


class CustomerService:
    """Use cases of Customer; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession) -> None:
        self._customers = CustomerRepository(session)

    async def list_page(self, params: CustomerListParams) -> CursorPage[CustomerResponse]:
        """One page of customers."""
        rows, next_cursor = await self._customers.list_page(params)
        items = [CustomerResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, customer_id: int) -> CustomerResponse:
        """The Customer with this id; NotFoundError if there is none."""
        return CustomerResponse.model_validate(await self._get(customer_id))

    async def create(self, payload: CustomerCreate) -> CustomerResponse:
        """Create a Customer and commit it."""
        values = payload.model_dump()
        customer = await self._customers.add(values)
        await self._customers.commit()
        return CustomerResponse.model_validate(customer)

    async def update(self, customer_id: int, payload: CustomerUpdate) -> CustomerResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        customer = await self._get(customer_id)
        values = payload.model_dump(exclude_unset=True)
        customer = await self._customers.update(customer, values)
        await self._customers.commit()
        return CustomerResponse.model_validate(customer)

    async def delete(self, customer_id: int) -> None:
        """Delete the Customer and commit; NotFoundError if there is none."""
        customer = await self._get(customer_id)
        await self._customers.delete(customer)
        await self._customers.commit()

    async def _get(self, customer_id: int) -> Customer:
        customer = await self._customers.get(customer_id)
        if customer is None:
            raise NotFoundError.for_entity("Customer", customer_id)
        return customer
