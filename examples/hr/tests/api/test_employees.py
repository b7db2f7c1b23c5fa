"""API tests of Employee, generated from its spec's fields and constraints."""

from typing import Any

import pytest
from httpx import AsyncClient

from tests.api.factories import create_employee, create_skill, employee_body
from tests.envelope import unwrap

ROUTE = "/api/v1/employees"
PAGE = 2  # rows per page in the list tests, which create three rows


async def test_get_unknown_employee_is_404(client: AsyncClient) -> None:
    assert unwrap(await client.get(f"{ROUTE}/2147483647"), 404) is None


async def test_create_then_get_employee(client: AsyncClient) -> None:
    body = await employee_body(client)
    created = unwrap(await client.post(ROUTE, json=body), 201)
    assert created["full_name"] == body["full_name"]
    assert created["email"] == body["email"]
    assert created["hired_on"] == body["hired_on"]
    assert created["department_id"] == body["department_id"]
    assert created["department"]["id"] == created["department_id"]
    assert unwrap(await client.get(f"{ROUTE}/{created['id']}"), 200) == created


async def test_list_employees_pages_with_a_cursor(client: AsyncClient) -> None:
    created = [(await create_employee(client, n))["id"] for n in range(1, 4)]
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
        ("full_name", [0, 1, 2]),
        ("-full_name", [2, 1, 0]),
        ("id", [0, 1, 2]),
        ("-id", [2, 1, 0]),
    ],
)
async def test_list_employees_in_each_order(
    client: AsyncClient, sort: str, expected: list[int] | None
) -> None:
    created = [(await create_employee(client, n))["id"] for n in range(1, 4)]
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


async def test_list_employees_by_department_id(client: AsyncClient) -> None:
    wanted = await create_employee(client, 1)
    await create_employee(client, 2)
    page = unwrap(await client.get(ROUTE, params={"department_id": wanted["department_id"]}), 200)
    assert wanted["id"] in {item["id"] for item in page["items"]}
    assert all(item["department_id"] == wanted["department_id"] for item in page["items"])


async def test_update_employee_changes_only_what_is_sent(client: AsyncClient) -> None:
    created = await create_employee(client)
    changes: dict[str, Any] = {"full_name": "full_name-2"}
    url = f"{ROUTE}/{created['id']}"
    updated = unwrap(await client.patch(url, json=changes), 200)
    assert updated == {**created, **changes, "updated_at": updated["updated_at"]}


async def test_update_employee_refuses_null_for_a_required_field(client: AsyncClient) -> None:
    created = await create_employee(client)
    url = f"{ROUTE}/{created['id']}"
    unwrap(await client.patch(url, json={"full_name": None}), 422)


async def test_delete_employee(client: AsyncClient) -> None:
    created = await create_employee(client)
    url = f"{ROUTE}/{created['id']}"
    assert unwrap(await client.delete(url), 200) is None
    unwrap(await client.get(url), 404)
    unwrap(await client.delete(url), 404)


async def test_create_duplicate_employee_is_409(client: AsyncClient) -> None:
    body = await employee_body(client)
    unwrap(await client.post(ROUTE, json=body), 201)
    unwrap(await client.post(ROUTE, json=body), 409)


async def test_create_employee_with_unknown_department_id_is_409(client: AsyncClient) -> None:
    body = await employee_body(client)
    body["department_id"] = 2147483647
    unwrap(await client.post(ROUTE, json=body), 409)


async def test_create_employee_with_unknown_manager_id_is_409(client: AsyncClient) -> None:
    body = await employee_body(client)
    body["manager_id"] = 2147483647
    unwrap(await client.post(ROUTE, json=body), 409)


async def test_create_employee_with_unknown_skill_ids_is_409(client: AsyncClient) -> None:
    body = await employee_body(client)
    body["skill_ids"] = [2147483647]
    unwrap(await client.post(ROUTE, json=body), 409)


async def test_create_employee_with_unknown_account_id_is_409(client: AsyncClient) -> None:
    body = await employee_body(client)
    body["account_id"] = 2147483647
    unwrap(await client.post(ROUTE, json=body), 409)


async def test_employee_skill_ids_are_set_replaced_and_cleared(client: AsyncClient) -> None:
    first, second, third = [(await create_skill(client, n))["id"] for n in (10, 11, 12)]
    body = await employee_body(client)
    body["skill_ids"] = [second, first, first]
    created = unwrap(await client.post(ROUTE, json=body), 201)
    assert created["skill_ids"] == sorted([first, second])
    url = f"{ROUTE}/{created['id']}"
    replaced = unwrap(await client.patch(url, json={"skill_ids": [third]}), 200)
    assert replaced["skill_ids"] == [third]
    assert unwrap(await client.get(url), 200)["skill_ids"] == [third]
    cleared = unwrap(await client.patch(url, json={"skill_ids": []}), 200)
    assert cleared["skill_ids"] == []
    unwrap(await client.patch(url, json={"skill_ids": None}), 422)
    unwrap(await client.patch(url, json={"skill_ids": [first, second]}), 200)
    unwrap(await client.delete(f"/api/v1/skills/{first}"), 200)
    assert unwrap(await client.get(url), 200)["skill_ids"] == [second]


async def test_employee_manager_id_names_another_employee(client: AsyncClient) -> None:
    parent = await create_employee(client, 1)
    body = await employee_body(client, 2)
    body["manager_id"] = parent["id"]
    child = unwrap(await client.post(ROUTE, json=body), 201)
    assert child["manager_id"] == parent["id"]
    assert unwrap(await client.get(f"{ROUTE}/{child['id']}"), 200) == child


@pytest.mark.parametrize("field", ["full_name", "email", "hired_on", "department_id"])
async def test_create_employee_without_a_required_field_is_422(
    client: AsyncClient, field: str
) -> None:
    body = await employee_body(client)
    del body[field]
    unwrap(await client.post(ROUTE, json=body), 422)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("full_name", "a" * 121),
        ("full_name", "nul\x00byte"),
        ("email", "a" * 321),
        ("email", "not-an-email"),
        ("hired_on", "2024-13-45"),
    ],
)
async def test_create_employee_rejects_invalid_values(
    client: AsyncClient, field: str, value: Any
) -> None:
    body = await employee_body(client)
    unwrap(await client.post(ROUTE, json={**body, field: value}), 422)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("full_name", "a" * 120),
    ],
)
async def test_create_employee_accepts_values_on_the_boundary(
    client: AsyncClient, field: str, value: Any
) -> None:
    body = await employee_body(client)
    unwrap(await client.post(ROUTE, json={**body, field: value}), 201)


async def test_create_employee_with_an_unknown_field_is_422(client: AsyncClient) -> None:
    body = await employee_body(client)
    unwrap(await client.post(ROUTE, json={**body, "unexpected": 1}), 422)


async def test_list_employees_rejects_a_bad_cursor(client: AsyncClient) -> None:
    unwrap(await client.get(ROUTE, params={"cursor": "not-a-cursor"}), 422)
