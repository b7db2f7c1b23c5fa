"""API tests of Invoice, generated from its spec's fields and constraints."""

from typing import Any

import pytest
from httpx import AsyncClient

from tests.api.factories import create_invoice, create_tag, invoice_body
from tests.envelope import unwrap

ROUTE = "/api/v1/invoices"
PAGE = 2  # rows per page in the list tests, which create three rows


async def test_get_unknown_invoice_is_404(client: AsyncClient) -> None:
    assert unwrap(await client.get(f"{ROUTE}/2147483647"), 404) is None


async def test_create_then_get_invoice(client: AsyncClient) -> None:
    body = await invoice_body(client)
    created = unwrap(await client.post(ROUTE, json=body), 201)
    assert created["number"] == body["number"]
    assert created["customer_id"] == body["customer_id"]
    assert created["customer"]["id"] == created["customer_id"]
    assert [row["id"] for row in created["tags"]] == created["tag_ids"]
    assert unwrap(await client.get(f"{ROUTE}/{created['id']}"), 200) == created


async def test_list_invoices_pages_with_a_cursor(client: AsyncClient) -> None:
    created = [(await create_invoice(client, n))["id"] for n in range(1, 4)]
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
        ("number", [0, 1, 2]),
        ("-number", [2, 1, 0]),
        ("id", [0, 1, 2]),
        ("-id", [2, 1, 0]),
    ],
)
async def test_list_invoices_in_each_order(
    client: AsyncClient, sort: str, expected: list[int] | None
) -> None:
    created = [(await create_invoice(client, n))["id"] for n in range(1, 4)]
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


async def test_list_invoices_by_customer_id(client: AsyncClient) -> None:
    wanted = await create_invoice(client, 1)
    await create_invoice(client, 2)
    page = unwrap(await client.get(ROUTE, params={"customer_id": wanted["customer_id"]}), 200)
    assert wanted["id"] in {item["id"] for item in page["items"]}
    assert all(item["customer_id"] == wanted["customer_id"] for item in page["items"])


async def test_update_invoice_changes_only_what_is_sent(client: AsyncClient) -> None:
    created = await create_invoice(client)
    changes: dict[str, Any] = {"number": "number-2"}
    url = f"{ROUTE}/{created['id']}"
    updated = unwrap(await client.patch(url, json=changes), 200)
    assert updated == {**created, **changes, "updated_at": updated["updated_at"]}


async def test_update_invoice_refuses_null_for_a_required_field(client: AsyncClient) -> None:
    created = await create_invoice(client)
    url = f"{ROUTE}/{created['id']}"
    unwrap(await client.patch(url, json={"number": None}), 422)


async def test_delete_invoice(client: AsyncClient) -> None:
    created = await create_invoice(client)
    url = f"{ROUTE}/{created['id']}"
    assert unwrap(await client.delete(url), 200) is None
    unwrap(await client.get(url), 404)
    unwrap(await client.delete(url), 404)


async def test_create_duplicate_invoice_is_409(client: AsyncClient) -> None:
    body = await invoice_body(client)
    unwrap(await client.post(ROUTE, json=body), 201)
    unwrap(await client.post(ROUTE, json=body), 409)


async def test_create_invoice_with_unknown_customer_id_is_409(client: AsyncClient) -> None:
    body = await invoice_body(client)
    body["customer_id"] = 2147483647
    unwrap(await client.post(ROUTE, json=body), 409)


async def test_create_invoice_with_unknown_replaces_id_is_409(client: AsyncClient) -> None:
    body = await invoice_body(client)
    body["replaces_id"] = 2147483647
    unwrap(await client.post(ROUTE, json=body), 409)


async def test_create_invoice_with_unknown_tag_ids_is_409(client: AsyncClient) -> None:
    body = await invoice_body(client)
    body["tag_ids"] = [2147483647]
    unwrap(await client.post(ROUTE, json=body), 409)


async def test_invoice_tag_ids_are_set_replaced_and_cleared(client: AsyncClient) -> None:
    first, second, third = [(await create_tag(client, n))["id"] for n in (10, 11, 12)]
    body = await invoice_body(client)
    body["tag_ids"] = [second, first, first]
    created = unwrap(await client.post(ROUTE, json=body), 201)
    assert created["tag_ids"] == sorted([first, second])
    url = f"{ROUTE}/{created['id']}"
    replaced = unwrap(await client.patch(url, json={"tag_ids": [third]}), 200)
    assert replaced["tag_ids"] == [third]
    assert unwrap(await client.get(url), 200)["tag_ids"] == [third]
    cleared = unwrap(await client.patch(url, json={"tag_ids": []}), 200)
    assert cleared["tag_ids"] == []
    unwrap(await client.patch(url, json={"tag_ids": None}), 422)
    unwrap(await client.patch(url, json={"tag_ids": [first, second]}), 200)
    unwrap(await client.delete(f"/api/v1/tags/{first}"), 200)
    assert unwrap(await client.get(url), 200)["tag_ids"] == [second]


async def test_invoice_replaces_id_names_another_invoice(client: AsyncClient) -> None:
    parent = await create_invoice(client, 1)
    body = await invoice_body(client, 2)
    body["replaces_id"] = parent["id"]
    child = unwrap(await client.post(ROUTE, json=body), 201)
    assert child["replaces_id"] == parent["id"]
    assert unwrap(await client.get(f"{ROUTE}/{child['id']}"), 200) == child


@pytest.mark.parametrize("field", ["number", "amount", "customer_id"])
async def test_create_invoice_without_a_required_field_is_422(
    client: AsyncClient, field: str
) -> None:
    body = await invoice_body(client)
    del body[field]
    unwrap(await client.post(ROUTE, json=body), 422)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("number", "a" * 21),
        ("number", "nul\x00byte"),
        ("amount", "1" * 13),
        ("amount", "twelve"),
    ],
)
async def test_create_invoice_rejects_invalid_values(
    client: AsyncClient, field: str, value: Any
) -> None:
    body = await invoice_body(client)
    unwrap(await client.post(ROUTE, json={**body, field: value}), 422)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("number", "a" * 20),
    ],
)
async def test_create_invoice_accepts_values_on_the_boundary(
    client: AsyncClient, field: str, value: Any
) -> None:
    body = await invoice_body(client)
    unwrap(await client.post(ROUTE, json={**body, field: value}), 201)


async def test_create_invoice_with_an_unknown_field_is_422(client: AsyncClient) -> None:
    body = await invoice_body(client)
    unwrap(await client.post(ROUTE, json={**body, "unexpected": 1}), 422)


async def test_list_invoices_rejects_a_bad_cursor(client: AsyncClient) -> None:
    unwrap(await client.get(ROUTE, params={"cursor": "not-a-cursor"}), 422)
