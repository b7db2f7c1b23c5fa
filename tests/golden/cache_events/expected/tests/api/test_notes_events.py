"""The events of Note: a write enqueues its task once it has committed, and a write
that fails enqueues nothing. Tasks run eagerly in the tests (see `enqueued` in conftest)."""

from httpx import AsyncClient

from app.tasks.NoteTasks import note_created, note_deleted, note_updated
from tests.api.factories import create_note, note_body
from tests.envelope import unwrap

ROUTE = "/api/v1/notes"

Enqueued = list[tuple[str, list[str]]]


async def test_creating_a_note_runs_note_created(client: AsyncClient, enqueued: Enqueued) -> None:
    created = await create_note(client)
    assert [args for name, args in enqueued if name == note_created.name] == [[str(created["id"])]]


async def test_a_refused_note_runs_nothing(client: AsyncClient, enqueued: Enqueued) -> None:
    body = await note_body(client)
    body["author_id"] = 2147483647
    enqueued.clear()
    unwrap(await client.post(ROUTE, json=body), 409)
    assert enqueued == []


async def test_updating_a_note_runs_note_updated(client: AsyncClient, enqueued: Enqueued) -> None:
    created = await create_note(client)
    unwrap(await client.patch(f"{ROUTE}/{created['id']}", json={}), 200)
    assert [args for name, args in enqueued if name == note_updated.name] == [[str(created["id"])]]


async def test_updating_an_unknown_note_runs_nothing(
    client: AsyncClient, enqueued: Enqueued
) -> None:
    unwrap(await client.patch(f"{ROUTE}/2147483647", json={}), 404)
    assert enqueued == []


async def test_deleting_a_note_runs_note_deleted(client: AsyncClient, enqueued: Enqueued) -> None:
    created = await create_note(client)
    unwrap(await client.delete(f"{ROUTE}/{created['id']}"), 200)
    assert [args for name, args in enqueued if name == note_deleted.name] == [[str(created["id"])]]


async def test_deleting_an_unknown_note_runs_nothing(
    client: AsyncClient, enqueued: Enqueued
) -> None:
    unwrap(await client.delete(f"{ROUTE}/2147483647"), 404)
    assert enqueued == []
