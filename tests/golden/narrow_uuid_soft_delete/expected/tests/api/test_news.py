"""API tests of News, generated from its spec's fields and constraints."""

from typing import Any

import pytest
from httpx import AsyncClient

from tests.api.factories import create_news, news_body
from tests.envelope import unwrap

ROUTE = "/api/v1/news"
PAGE = 2  # rows per page in the list tests, which create three rows


async def test_get_unknown_news_is_404(client: AsyncClient) -> None:
    assert unwrap(await client.get(f"{ROUTE}/00000000-0000-4000-8000-ffffffffffff"), 404) is None


async def test_create_then_get_news(client: AsyncClient) -> None:
    body = await news_body(client)
    created = unwrap(await client.post(ROUTE, json=body), 201)
    assert created["headline"] == body["headline"]
    assert created["status"] == body["status"]
    assert unwrap(await client.get(f"{ROUTE}/{created['id']}"), 200) == created


async def test_list_news_pages_with_a_cursor(client: AsyncClient) -> None:
    created = [(await create_news(client, n))["id"] for n in range(1, 4)]
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
        ("id", None),
        ("-id", None),
    ],
)
async def test_list_news_in_each_order(
    client: AsyncClient, sort: str, expected: list[int] | None
) -> None:
    created = [(await create_news(client, n))["id"] for n in range(1, 4)]
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


@pytest.mark.parametrize("field", ["headline"])
async def test_create_news_without_a_required_field_is_422(client: AsyncClient, field: str) -> None:
    body = await news_body(client)
    del body[field]
    unwrap(await client.post(ROUTE, json=body), 422)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("headline", "a" * 121),
        ("headline", "nul\x00byte"),
        ("status", "not_a_draft_live"),
    ],
)
async def test_create_news_rejects_invalid_values(
    client: AsyncClient, field: str, value: Any
) -> None:
    body = await news_body(client)
    unwrap(await client.post(ROUTE, json={**body, field: value}), 422)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("headline", "a" * 120),
    ],
)
async def test_create_news_accepts_values_on_the_boundary(
    client: AsyncClient, field: str, value: Any
) -> None:
    body = await news_body(client)
    unwrap(await client.post(ROUTE, json={**body, field: value}), 201)


async def test_create_news_with_an_unknown_field_is_422(client: AsyncClient) -> None:
    body = await news_body(client)
    unwrap(await client.post(ROUTE, json={**body, "unexpected": 1}), 422)


async def test_list_news_rejects_a_bad_cursor(client: AsyncClient) -> None:
    unwrap(await client.get(ROUTE, params={"cursor": "not-a-cursor"}), 422)
