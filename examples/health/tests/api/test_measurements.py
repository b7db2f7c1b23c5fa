"""API tests of Measurement, generated from its spec's fields and constraints."""

from typing import Any

import pytest
from httpx import AsyncClient

from tests.api.factories import create_measurement, measurement_body
from tests.envelope import unwrap

ROUTE = "/api/v1/measurements"
PAGE = 2  # rows per page in the list tests, which create three rows


async def test_get_unknown_measurement_is_404(client: AsyncClient) -> None:
    assert unwrap(await client.get(f"{ROUTE}/2147483647"), 404) is None


async def test_create_then_get_measurement(client: AsyncClient, admin_client: AsyncClient) -> None:
    body = await measurement_body(client, admin=admin_client)
    created = unwrap(await client.post(ROUTE, json=body), 201)
    assert created["note"] == body["note"]
    assert created["metric_id"] == body["metric_id"]
    assert unwrap(await client.get(f"{ROUTE}/{created['id']}"), 200) == created


async def test_list_measurements_pages_with_a_cursor(
    client: AsyncClient, admin_client: AsyncClient
) -> None:
    created = [(await create_measurement(client, n, admin=admin_client))["id"] for n in range(1, 4)]
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
        ("taken_at", [0, 1, 2]),
        ("-taken_at", [2, 1, 0]),
        ("value", [0, 1, 2]),
        ("-value", [2, 1, 0]),
        ("id", [0, 1, 2]),
        ("-id", [2, 1, 0]),
    ],
)
async def test_list_measurements_in_each_order(
    client: AsyncClient, admin_client: AsyncClient, sort: str, expected: list[int] | None
) -> None:
    created = [(await create_measurement(client, n, admin=admin_client))["id"] for n in range(1, 4)]
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


async def test_list_measurements_by_metric_id(
    client: AsyncClient, admin_client: AsyncClient
) -> None:
    wanted = await create_measurement(client, 1, admin=admin_client)
    await create_measurement(client, 2, admin=admin_client)
    page = unwrap(await client.get(ROUTE, params={"metric_id": wanted["metric_id"]}), 200)
    assert wanted["id"] in {item["id"] for item in page["items"]}
    assert all(item["metric_id"] == wanted["metric_id"] for item in page["items"])


async def test_update_measurement_changes_only_what_is_sent(
    client: AsyncClient, admin_client: AsyncClient
) -> None:
    created = await create_measurement(client, admin=admin_client)
    changes: dict[str, Any] = {"note": "note-2"}
    url = f"{ROUTE}/{created['id']}"
    updated = unwrap(await client.patch(url, json=changes), 200)
    assert updated == {**created, **changes, "updated_at": updated["updated_at"]}


async def test_update_measurement_refuses_null_for_a_required_field(
    client: AsyncClient, admin_client: AsyncClient
) -> None:
    created = await create_measurement(client, admin=admin_client)
    url = f"{ROUTE}/{created['id']}"
    unwrap(await client.patch(url, json={"value": None}), 422)


async def test_delete_measurement(client: AsyncClient, admin_client: AsyncClient) -> None:
    created = await create_measurement(client, admin=admin_client)
    url = f"{ROUTE}/{created['id']}"
    assert unwrap(await client.delete(url), 200) is None
    unwrap(await client.get(url), 404)
    unwrap(await client.delete(url), 404)


async def test_create_measurement_with_unknown_metric_id_is_409(
    client: AsyncClient, admin_client: AsyncClient
) -> None:
    body = await measurement_body(client, admin=admin_client)
    body["metric_id"] = 2147483647
    unwrap(await client.post(ROUTE, json=body), 409)


async def test_create_measurement_with_unknown_goal_id_is_409(
    client: AsyncClient, admin_client: AsyncClient
) -> None:
    body = await measurement_body(client, admin=admin_client)
    body["goal_id"] = 2147483647
    unwrap(await client.post(ROUTE, json=body), 409)


@pytest.mark.parametrize("field", ["value", "taken_at", "metric_id"])
async def test_create_measurement_without_a_required_field_is_422(
    client: AsyncClient, admin_client: AsyncClient, field: str
) -> None:
    body = await measurement_body(client, admin=admin_client)
    del body[field]
    unwrap(await client.post(ROUTE, json=body), 422)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("value", "11111111111"),
        ("value", "twelve"),
        ("taken_at", "2024-01-01T00:00:00"),
        ("note", "a" * 201),
        ("note", "nul\x00byte"),
    ],
)
async def test_create_measurement_rejects_invalid_values(
    client: AsyncClient, admin_client: AsyncClient, field: str, value: Any
) -> None:
    body = await measurement_body(client, admin=admin_client)
    unwrap(await client.post(ROUTE, json={**body, field: value}), 422)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("note", "a" * 200),
    ],
)
async def test_create_measurement_accepts_values_on_the_boundary(
    client: AsyncClient, admin_client: AsyncClient, field: str, value: Any
) -> None:
    body = await measurement_body(client, admin=admin_client)
    unwrap(await client.post(ROUTE, json={**body, field: value}), 201)


async def test_create_measurement_with_an_unknown_field_is_422(
    client: AsyncClient, admin_client: AsyncClient
) -> None:
    body = await measurement_body(client, admin=admin_client)
    unwrap(await client.post(ROUTE, json={**body, "unexpected": 1}), 422)


async def test_list_measurements_rejects_a_bad_cursor(client: AsyncClient) -> None:
    unwrap(await client.get(ROUTE, params={"cursor": "not-a-cursor"}), 422)
