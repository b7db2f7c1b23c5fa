"""API tests of Tag, generated from its spec's fields and constraints."""

from typing import Any

import pytest
from httpx import AsyncClient

from tests.api.factories import create_tag, tag_body
from tests.envelope import unwrap

ROUTE = "/api/v1/tags"
PAGE = 2  # rows per page in the list tests, which create three rows


async def test_get_unknown_tag_is_404(client: AsyncClient) -> None:
    assert unwrap(await client.get(f"{ROUTE}/2147483647"), 404) is None


async def test_create_then_get_tag(client: AsyncClient) -> None:
    body = await tag_body(client)
    created = unwrap(await client.post(ROUTE, json=body), 201)
    assert created["label"] == body["label"]
    assert unwrap(await client.get(f"{ROUTE}/{created['id']}"), 200) == created


async def test_list_tags_pages_with_a_cursor(client: AsyncClient) -> None:
    created = [(await create_tag(client, n))["id"] for n in range(1, 4)]
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
async def test_list_tags_in_each_order(
    client: AsyncClient, sort: str, expected: list[int] | None
) -> None:
    created = [(await create_tag(client, n))["id"] for n in range(1, 4)]
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


async def test_update_tag_changes_only_what_is_sent(client: AsyncClient) -> None:
    created = await create_tag(client)
    changes: dict[str, Any] = {"label": "label-2"}
    url = f"{ROUTE}/{created['id']}"
    updated = unwrap(await client.patch(url, json=changes), 200)
    assert updated == {**created, **changes, "updated_at": updated["updated_at"]}


async def test_update_tag_refuses_null_for_a_required_field(client: AsyncClient) -> None:
    created = await create_tag(client)
    url = f"{ROUTE}/{created['id']}"
    unwrap(await client.patch(url, json={"label": None}), 422)


async def test_delete_tag(client: AsyncClient) -> None:
    created = await create_tag(client)
    url = f"{ROUTE}/{created['id']}"
    assert unwrap(await client.delete(url), 200) is None
    unwrap(await client.get(url), 404)
    unwrap(await client.delete(url), 404)


async def test_create_duplicate_tag_is_409(client: AsyncClient) -> None:
    body = await tag_body(client)
    unwrap(await client.post(ROUTE, json=body), 201)
    unwrap(await client.post(ROUTE, json=body), 409)


@pytest.mark.parametrize("field", ["label"])
async def test_create_tag_without_a_required_field_is_422(client: AsyncClient, field: str) -> None:
    body = await tag_body(client)
    del body[field]
    unwrap(await client.post(ROUTE, json=body), 422)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("label", "a" * 41),
        ("label", "nul\x00byte"),
    ],
)
async def test_create_tag_rejects_invalid_values(
    client: AsyncClient, field: str, value: Any
) -> None:
    body = await tag_body(client)
    unwrap(await client.post(ROUTE, json={**body, field: value}), 422)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("label", "a" * 40),
    ],
)
async def test_create_tag_accepts_values_on_the_boundary(
    client: AsyncClient, field: str, value: Any
) -> None:
    body = await tag_body(client)
    unwrap(await client.post(ROUTE, json={**body, field: value}), 201)


async def test_create_tag_with_an_unknown_field_is_422(client: AsyncClient) -> None:
    body = await tag_body(client)
    unwrap(await client.post(ROUTE, json={**body, "unexpected": 1}), 422)


async def test_list_tags_rejects_a_bad_cursor(client: AsyncClient) -> None:
    unwrap(await client.get(ROUTE, params={"cursor": "not-a-cursor"}), 422)
