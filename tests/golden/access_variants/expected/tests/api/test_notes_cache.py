"""The read cache of Note: reads come from the cache until a write commits."""

from typing import Any
from uuid import UUID

import sqlalchemy as sa
from httpx import AsyncClient
from sqlalchemy.ext.asyncio import AsyncEngine

from notes_api.models.note import Note
from tests.api.factories import create_note
from tests.envelope import unwrap

ROUTE = "/api/v1/notes"


async def forget_in_the_database(engine: AsyncEngine, note_id: Any) -> None:
    """Delete a row behind the service's back, so that only the cache still has it."""
    async with engine.begin() as connection:
        await connection.execute(sa.delete(Note).where(Note.id == note_id))


def ids(page: dict[str, Any]) -> list[Any]:
    return [item["id"] for item in page["items"]]


async def test_a_note_is_read_from_the_cache(client: AsyncClient, engine: AsyncEngine) -> None:
    created = await create_note(client)
    url = f"{ROUTE}/{created['id']}"
    assert unwrap(await client.get(url), 200) == created
    await forget_in_the_database(engine, UUID(created["id"]))
    assert unwrap(await client.get(url), 200) == created


async def test_a_list_of_note_rows_is_read_from_the_cache(
    client: AsyncClient, engine: AsyncEngine
) -> None:
    created = await create_note(client)
    assert created["id"] in ids(unwrap(await client.get(ROUTE), 200))
    await forget_in_the_database(engine, UUID(created["id"]))
    assert created["id"] in ids(unwrap(await client.get(ROUTE), 200))


async def test_creating_a_note_invalidates_what_was_cached(
    client: AsyncClient, engine: AsyncEngine
) -> None:
    created = await create_note(client, 1)
    await create_note(client, 2)  # a later row, so that SQLite does not reuse the id
    url = f"{ROUTE}/{created['id']}"
    unwrap(await client.get(url), 200)
    unwrap(await client.get(ROUTE), 200)
    await forget_in_the_database(engine, UUID(created["id"]))
    await create_note(client, 3)
    unwrap(await client.get(url), 404)
    assert created["id"] not in ids(unwrap(await client.get(ROUTE), 200))


async def test_an_updated_note_is_read_as_updated(client: AsyncClient) -> None:
    created = await create_note(client)
    url = f"{ROUTE}/{created['id']}"
    unwrap(await client.get(url), 200)
    changes: dict[str, Any] = {"body": "body-2"}
    updated = unwrap(await client.patch(url, json=changes), 200)
    assert unwrap(await client.get(url), 200) == updated


async def test_a_deleted_note_is_gone_from_the_cache(client: AsyncClient) -> None:
    created = await create_note(client)
    url = f"{ROUTE}/{created['id']}"
    unwrap(await client.get(url), 200)
    assert created["id"] in ids(unwrap(await client.get(ROUTE), 200))
    unwrap(await client.delete(url), 200)
    unwrap(await client.get(url), 404)
    assert created["id"] not in ids(unwrap(await client.get(ROUTE), 200))
