"""API tests of Series, generated from its spec's fields and constraints."""

from typing import Any

import pytest
from httpx import AsyncClient

from tests.api.factories import create_series, series_body
from tests.envelope import unwrap

ROUTE = "/api/v1/series"
PAGE = 2  # rows per page in the list tests, which create three rows


async def test_get_unknown_series_is_404(client: AsyncClient) -> None:
    assert unwrap(await client.get(f"{ROUTE}/2147483647"), 404) is None


async def test_create_then_get_series(client: AsyncClient) -> None:
    body = await series_body(client)
    created = unwrap(await client.post(ROUTE, json=body), 201)
    assert created["a_str"] == body["a_str"]
    assert created["a_text"] == body["a_text"]
    assert created["a_int"] == body["a_int"]
    assert created["a_bigint"] == body["a_bigint"]
    assert created["a_bool"] == body["a_bool"]
    assert created["a_date"] == body["a_date"]
    assert created["a_time"] == body["a_time"]
    assert created["a_uuid"] == body["a_uuid"]
    assert created["a_email"] == body["a_email"]
    assert created["a_url"] == body["a_url"]
    assert created["a_enum"] == body["a_enum"]
    assert created["a_json"] == body["a_json"]
    assert unwrap(await client.get(f"{ROUTE}/{created['id']}"), 200) == created


async def test_list_series_pages_with_a_cursor(client: AsyncClient) -> None:
    created = [(await create_series(client, n))["id"] for n in range(1, 4)]
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
        ("id", [0, 1, 2]),
        ("-id", [2, 1, 0]),
    ],
)
async def test_list_series_in_each_order(
    client: AsyncClient, sort: str, expected: list[int] | None
) -> None:
    created = [(await create_series(client, n))["id"] for n in range(1, 4)]
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


async def test_update_series_changes_only_what_is_sent(client: AsyncClient) -> None:
    created = await create_series(client)
    changes: dict[str, Any] = {"a_str": "a_str-2"}
    url = f"{ROUTE}/{created['id']}"
    updated = unwrap(await client.patch(url, json=changes), 200)
    assert updated == {**created, **changes, "updated_at": updated["updated_at"]}


async def test_update_series_refuses_null_for_a_required_field(client: AsyncClient) -> None:
    created = await create_series(client)
    url = f"{ROUTE}/{created['id']}"
    unwrap(await client.patch(url, json={"a_str": None}), 422)


async def test_delete_series(client: AsyncClient) -> None:
    created = await create_series(client)
    url = f"{ROUTE}/{created['id']}"
    assert unwrap(await client.delete(url), 200) is None
    unwrap(await client.get(url), 404)
    unwrap(await client.delete(url), 404)


@pytest.mark.parametrize(
    "field",
    [
        "a_str",
        "a_text",
        "a_int",
        "a_bigint",
        "a_float",
        "a_decimal",
        "a_bool",
        "a_date",
        "a_datetime",
        "a_time",
        "a_uuid",
        "a_email",
        "a_url",
        "a_enum",
        "a_json",
        "a_bytes",
    ],
)
async def test_create_series_without_a_required_field_is_422(
    client: AsyncClient, field: str
) -> None:
    body = await series_body(client)
    del body[field]
    unwrap(await client.post(ROUTE, json=body), 422)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("a_str", "a" * 256),
        ("a_str", "nul\x00byte"),
        ("a_text", "a" * 100001),
        ("a_text", "nul\x00byte"),
        ("a_int", -2147483649),
        ("a_int", "twelve"),
        ("a_bigint", 9223372036854775808),
        ("a_bigint", "twelve"),
        ("a_float", "twelve"),
        ("a_decimal", "1" * 13),
        ("a_decimal", "twelve"),
        ("a_bool", "maybe"),
        ("a_date", "2024-13-45"),
        ("a_datetime", "2024-01-01T00:00:00"),
        ("a_time", "25:61"),
        ("a_uuid", "not-a-uuid"),
        ("a_email", "a" * 321),
        ("a_email", "not-an-email"),
        ("a_url", "a" * 2084),
        ("a_url", "not a url"),
        ("a_enum", "not_a_one_two"),
        ("a_json", "a" * 65536),
    ],
)
async def test_create_series_rejects_invalid_values(
    client: AsyncClient, field: str, value: Any
) -> None:
    body = await series_body(client)
    unwrap(await client.post(ROUTE, json={**body, field: value}), 422)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("a_str", "a" * 255),
        ("a_text", "a" * 100000),
    ],
)
async def test_create_series_accepts_values_on_the_boundary(
    client: AsyncClient, field: str, value: Any
) -> None:
    body = await series_body(client)
    unwrap(await client.post(ROUTE, json={**body, field: value}), 201)


async def test_create_series_with_an_unknown_field_is_422(client: AsyncClient) -> None:
    body = await series_body(client)
    unwrap(await client.post(ROUTE, json={**body, "unexpected": 1}), 422)


async def test_list_series_rejects_a_bad_cursor(client: AsyncClient) -> None:
    unwrap(await client.get(ROUTE, params={"cursor": "not-a-cursor"}), 422)
