"""API tests of AuditEntry, generated from its spec's fields and constraints."""

import pytest
from httpx import AsyncClient

from tests.envelope import unwrap

ROUTE = "/api/v1/audit-entries"
PAGE = 2  # rows per page in the list tests, which create three rows


@pytest.fixture
def client(admin_client: AsyncClient) -> AsyncClient:
    """AuditEntry is for admins: these tests act as one."""
    return admin_client


async def test_get_unknown_audit_entry_is_404(client: AsyncClient) -> None:
    assert unwrap(await client.get(f"{ROUTE}/2147483647"), 404) is None


async def test_list_audit_entries_rejects_a_bad_cursor(client: AsyncClient) -> None:
    unwrap(await client.get(ROUTE, params={"cursor": "not-a-cursor"}), 422)
