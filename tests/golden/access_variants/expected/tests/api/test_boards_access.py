"""Who may call the endpoints of Board, generated from its spec's `access:`."""

import pytest
from httpx import AsyncClient

from tests.api.factories import create_board
from tests.envelope import unwrap

ROUTE = "/api/v1/boards"
MISSING = f"{ROUTE}/2147483647"
HIDDEN = frozenset({"password", "hashed_password"})  # never in a response


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("GET", ROUTE, 200),
        ("POST", ROUTE, 422),
        ("GET", MISSING, 404),
        ("PATCH", MISSING, 404),
        ("DELETE", MISSING, 404),
    ],
)
async def test_boards_are_open_to_anyone_where_public(
    anonymous_client: AsyncClient, method: str, url: str, status: int
) -> None:
    body: dict[str, object] | None = {} if method in ("POST", "PATCH") else None
    unwrap(await anonymous_client.request(method, url, json=body), status)


async def test_boards_responses_hold_no_password_or_secret(client: AsyncClient) -> None:
    created = await create_board(client)
    rows = [created, unwrap(await client.get(f"{ROUTE}/{created['id']}"), 200)]
    rows += unwrap(await client.get(ROUTE), 200)["items"]
    for row in rows:
        assert HIDDEN.isdisjoint(row)
