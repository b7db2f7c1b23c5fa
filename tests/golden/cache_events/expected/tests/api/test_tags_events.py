"""The events of Tag: a write enqueues its task once it has committed, and a write
that fails enqueues nothing. Tasks run eagerly in the tests (see `enqueued` in conftest)."""

from httpx import AsyncClient

from app.tasks.TagTasks import tag_created
from tests.api.factories import create_tag

ROUTE = "/api/v1/tags"


Enqueued = list[tuple[str, list[str]]]


async def test_creating_a_tag_runs_tag_created(client: AsyncClient, enqueued: Enqueued) -> None:
    created = await create_tag(client)
    assert [args for name, args in enqueued if name == tag_created.name] == [[str(created["id"])]]
