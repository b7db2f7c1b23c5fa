"""API tests of Node, generated from its spec's fields and constraints."""

from typing import Any

import pytest
from httpx import AsyncClient

from tests.api.factories import create_node, node_body
from tests.envelope import unwrap

ROUTE = "/api/v1/nodes"
PAGE = 2  # rows per page in the list tests, which create three rows


async def test_get_unknown_node_is_404(client: AsyncClient) -> None:
    assert unwrap(await client.get(f"{ROUTE}/2147483647"), 404) is None


async def test_create_then_get_node(client: AsyncClient) -> None:
    body = await node_body(client)
    created = unwrap(await client.post(ROUTE, json=body), 201)
    assert created["label"] == body["label"]
    assert created["source_id"] == body["source_id"]
    assert unwrap(await client.get(f"{ROUTE}/{created['id']}"), 200) == created


async def test_list_nodes_pages_with_a_cursor(client: AsyncClient) -> None:
    created = [(await create_node(client, n))["id"] for n in range(1, 4)]
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
        ("label", [0, 1, 2]),
        ("-label", [2, 1, 0]),
        ("weight", [0, 1, 2]),
        ("-weight", [2, 1, 0]),
        ("id", [0, 1, 2]),
        ("-id", [2, 1, 0]),
    ],
)
async def test_list_nodes_in_each_order(
    client: AsyncClient, sort: str, expected: list[int] | None
) -> None:
    created = [(await create_node(client, n))["id"] for n in range(1, 4)]
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


async def test_list_nodes_by_source_id(client: AsyncClient) -> None:
    wanted = await create_node(client, 1)
    await create_node(client, 2)
    page = unwrap(await client.get(ROUTE, params={"source_id": wanted["source_id"]}), 200)
    assert wanted["id"] in {item["id"] for item in page["items"]}
    assert all(item["source_id"] == wanted["source_id"] for item in page["items"])


async def test_update_node_changes_only_what_is_sent(client: AsyncClient) -> None:
    created = await create_node(client)
    changes: dict[str, Any] = {"label": "label-2"}
    url = f"{ROUTE}/{created['id']}"
    updated = unwrap(await client.patch(url, json=changes), 200)
    assert updated == {**created, **changes, "updated_at": updated["updated_at"]}


async def test_update_node_refuses_null_for_a_required_field(client: AsyncClient) -> None:
    created = await create_node(client)
    url = f"{ROUTE}/{created['id']}"
    unwrap(await client.patch(url, json={"label": None}), 422)


async def test_delete_node(client: AsyncClient) -> None:
    created = await create_node(client)
    url = f"{ROUTE}/{created['id']}"
    assert unwrap(await client.delete(url), 200) is None
    unwrap(await client.get(url), 404)
    unwrap(await client.delete(url), 404)


async def test_create_node_with_unknown_parent_id_is_409(client: AsyncClient) -> None:
    body = await node_body(client)
    body["parent_id"] = 2147483647
    unwrap(await client.post(ROUTE, json=body), 409)


async def test_create_node_with_unknown_source_id_is_409(client: AsyncClient) -> None:
    body = await node_body(client)
    body["source_id"] = 2147483647
    unwrap(await client.post(ROUTE, json=body), 409)


async def test_create_node_with_unknown_mirror_id_is_409(client: AsyncClient) -> None:
    body = await node_body(client)
    body["mirror_id"] = 2147483647
    unwrap(await client.post(ROUTE, json=body), 409)


async def test_node_parent_id_names_another_node(client: AsyncClient) -> None:
    parent = await create_node(client, 1)
    body = await node_body(client, 2)
    body["parent_id"] = parent["id"]
    child = unwrap(await client.post(ROUTE, json=body), 201)
    assert child["parent_id"] == parent["id"]
    assert unwrap(await client.get(f"{ROUTE}/{child['id']}"), 200) == child


@pytest.mark.parametrize("field", ["label", "weight", "source_id"])
async def test_create_node_without_a_required_field_is_422(client: AsyncClient, field: str) -> None:
    body = await node_body(client)
    del body[field]
    unwrap(await client.post(ROUTE, json=body), 422)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("label", "a" * 51),
        ("label", "nul\x00byte"),
        ("weight", -1.0),
        ("weight", 2.0),
        ("weight", "twelve"),
    ],
)
async def test_create_node_rejects_invalid_values(
    client: AsyncClient, field: str, value: Any
) -> None:
    body = await node_body(client)
    unwrap(await client.post(ROUTE, json={**body, field: value}), 422)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("label", "a" * 50),
        ("weight", 0.0),
        ("weight", 1.0),
    ],
)
async def test_create_node_accepts_values_on_the_boundary(
    client: AsyncClient, field: str, value: Any
) -> None:
    body = await node_body(client)
    unwrap(await client.post(ROUTE, json={**body, field: value}), 201)


async def test_create_node_with_an_unknown_field_is_422(client: AsyncClient) -> None:
    body = await node_body(client)
    unwrap(await client.post(ROUTE, json={**body, "unexpected": 1}), 422)


async def test_list_nodes_rejects_a_bad_cursor(client: AsyncClient) -> None:
    unwrap(await client.get(ROUTE, params={"cursor": "not-a-cursor"}), 422)
