"""API tests of Post, generated from its spec's fields and constraints."""

from typing import Any

import pytest
from httpx import AsyncClient

from tests.api.factories import create_post, post_body
from tests.envelope import unwrap

ROUTE = "/api/v1/posts"
PAGE = 2  # rows per page in the list tests, which create three rows


async def test_get_unknown_post_is_404(client: AsyncClient) -> None:
    assert unwrap(await client.get(f"{ROUTE}/00000000-0000-4000-8000-ffffffffffff"), 404) is None


async def test_create_then_get_post(client: AsyncClient) -> None:
    body = await post_body(client)
    created = unwrap(await client.post(ROUTE, json=body), 201)
    assert created["title"] == body["title"]
    assert created["slug"] == body["slug"]
    assert created["body"] == body["body"]
    assert created["status"] == body["status"]
    assert created["reading_minutes"] == body["reading_minutes"]
    assert created["featured"] == body["featured"]
    assert created["extra"] == body["extra"]
    assert created["author_id"] == body["author_id"]
    assert unwrap(await client.get(f"{ROUTE}/{created['id']}"), 200) == created


async def test_list_posts_pages_with_a_cursor(client: AsyncClient) -> None:
    created = [(await create_post(client, n))["id"] for n in range(1, 4)]
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
        ("created_at", [0, 1, 2]),
        ("-created_at", [2, 1, 0]),
        ("title", [0, 1, 2]),
        ("-title", [2, 1, 0]),
        ("id", None),
        ("-id", None),
    ],
)
async def test_list_posts_in_each_order(
    client: AsyncClient, sort: str, expected: list[int] | None
) -> None:
    created = [(await create_post(client, n))["id"] for n in range(1, 4)]
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


async def test_list_posts_by_status(client: AsyncClient) -> None:
    wanted = await create_post(client, 1)
    await create_post(client, 2)
    page = unwrap(await client.get(ROUTE, params={"status": wanted["status"]}), 200)
    assert wanted["id"] in {item["id"] for item in page["items"]}
    assert all(item["status"] == wanted["status"] for item in page["items"])


async def test_list_posts_by_author_id(client: AsyncClient) -> None:
    wanted = await create_post(client, 1)
    await create_post(client, 2)
    page = unwrap(await client.get(ROUTE, params={"author_id": wanted["author_id"]}), 200)
    assert wanted["id"] in {item["id"] for item in page["items"]}
    assert all(item["author_id"] == wanted["author_id"] for item in page["items"])


async def test_list_posts_by_featured(client: AsyncClient) -> None:
    wanted = await create_post(client, 1)
    await create_post(client, 2)
    page = unwrap(await client.get(ROUTE, params={"featured": wanted["featured"]}), 200)
    assert wanted["id"] in {item["id"] for item in page["items"]}
    assert all(item["featured"] == wanted["featured"] for item in page["items"])


async def test_update_post_changes_only_what_is_sent(client: AsyncClient) -> None:
    created = await create_post(client)
    changes: dict[str, Any] = {"title": "title-2"}
    url = f"{ROUTE}/{created['id']}"
    updated = unwrap(await client.patch(url, json=changes), 200)
    assert updated == {**created, **changes, "updated_at": updated["updated_at"]}


async def test_update_post_refuses_null_for_a_required_field(client: AsyncClient) -> None:
    created = await create_post(client)
    url = f"{ROUTE}/{created['id']}"
    unwrap(await client.patch(url, json={"title": None}), 422)


async def test_delete_post(client: AsyncClient) -> None:
    created = await create_post(client)
    url = f"{ROUTE}/{created['id']}"
    assert unwrap(await client.delete(url), 200) is None
    unwrap(await client.get(url), 404)
    unwrap(await client.delete(url), 404)


async def test_create_duplicate_post_is_409(client: AsyncClient) -> None:
    body = await post_body(client)
    unwrap(await client.post(ROUTE, json=body), 201)
    unwrap(await client.post(ROUTE, json=body), 409)


async def test_create_post_with_unknown_author_id_is_409(client: AsyncClient) -> None:
    body = await post_body(client)
    body["author_id"] = 2147483647
    unwrap(await client.post(ROUTE, json=body), 409)


@pytest.mark.parametrize("field", ["title", "slug", "body", "author_id"])
async def test_create_post_without_a_required_field_is_422(client: AsyncClient, field: str) -> None:
    body = await post_body(client)
    del body[field]
    unwrap(await client.post(ROUTE, json=body), 422)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "a" * 201),
        ("title", "nul\x00byte"),
        ("slug", "a" * 201),
        ("slug", "nul\x00byte"),
        ("body", "a" * 100001),
        ("body", "nul\x00byte"),
        ("status", "not_a_draft_published_archived"),
        ("published_at", "2024-01-01T00:00:00"),
        ("reading_minutes", 0),
        ("reading_minutes", 601),
        ("reading_minutes", "twelve"),
        ("featured", "maybe"),
        ("extra", "a" * 65536),
    ],
)
async def test_create_post_rejects_invalid_values(
    client: AsyncClient, field: str, value: Any
) -> None:
    body = await post_body(client)
    unwrap(await client.post(ROUTE, json={**body, field: value}), 422)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "a" * 200),
        ("slug", "a" * 200),
        ("body", "a" * 100000),
        ("reading_minutes", 1),
        ("reading_minutes", 600),
    ],
)
async def test_create_post_accepts_values_on_the_boundary(
    client: AsyncClient, field: str, value: Any
) -> None:
    body = await post_body(client)
    unwrap(await client.post(ROUTE, json={**body, field: value}), 201)


async def test_create_post_with_an_unknown_field_is_422(client: AsyncClient) -> None:
    body = await post_body(client)
    unwrap(await client.post(ROUTE, json={**body, "unexpected": 1}), 422)


async def test_list_posts_rejects_a_bad_cursor(client: AsyncClient) -> None:
    unwrap(await client.get(ROUTE, params={"cursor": "not-a-cursor"}), 422)
