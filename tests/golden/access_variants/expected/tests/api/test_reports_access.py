"""Who may call the endpoints of Report, generated from its spec's `access:`."""

import pytest
from httpx import AsyncClient

from tests.api.factories import create_report
from tests.envelope import unwrap

ROUTE = "/api/v1/reports"
MISSING = f"{ROUTE}/2147483647"
HIDDEN = frozenset({"password", "hashed_password"})  # never in a response


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("POST", ROUTE),
        ("GET", MISSING),
        ("DELETE", MISSING),
    ],
)
async def test_reports_need_a_token(anonymous_client: AsyncClient, method: str, url: str) -> None:
    response = await anonymous_client.request(
        method, url, json={} if method in ("POST", "PATCH") else None
    )
    unwrap(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("DELETE", MISSING, 404),
    ],
)
async def test_reports_refuse_a_regular_user_where_admins_only_may(
    client: AsyncClient, admin_client: AsyncClient, method: str, url: str, status: int
) -> None:
    body: dict[str, object] | None = {} if method in ("POST", "PATCH") else None
    unwrap(await client.request(method, url, json=body), 403)
    unwrap(await admin_client.request(method, url, json=body), status)


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("GET", ROUTE, 200),
    ],
)
async def test_reports_are_open_to_anyone_where_public(
    anonymous_client: AsyncClient, method: str, url: str, status: int
) -> None:
    body: dict[str, object] | None = {} if method in ("POST", "PATCH") else None
    unwrap(await anonymous_client.request(method, url, json=body), status)


async def test_reports_responses_hold_no_password_or_secret(admin_client: AsyncClient) -> None:
    created = await create_report(admin_client)
    rows = [created, unwrap(await admin_client.get(f"{ROUTE}/{created['id']}"), 200)]
    rows += unwrap(await admin_client.get(ROUTE), 200)["items"]
    for row in rows:
        assert HIDDEN.isdisjoint(row)
