"""API tests of Order, generated from its spec's fields and constraints."""

from typing import Any

import pytest
from httpx import AsyncClient

from tests.api.factories import create_order, order_body
from tests.envelope import unwrap

ROUTE = "/api/v1/orders"
PAGE = 2  # rows per page in the list tests, which create three rows


async def test_get_unknown_order_is_404(client: AsyncClient) -> None:
    assert unwrap(await client.get(f"{ROUTE}/2147483647"), 404) is None


async def test_create_then_get_order(client: AsyncClient) -> None:
    body = await order_body(client)
    created = unwrap(await client.post(ROUTE, json=body), 201)
    assert created["number"] == body["number"]
    assert created["status"] == body["status"]
    assert created["notes"] == body["notes"]
    assert created["customer_id"] == body["customer_id"]
    assert unwrap(await client.get(f"{ROUTE}/{created['id']}"), 200) == created


async def test_list_orders_pages_with_a_cursor(client: AsyncClient) -> None:
    created = [(await create_order(client, n))["id"] for n in range(1, 4)]
    seen: list[Any] = []
    params: dict[str, Any] = {"limit": PAGE}
    pages = 0
    while True:
        page = unwrap(await client.get(ROUTE, params=params), 200)
        assert 0 < len(page["items"]) <= PAGE
        seen.extend(item["id"] for item in page["items"])
        pages += 1
        if page["next_cursor"] is None:
            break
        params["cursor"] = page["next_cursor"]
    assert pages == 2
    assert sorted(map(str, seen)) == sorted(map(str, created))


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("placed_at", [0, 1, 2]),
        ("-placed_at", [2, 1, 0]),
        ("total", [0, 1, 2]),
        ("-total", [2, 1, 0]),
        ("id", [0, 1, 2]),
        ("-id", [2, 1, 0]),
    ],
)
async def test_list_orders_in_each_order(
    client: AsyncClient, sort: str, expected: list[int] | None
) -> None:
    created = [(await create_order(client, n))["id"] for n in range(1, 4)]
    seen: list[Any] = []
    params: dict[str, Any] = {"limit": PAGE, "sort": sort}
    while True:
        page = unwrap(await client.get(ROUTE, params=params), 200)
        seen.extend(item["id"] for item in page["items"])
        if page["next_cursor"] is None:
            break
        params["cursor"] = page["next_cursor"]
    if expected is None:  # the order depends on the database's collation or on random ids
        assert sorted(map(str, seen)) == sorted(map(str, created))
    else:
        assert seen == [created[i] for i in expected]


async def test_list_orders_by_status(client: AsyncClient) -> None:
    wanted = await create_order(client, 1)
    await create_order(client, 2)
    page = unwrap(await client.get(ROUTE, params={"status": wanted["status"]}), 200)
    assert wanted["id"] in {item["id"] for item in page["items"]}
    assert all(item["status"] == wanted["status"] for item in page["items"])


async def test_list_orders_by_customer_id(client: AsyncClient) -> None:
    wanted = await create_order(client, 1)
    await create_order(client, 2)
    page = unwrap(await client.get(ROUTE, params={"customer_id": wanted["customer_id"]}), 200)
    assert wanted["id"] in {item["id"] for item in page["items"]}
    assert all(item["customer_id"] == wanted["customer_id"] for item in page["items"])


async def test_update_order_changes_only_what_is_sent(client: AsyncClient) -> None:
    created = await create_order(client)
    changes: dict[str, Any] = {"number": "number-2"}
    url = f"{ROUTE}/{created['id']}"
    updated = unwrap(await client.patch(url, json=changes), 200)
    assert updated == {**created, **changes, "updated_at": updated["updated_at"]}


async def test_update_order_refuses_null_for_a_required_field(client: AsyncClient) -> None:
    created = await create_order(client)
    url = f"{ROUTE}/{created['id']}"
    unwrap(await client.patch(url, json={"number": None}), 422)


async def test_delete_order(client: AsyncClient) -> None:
    created = await create_order(client)
    url = f"{ROUTE}/{created['id']}"
    assert unwrap(await client.delete(url), 200) is None
    unwrap(await client.get(url), 404)
    unwrap(await client.delete(url), 404)


async def test_create_duplicate_order_is_409(client: AsyncClient) -> None:
    body = await order_body(client)
    unwrap(await client.post(ROUTE, json=body), 201)
    unwrap(await client.post(ROUTE, json=body), 409)


async def test_create_order_with_unknown_customer_id_is_409(client: AsyncClient) -> None:
    body = await order_body(client)
    body["customer_id"] = 2147483647
    unwrap(await client.post(ROUTE, json=body), 409)


@pytest.mark.parametrize("field", ["number", "total", "placed_at", "customer_id"])
async def test_create_order_without_a_required_field_is_422(
    client: AsyncClient, field: str
) -> None:
    body = await order_body(client)
    del body[field]
    unwrap(await client.post(ROUTE, json=body), 422)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("number", "a" * 33),
        ("number", "nul\x00byte"),
        ("status", "not_a_pending_paid_shipped_cancelled"),
        ("total", "-1.00"),
        ("total", "1" * 13),
        ("total", "twelve"),
        ("placed_at", "2024-01-01T00:00:00"),
        ("notes", "a" * 100001),
        ("notes", "nul\x00byte"),
    ],
)
async def test_create_order_rejects_invalid_values(
    client: AsyncClient, field: str, value: Any
) -> None:
    body = await order_body(client)
    unwrap(await client.post(ROUTE, json={**body, field: value}), 422)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("number", "a" * 32),
        ("total", "0.00"),
        ("notes", "a" * 100000),
    ],
)
async def test_create_order_accepts_values_on_the_boundary(
    client: AsyncClient, field: str, value: Any
) -> None:
    body = await order_body(client)
    unwrap(await client.post(ROUTE, json={**body, field: value}), 201)


async def test_create_order_with_an_unknown_field_is_422(client: AsyncClient) -> None:
    body = await order_body(client)
    unwrap(await client.post(ROUTE, json={**body, "unexpected": 1}), 422)


async def test_list_orders_rejects_a_bad_cursor(client: AsyncClient) -> None:
    unwrap(await client.get(ROUTE, params={"cursor": "not-a-cursor"}), 422)
