"""API tests of Product, generated from its spec's fields and constraints."""

from typing import Any

import pytest
from httpx import AsyncClient

from tests.api.factories import create_product, product_body
from tests.envelope import unwrap

ROUTE = "/api/v1/products"
PAGE = 2  # rows per page in the list tests, which create three rows


async def test_get_unknown_product_is_404(client: AsyncClient) -> None:
    assert unwrap(await client.get(f"{ROUTE}/2147483647"), 404) is None


async def test_create_then_get_product(client: AsyncClient) -> None:
    body = await product_body(client)
    created = unwrap(await client.post(ROUTE, json=body), 201)
    assert created["sku"] == body["sku"]
    assert created["name"] == body["name"]
    assert created["description"] == body["description"]
    assert created["stock"] == body["stock"]
    assert created["active"] == body["active"]
    assert unwrap(await client.get(f"{ROUTE}/{created['id']}"), 200) == created


async def test_list_products_pages_with_a_cursor(client: AsyncClient) -> None:
    created = [(await create_product(client, n))["id"] for n in range(1, 4)]
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
        ("name", [0, 1, 2]),
        ("-name", [2, 1, 0]),
        ("price", [0, 1, 2]),
        ("-price", [2, 1, 0]),
        ("created_at", [0, 1, 2]),
        ("-created_at", [2, 1, 0]),
        ("id", [0, 1, 2]),
        ("-id", [2, 1, 0]),
    ],
)
async def test_list_products_in_each_order(
    client: AsyncClient, sort: str, expected: list[int] | None
) -> None:
    created = [(await create_product(client, n))["id"] for n in range(1, 4)]
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


async def test_list_products_by_active(client: AsyncClient) -> None:
    wanted = await create_product(client, 1)
    await create_product(client, 2)
    page = unwrap(await client.get(ROUTE, params={"active": wanted["active"]}), 200)
    assert wanted["id"] in {item["id"] for item in page["items"]}
    assert all(item["active"] == wanted["active"] for item in page["items"])


async def test_update_product_changes_only_what_is_sent(client: AsyncClient) -> None:
    created = await create_product(client)
    changes: dict[str, Any] = {"sku": "sku-2"}
    url = f"{ROUTE}/{created['id']}"
    updated = unwrap(await client.patch(url, json=changes), 200)
    assert updated == {**created, **changes, "updated_at": updated["updated_at"]}


async def test_update_product_refuses_null_for_a_required_field(client: AsyncClient) -> None:
    created = await create_product(client)
    url = f"{ROUTE}/{created['id']}"
    unwrap(await client.patch(url, json={"sku": None}), 422)


async def test_delete_product(client: AsyncClient) -> None:
    created = await create_product(client)
    url = f"{ROUTE}/{created['id']}"
    assert unwrap(await client.delete(url), 200) is None
    unwrap(await client.get(url), 404)
    unwrap(await client.delete(url), 404)


async def test_create_duplicate_product_is_409(client: AsyncClient) -> None:
    body = await product_body(client)
    unwrap(await client.post(ROUTE, json=body), 201)
    unwrap(await client.post(ROUTE, json=body), 409)


async def test_create_product_with_unknown_category_id_is_409(client: AsyncClient) -> None:
    body = await product_body(client)
    body["category_id"] = 2147483647
    unwrap(await client.post(ROUTE, json=body), 409)


@pytest.mark.parametrize("field", ["sku", "name", "price"])
async def test_create_product_without_a_required_field_is_422(
    client: AsyncClient, field: str
) -> None:
    body = await product_body(client)
    del body[field]
    unwrap(await client.post(ROUTE, json=body), 422)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("sku", "a" * 33),
        ("sku", "nul\x00byte"),
        ("name", "a" * 201),
        ("name", "nul\x00byte"),
        ("description", "a" * 100001),
        ("description", "nul\x00byte"),
        ("price", "-1.00"),
        ("price", "1" * 13),
        ("price", "twelve"),
        ("stock", -1),
        ("stock", "twelve"),
        ("active", "maybe"),
        ("weight_kg", 0.0),
        ("weight_kg", "twelve"),
    ],
)
async def test_create_product_rejects_invalid_values(
    client: AsyncClient, field: str, value: Any
) -> None:
    body = await product_body(client)
    unwrap(await client.post(ROUTE, json={**body, field: value}), 422)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("sku", "a" * 32),
        ("name", "a" * 200),
        ("description", "a" * 100000),
        ("price", "0.00"),
        ("stock", 0),
    ],
)
async def test_create_product_accepts_values_on_the_boundary(
    client: AsyncClient, field: str, value: Any
) -> None:
    body = await product_body(client)
    unwrap(await client.post(ROUTE, json={**body, field: value}), 201)


async def test_create_product_with_an_unknown_field_is_422(client: AsyncClient) -> None:
    body = await product_body(client)
    unwrap(await client.post(ROUTE, json={**body, "unexpected": 1}), 422)


async def test_list_products_rejects_a_bad_cursor(client: AsyncClient) -> None:
    unwrap(await client.get(ROUTE, params={"cursor": "not-a-cursor"}), 422)
