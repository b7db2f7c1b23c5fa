"""API tests of Sample, generated from its spec's fields and constraints."""

from typing import Any

import pytest
from httpx import AsyncClient

from tests.api.factories import create_sample, sample_body
from tests.envelope import unwrap

ROUTE = "/api/v1/samples"
PAGE = 2  # rows per page in the list tests, which create three rows


async def test_get_unknown_sample_is_404(client: AsyncClient) -> None:
    assert unwrap(await client.get(f"{ROUTE}/2147483647"), 404) is None


async def test_create_then_get_sample(client: AsyncClient) -> None:
    body = await sample_body(client)
    created = unwrap(await client.post(ROUTE, json=body), 201)
    assert created["title"] == body["title"]
    assert created["code"] == body["code"]
    assert created["body"] == body["body"]
    assert created["count"] == body["count"]
    assert created["big"] == body["big"]
    assert created["active"] == body["active"]
    assert created["born_on"] == body["born_on"]
    assert created["opens_at"] == body["opens_at"]
    assert created["token"] == body["token"]
    assert created["email"] == body["email"]
    assert created["homepage"] == body["homepage"]
    assert created["kind"] == body["kind"]
    assert created["payload"] == body["payload"]
    assert created["type"] == body["type"]
    assert created["date"] == body["date"]
    assert "password" not in created
    assert unwrap(await client.get(f"{ROUTE}/{created['id']}"), 200) == created


async def test_list_samples_pages_with_a_cursor(client: AsyncClient) -> None:
    created = [(await create_sample(client, n))["id"] for n in range(1, 4)]
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
        ("seen_at", [0, 1, 2]),
        ("-seen_at", [2, 1, 0]),
        ("title", [0, 1, 2]),
        ("-title", [2, 1, 0]),
        ("count", [0, 1, 2]),
        ("-count", [2, 1, 0]),
        ("id", [0, 1, 2]),
        ("-id", [2, 1, 0]),
    ],
)
async def test_list_samples_in_each_order(
    client: AsyncClient, sort: str, expected: list[int] | None
) -> None:
    created = [(await create_sample(client, n))["id"] for n in range(1, 4)]
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


async def test_list_samples_by_kind(client: AsyncClient) -> None:
    wanted = await create_sample(client, 1)
    await create_sample(client, 2)
    page = unwrap(await client.get(ROUTE, params={"kind": wanted["kind"]}), 200)
    assert wanted["id"] in {item["id"] for item in page["items"]}
    assert all(item["kind"] == wanted["kind"] for item in page["items"])


async def test_list_samples_by_active(client: AsyncClient) -> None:
    wanted = await create_sample(client, 1)
    await create_sample(client, 2)
    page = unwrap(await client.get(ROUTE, params={"active": wanted["active"]}), 200)
    assert wanted["id"] in {item["id"] for item in page["items"]}
    assert all(item["active"] == wanted["active"] for item in page["items"])


async def test_list_samples_by_email(client: AsyncClient) -> None:
    wanted = await create_sample(client, 1)
    await create_sample(client, 2)
    page = unwrap(await client.get(ROUTE, params={"email": wanted["email"]}), 200)
    assert wanted["id"] in {item["id"] for item in page["items"]}
    assert all(item["email"] == wanted["email"] for item in page["items"])


async def test_update_sample_changes_only_what_is_sent(client: AsyncClient) -> None:
    created = await create_sample(client)
    changes: dict[str, Any] = {"title": "title-2"}
    url = f"{ROUTE}/{created['id']}"
    updated = unwrap(await client.patch(url, json=changes), 200)
    assert updated == {**created, **changes, "updated_at": updated["updated_at"]}


async def test_update_sample_refuses_null_for_a_required_field(client: AsyncClient) -> None:
    created = await create_sample(client)
    url = f"{ROUTE}/{created['id']}"
    unwrap(await client.patch(url, json={"title": None}), 422)


async def test_delete_sample(client: AsyncClient) -> None:
    created = await create_sample(client)
    url = f"{ROUTE}/{created['id']}"
    assert unwrap(await client.delete(url), 200) is None
    unwrap(await client.get(url), 404)
    unwrap(await client.delete(url), 404)


async def test_create_duplicate_sample_is_409(client: AsyncClient) -> None:
    body = await sample_body(client)
    unwrap(await client.post(ROUTE, json=body), 201)
    unwrap(await client.post(ROUTE, json=body), 409)


@pytest.mark.parametrize(
    "field", ["title", "code", "price", "seen_at", "token", "email", "password"]
)
async def test_create_sample_without_a_required_field_is_422(
    client: AsyncClient, field: str
) -> None:
    body = await sample_body(client)
    del body[field]
    unwrap(await client.post(ROUTE, json=body), 422)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "a" * 41),
        ("title", "a"),
        ("title", "nul\x00byte"),
        ("code", "a" * 13),
        ("code", "nul\x00byte"),
        ("body", "a" * 100001),
        ("body", "nul\x00byte"),
        ("count", -1),
        ("count", 1001),
        ("count", "twelve"),
        ("big", 9223372036854775808),
        ("big", "twelve"),
        ("ratio", 0.0),
        ("ratio", 1.0),
        ("ratio", "twelve"),
        ("price", "-1.000"),
        ("price", "111111111"),
        ("price", "twelve"),
        ("active", "maybe"),
        ("born_on", "2024-13-45"),
        ("seen_at", "2024-01-01T00:00:00"),
        ("opens_at", "25:61"),
        ("token", "not-a-uuid"),
        ("email", "a" * 321),
        ("email", "not-an-email"),
        ("homepage", "a" * 2084),
        ("homepage", "not a url"),
        ("kind", "not_a_small_medium_large"),
        ("payload", "a" * 65536),
        ("password", "a" * 129),
        ("password", "nul\x00byte"),
        ("type", "a" * 21),
        ("type", "nul\x00byte"),
        ("date", "2024-13-45"),
    ],
)
async def test_create_sample_rejects_invalid_values(
    client: AsyncClient, field: str, value: Any
) -> None:
    body = await sample_body(client)
    unwrap(await client.post(ROUTE, json={**body, field: value}), 422)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "a" * 40),
        ("title", "aa"),
        ("body", "a" * 100000),
        ("count", 0),
        ("count", 1000),
        ("price", "0.000"),
        ("password", "a" * 128),
        ("type", "a" * 20),
    ],
)
async def test_create_sample_accepts_values_on_the_boundary(
    client: AsyncClient, field: str, value: Any
) -> None:
    body = await sample_body(client)
    unwrap(await client.post(ROUTE, json={**body, field: value}), 201)


async def test_create_sample_with_an_unknown_field_is_422(client: AsyncClient) -> None:
    body = await sample_body(client)
    unwrap(await client.post(ROUTE, json={**body, "unexpected": 1}), 422)


async def test_list_samples_rejects_a_bad_cursor(client: AsyncClient) -> None:
    unwrap(await client.get(ROUTE, params={"cursor": "not-a-cursor"}), 422)
