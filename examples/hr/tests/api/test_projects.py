"""API tests of Project, generated from its spec's fields and constraints."""

from typing import Any

import pytest
from httpx import AsyncClient

from tests.api.factories import create_employee, create_project, project_body
from tests.envelope import unwrap

ROUTE = "/api/v1/projects"
PAGE = 2  # rows per page in the list tests, which create three rows


async def test_get_unknown_project_is_404(client: AsyncClient) -> None:
    assert unwrap(await client.get(f"{ROUTE}/2147483647"), 404) is None


async def test_create_then_get_project(client: AsyncClient) -> None:
    body = await project_body(client)
    created = unwrap(await client.post(ROUTE, json=body), 201)
    assert created["title"] == body["title"]
    assert [row["id"] for row in created["members"]] == created["member_ids"]
    assert unwrap(await client.get(f"{ROUTE}/{created['id']}"), 200) == created


async def test_list_projects_pages_with_a_cursor(client: AsyncClient) -> None:
    created = [(await create_project(client, n))["id"] for n in range(1, 4)]
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
async def test_list_projects_in_each_order(
    client: AsyncClient, sort: str, expected: list[int] | None
) -> None:
    created = [(await create_project(client, n))["id"] for n in range(1, 4)]
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


async def test_update_project_changes_only_what_is_sent(client: AsyncClient) -> None:
    created = await create_project(client)
    changes: dict[str, Any] = {"title": "title-2"}
    url = f"{ROUTE}/{created['id']}"
    updated = unwrap(await client.patch(url, json=changes), 200)
    assert updated == {**created, **changes, "updated_at": updated["updated_at"]}


async def test_update_project_refuses_null_for_a_required_field(client: AsyncClient) -> None:
    created = await create_project(client)
    url = f"{ROUTE}/{created['id']}"
    unwrap(await client.patch(url, json={"title": None}), 422)


async def test_delete_project(client: AsyncClient) -> None:
    created = await create_project(client)
    url = f"{ROUTE}/{created['id']}"
    assert unwrap(await client.delete(url), 200) is None
    unwrap(await client.get(url), 404)
    unwrap(await client.delete(url), 404)


async def test_create_project_with_unknown_member_ids_is_409(client: AsyncClient) -> None:
    body = await project_body(client)
    body["member_ids"] = [2147483647]
    unwrap(await client.post(ROUTE, json=body), 409)


async def test_create_project_with_unknown_lead_id_is_409(client: AsyncClient) -> None:
    body = await project_body(client)
    body["lead_id"] = 2147483647
    unwrap(await client.post(ROUTE, json=body), 409)


async def test_project_member_ids_are_set_replaced_and_cleared(client: AsyncClient) -> None:
    first, second, third = [(await create_employee(client, n))["id"] for n in (10, 11, 12)]
    body = await project_body(client)
    body["member_ids"] = [second, first, first]
    created = unwrap(await client.post(ROUTE, json=body), 201)
    assert created["member_ids"] == sorted([first, second])
    url = f"{ROUTE}/{created['id']}"
    replaced = unwrap(await client.patch(url, json={"member_ids": [third]}), 200)
    assert replaced["member_ids"] == [third]
    assert unwrap(await client.get(url), 200)["member_ids"] == [third]
    cleared = unwrap(await client.patch(url, json={"member_ids": []}), 200)
    assert cleared["member_ids"] == []
    unwrap(await client.patch(url, json={"member_ids": None}), 422)
    unwrap(await client.patch(url, json={"member_ids": [first, second]}), 200)
    unwrap(await client.delete(f"/api/v1/employees/{first}"), 200)
    assert unwrap(await client.get(url), 200)["member_ids"] == [second]


async def test_second_project_with_the_same_lead_id_is_409(client: AsyncClient) -> None:
    target = await create_employee(client, 11)
    first = await project_body(client, 1)
    first["lead_id"] = target["id"]
    unwrap(await client.post(ROUTE, json=first), 201)
    second = await project_body(client, 2)
    second["lead_id"] = target["id"]
    unwrap(await client.post(ROUTE, json=second), 409)


@pytest.mark.parametrize("field", ["title"])
async def test_create_project_without_a_required_field_is_422(
    client: AsyncClient, field: str
) -> None:
    body = await project_body(client)
    del body[field]
    unwrap(await client.post(ROUTE, json=body), 422)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "a" * 121),
        ("title", "nul\x00byte"),
        ("budget", "1" * 13),
        ("budget", "twelve"),
    ],
)
async def test_create_project_rejects_invalid_values(
    client: AsyncClient, field: str, value: Any
) -> None:
    body = await project_body(client)
    unwrap(await client.post(ROUTE, json={**body, field: value}), 422)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "a" * 120),
    ],
)
async def test_create_project_accepts_values_on_the_boundary(
    client: AsyncClient, field: str, value: Any
) -> None:
    body = await project_body(client)
    unwrap(await client.post(ROUTE, json={**body, field: value}), 201)


async def test_create_project_with_an_unknown_field_is_422(client: AsyncClient) -> None:
    body = await project_body(client)
    unwrap(await client.post(ROUTE, json={**body, "unexpected": 1}), 422)


async def test_list_projects_rejects_a_bad_cursor(client: AsyncClient) -> None:
    unwrap(await client.get(ROUTE, params={"cursor": "not-a-cursor"}), 422)
