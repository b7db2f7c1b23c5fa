"""The events of Order: a write enqueues its task once it has committed, and a write
that fails enqueues nothing. Tasks run eagerly in the tests (see `enqueued` in conftest)."""

from httpx import AsyncClient

from app.tasks.OrderTasks import order_created
from tests.api.factories import create_order, order_body
from tests.envelope import unwrap

ROUTE = "/api/v1/orders"

Enqueued = list[tuple[str, list[str]]]


async def test_creating_a_order_runs_order_created(client: AsyncClient, enqueued: Enqueued) -> None:
    created = await create_order(client)
    assert [args for name, args in enqueued if name == order_created.name] == [[str(created["id"])]]


async def test_a_refused_order_runs_nothing(client: AsyncClient, enqueued: Enqueued) -> None:
    body = await order_body(client)
    body["customer_id"] = 2147483647
    enqueued.clear()
    unwrap(await client.post(ROUTE, json=body), 409)
    assert enqueued == []
