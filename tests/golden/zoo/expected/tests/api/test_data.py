"""API tests of Data, generated from its spec's fields and constraints."""

from typing import Any

import pytest
from httpx import AsyncClient

from tests.api.factories import create_data, data_body
from tests.envelope import unwrap

ROUTE = "/api/v1/data-points"
PAGE = 2  # rows per page in the list tests, which create three rows


async def test_get_unknown_data_is_404(client: AsyncClient) -> None:
    assert unwrap(await client.get(f"{ROUTE}/2147483647"), 404) is None


async def test_create_then_get_data(client: AsyncClient) -> None:
    body = await data_body(client)
    created = unwrap(await client.post(ROUTE, json=body), 201)
    assert created["type"] == body["type"]
    assert created["format"] == body["format"]
    assert created["hash"] == body["hash"]
    assert created["filter"] == body["filter"]
    assert created["input"] == body["input"]
    assert created["date"] == body["date"]
    assert created["time"] == body["time"]
    assert created["uuid"] == body["uuid"]
    assert created["email"] == body["email"]
    assert created["url"] == body["url"]
    assert created["property"] == body["property"]
    assert created["range"] == body["range"]
    assert created["status"] == body["status"]
    assert unwrap(await client.get(f"{ROUTE}/{created['id']}"), 200) == created


async def test_list_data_pages_with_a_cursor(client: AsyncClient) -> None:
    created = [(await create_data(client, n))["id"] for n in range(1, 4)]
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
        ("hash", [0, 1, 2]),
        ("-hash", [2, 1, 0]),
        ("status", [0, 1, 2]),
        ("-status", [2, 1, 0]),
        ("id", [0, 1, 2]),
        ("-id", [2, 1, 0]),
    ],
)
async def test_list_data_in_each_order(
    client: AsyncClient, sort: str, expected: list[int] | None
) -> None:
    created = [(await create_data(client, n))["id"] for n in range(1, 4)]
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


async def test_list_data_by_format(client: AsyncClient) -> None:
    wanted = await create_data(client, 1)
    await create_data(client, 2)
    page = unwrap(await client.get(ROUTE, params={"format": wanted["format"]}), 200)
    assert wanted["id"] in {item["id"] for item in page["items"]}
    assert all(item["format"] == wanted["format"] for item in page["items"])


async def test_list_data_by_property(client: AsyncClient) -> None:
    wanted = await create_data(client, 1)
    await create_data(client, 2)
    page = unwrap(await client.get(ROUTE, params={"property": wanted["property"]}), 200)
    assert wanted["id"] in {item["id"] for item in page["items"]}
    assert all(item["property"] == wanted["property"] for item in page["items"])


async def test_update_data_changes_only_what_is_sent(client: AsyncClient) -> None:
    created = await create_data(client)
    changes: dict[str, Any] = {"type": "type-2"}
    url = f"{ROUTE}/{created['id']}"
    updated = unwrap(await client.patch(url, json=changes), 200)
    assert updated == {**created, **changes, "updated_at": updated["updated_at"]}


async def test_update_data_refuses_null_for_a_required_field(client: AsyncClient) -> None:
    created = await create_data(client)
    url = f"{ROUTE}/{created['id']}"
    unwrap(await client.patch(url, json={"format": None}), 422)


async def test_delete_data(client: AsyncClient) -> None:
    created = await create_data(client)
    url = f"{ROUTE}/{created['id']}"
    assert unwrap(await client.delete(url), 200) is None
    unwrap(await client.get(url), 404)
    unwrap(await client.delete(url), 404)


async def test_create_duplicate_data_is_409(client: AsyncClient) -> None:
    body = await data_body(client)
    unwrap(await client.post(ROUTE, json=body), 201)
    unwrap(await client.post(ROUTE, json=body), 409)


async def test_create_data_with_unknown_series_id_is_409(client: AsyncClient) -> None:
    body = await data_body(client)
    body["series_id"] = 2147483647
    unwrap(await client.post(ROUTE, json=body), 409)


@pytest.mark.parametrize("field", ["hash"])
async def test_create_data_without_a_required_field_is_422(client: AsyncClient, field: str) -> None:
    body = await data_body(client)
    del body[field]
    unwrap(await client.post(ROUTE, json=body), 422)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("type", "a" * 31),
        ("type", "nul\x00byte"),
        ("format", "not_a_csv_json_lines"),
        ("hash", "a" * 65),
        ("hash", "nul\x00byte"),
        ("filter", "a" * 100001),
        ("filter", "nul\x00byte"),
        ("input", -6),
        ("input", 6),
        ("input", "twelve"),
        ("max", "twelve"),
        ("min", "111111"),
        ("min", "twelve"),
        ("date", "2024-13-45"),
        ("time", "25:61"),
        ("datetime", "2024-01-01T00:00:00"),
        ("uuid", "not-a-uuid"),
        ("decimal", "1" * 13),
        ("decimal", "twelve"),
        ("email", "a" * 101),
        ("email", "not-an-email"),
        ("url", "a" * 301),
        ("url", "not a url"),
        ("property", "maybe"),
        ("range", -1),
        ("range", 9223372036854775808),
        ("range", "twelve"),
        ("status", "aaaa"),
        ("status", "aa"),
        ("status", "nul\x00byte"),
    ],
)
async def test_create_data_rejects_invalid_values(
    client: AsyncClient, field: str, value: Any
) -> None:
    body = await data_body(client)
    unwrap(await client.post(ROUTE, json={**body, field: value}), 422)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("type", "a" * 30),
        ("hash", "a" * 64),
        ("filter", "a" * 100000),
        ("input", -5),
        ("input", 5),
        ("range", 0),
        ("status", "aaa"),
        ("status", "aaa"),
    ],
)
async def test_create_data_accepts_values_on_the_boundary(
    client: AsyncClient, field: str, value: Any
) -> None:
    body = await data_body(client)
    unwrap(await client.post(ROUTE, json={**body, field: value}), 201)


async def test_create_data_with_an_unknown_field_is_422(client: AsyncClient) -> None:
    body = await data_body(client)
    unwrap(await client.post(ROUTE, json={**body, "unexpected": 1}), 422)


async def test_list_data_rejects_a_bad_cursor(client: AsyncClient) -> None:
    unwrap(await client.get(ROUTE, params={"cursor": "not-a-cursor"}), 422)
