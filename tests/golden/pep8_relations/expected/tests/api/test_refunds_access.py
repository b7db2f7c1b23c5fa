"""Who may call the endpoints of Refund, generated from its spec's `access:`."""

import pytest
from httpx import AsyncClient

from tests.api.factories import create_refund
from tests.envelope import unwrap

ROUTE = "/api/v1/refunds"
MISSING = f"{ROUTE}/2147483647"
HIDDEN = frozenset({"password", "hashed_password"})  # never in a response


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("GET", ROUTE),
        ("POST", ROUTE),
        ("GET", MISSING),
        ("PATCH", MISSING),
        ("DELETE", MISSING),
    ],
)
async def test_refunds_need_a_token(anonymous_client: AsyncClient, method: str, url: str) -> None:
    response = await anonymous_client.request(
        method, url, json={} if method in ("POST", "PATCH") else None
    )
    unwrap(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"


async def test_refunds_responses_hold_no_password_or_secret(client: AsyncClient) -> None:
    created = await create_refund(client)
    rows = [created, unwrap(await client.get(f"{ROUTE}/{created['id']}"), 200)]
    rows += unwrap(await client.get(ROUTE), 200)["items"]
    for row in rows:
        assert HIDDEN.isdisjoint(row)
