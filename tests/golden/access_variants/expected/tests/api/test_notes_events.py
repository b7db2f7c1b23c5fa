"""The events of Note: a write enqueues its task once it has committed, and a write
that fails enqueues nothing. Tasks run eagerly in the tests (see `enqueued` in conftest)."""

from httpx import AsyncClient

from notes_api.tasks.note_tasks import note_created
from tests.api.factories import create_note, note_body
from tests.envelope import unwrap

ROUTE = "/api/v1/notes"


Enqueued = list[tuple[str, list[str]]]


async def test_creating_a_note_runs_note_created(client: AsyncClient, enqueued: Enqueued) -> None:
    created = await create_note(client)
    assert [args for name, args in enqueued if name == note_created.name] == [[str(created["id"])]]


async def test_a_refused_note_runs_nothing(client: AsyncClient, enqueued: Enqueued) -> None:
    body = await note_body(client)
    body["folder_id"] = 2147483647
    enqueued.clear()
    unwrap(await client.post(ROUTE, json=body), 409)
    assert enqueued == []
