"""The read cache of Measurement: reads come from the cache until a write commits."""

from typing import Any

import sqlalchemy as sa
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncEngine

from app.models.Measurement import Measurement
from tests.api.factories import create_measurement
from tests.envelope import unwrap

ROUTE = "/api/v1/measurements"


async def forget_in_the_database(engine: AsyncEngine, measurement_id: Any) -> None:
    """Delete a row behind the service's back, so that only the cache still has it."""
    async with engine.begin() as connection:
        await connection.execute(sa.delete(Measurement).where(Measurement.id == measurement_id))


def ids(page: dict[str, Any]) -> list[Any]:
    return [item["id"] for item in page["items"]]


async def test_a_measurement_is_read_from_the_cache(
    client: AsyncClient, admin_client: AsyncClient, engine: AsyncEngine
) -> None:
    created = await create_measurement(client, admin=admin_client)
    url = f"{ROUTE}/{created['id']}"
    assert unwrap(await client.get(url), 200) == created
    await forget_in_the_database(engine, created["id"])
    assert unwrap(await client.get(url), 200) == created


async def test_a_list_of_measurement_rows_is_read_from_the_cache(
    client: AsyncClient, admin_client: AsyncClient, engine: AsyncEngine
) -> None:
    created = await create_measurement(client, admin=admin_client)
    assert created["id"] in ids(unwrap(await client.get(ROUTE), 200))
    await forget_in_the_database(engine, created["id"])
    assert created["id"] in ids(unwrap(await client.get(ROUTE), 200))


async def test_creating_a_measurement_invalidates_what_was_cached(
    client: AsyncClient, admin_client: AsyncClient, engine: AsyncEngine
) -> None:
    created = await create_measurement(client, 1, admin=admin_client)
    await create_measurement(
        client, 2, admin=admin_client
    )  # a later row, so that SQLite does not reuse the id
    url = f"{ROUTE}/{created['id']}"
    unwrap(await client.get(url), 200)
    unwrap(await client.get(ROUTE), 200)
    await forget_in_the_database(engine, created["id"])
    await create_measurement(client, 3, admin=admin_client)
    unwrap(await client.get(url), 404)
    assert created["id"] not in ids(unwrap(await client.get(ROUTE), 200))


async def test_an_updated_measurement_is_read_as_updated(
    client: AsyncClient, admin_client: AsyncClient
) -> None:
    created = await create_measurement(client, admin=admin_client)
    url = f"{ROUTE}/{created['id']}"
    unwrap(await client.get(url), 200)
    changes: dict[str, Any] = {"note": "note-2"}
    updated = unwrap(await client.patch(url, json=changes), 200)
    assert unwrap(await client.get(url), 200) == updated


async def test_a_deleted_measurement_is_gone_from_the_cache(
    client: AsyncClient, admin_client: AsyncClient
) -> None:
    created = await create_measurement(client, admin=admin_client)
    url = f"{ROUTE}/{created['id']}"
    unwrap(await client.get(url), 200)
    assert created["id"] in ids(unwrap(await client.get(ROUTE), 200))
    unwrap(await client.delete(url), 200)
    unwrap(await client.get(url), 404)
    assert created["id"] not in ids(unwrap(await client.get(ROUTE), 200))
