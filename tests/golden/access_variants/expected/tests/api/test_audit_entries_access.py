"""Who may call the endpoints of AuditEntry, generated from its spec's `access:`."""

import pytest
from httpx import AsyncClient

from tests.envelope import unwrap

ROUTE = "/api/v1/audit-entries"
MISSING = f"{ROUTE}/2147483647"


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("GET", ROUTE),
        ("GET", MISSING),
    ],
)
async def test_audit_entries_need_a_token(
    anonymous_client: AsyncClient, method: str, url: str
) -> None:
    response = await anonymous_client.request(
        method, url, json={} if method in ("POST", "PATCH") else None
    )
    unwrap(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("GET", ROUTE, 200),
        ("GET", MISSING, 404),
    ],
)
async def test_audit_entries_refuse_a_regular_user_where_admins_only_may(
    client: AsyncClient, admin_client: AsyncClient, method: str, url: str, status: int
) -> None:
    body: dict[str, object] | None = {} if method in ("POST", "PATCH") else None
    unwrap(await client.request(method, url, json=body), 403)
    unwrap(await admin_client.request(method, url, json=body), status)
