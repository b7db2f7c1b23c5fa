"""The read cache of Metric: reads come from the cache until a write commits."""

from typing import Any

import pytest
import sqlalchemy as sa
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncEngine

from app.models.Metric import Metric
from tests.api.factories import create_metric
from tests.envelope import unwrap

ROUTE = "/api/v1/metrics"


@pytest.fixture
def client(admin_client: AsyncClient) -> AsyncClient:
    """Metric's create, update and delete are for admins: these tests act as one."""
    return admin_client


async def forget_in_the_database(engine: AsyncEngine, metric_id: Any) -> None:
    """Delete a row behind the service's back, so that only the cache still has it."""
    async with engine.begin() as connection:
        await connection.execute(sa.delete(Metric).where(Metric.id == metric_id))


def ids(page: dict[str, Any]) -> list[Any]:
    return [item["id"] for item in page["items"]]


async def test_a_metric_is_read_from_the_cache(client: AsyncClient, engine: AsyncEngine) -> None:
    created = await create_metric(client)
    url = f"{ROUTE}/{created['id']}"
    assert unwrap(await client.get(url), 200) == created
    await forget_in_the_database(engine, created["id"])
    assert unwrap(await client.get(url), 200) == created


async def test_a_list_of_metric_rows_is_read_from_the_cache(
    client: AsyncClient, engine: AsyncEngine
) -> None:
    created = await create_metric(client)
    assert created["id"] in ids(unwrap(await client.get(ROUTE), 200))
    await forget_in_the_database(engine, created["id"])
    assert created["id"] in ids(unwrap(await client.get(ROUTE), 200))


async def test_creating_a_metric_invalidates_what_was_cached(
    client: AsyncClient, engine: AsyncEngine
) -> None:
    created = await create_metric(client, 1)
    await create_metric(client, 2)  # a later row, so that SQLite does not reuse the id
    url = f"{ROUTE}/{created['id']}"
    unwrap(await client.get(url), 200)
    unwrap(await client.get(ROUTE), 200)
    await forget_in_the_database(engine, created["id"])
    await create_metric(client, 3)
    unwrap(await client.get(url), 404)
    assert created["id"] not in ids(unwrap(await client.get(ROUTE), 200))


async def test_an_updated_metric_is_read_as_updated(client: AsyncClient) -> None:
    created = await create_metric(client)
    url = f"{ROUTE}/{created['id']}"
    unwrap(await client.get(url), 200)
    changes: dict[str, Any] = {"name": "name-2"}
    updated = unwrap(await client.patch(url, json=changes), 200)
    assert unwrap(await client.get(url), 200) == updated


async def test_a_deleted_metric_is_gone_from_the_cache(client: AsyncClient) -> None:
    created = await create_metric(client)
    url = f"{ROUTE}/{created['id']}"
    unwrap(await client.get(url), 200)
    assert created["id"] in ids(unwrap(await client.get(ROUTE), 200))
    unwrap(await client.delete(url), 200)
    unwrap(await client.get(url), 404)
    assert created["id"] not in ids(unwrap(await client.get(ROUTE), 200))
