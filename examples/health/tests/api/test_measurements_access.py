"""Who may call the endpoints of Measurement, generated from its spec's `access:`.

Measurement is `access: owner`: every user reads and writes only their own rows, and
another user's row does not exist for them.
"""

import pytest
from httpx import AsyncClient

from tests.api.factories import create_goal, create_measurement, measurement_body
from tests.envelope import unwrap

ROUTE = "/api/v1/measurements"
MISSING = f"{ROUTE}/2147483647"
HIDDEN = frozenset({"password", "hashed_password"})  # never in a response


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("GET", ROUTE),
        ("POST", ROUTE),
        ("GET", MISSING),
        ("PATCH", MISSING),
        ("DELETE", MISSING),
    ],
)
async def test_measurements_need_a_token(
    anonymous_client: AsyncClient, method: str, url: str
) -> None:
    response = await anonymous_client.request(
        method, url, json={} if method in ("POST", "PATCH") else None
    )
    unwrap(response, 401)
    assert response.headers["www-authenticate"] == "Bearer"


async def test_another_users_measurement_is_not_found(
    client: AsyncClient, other_client: AsyncClient, admin_client: AsyncClient
) -> None:
    mine = await create_measurement(client, admin=admin_client)
    url = f"{ROUTE}/{mine['id']}"
    assert unwrap(await client.get(url), 200) == mine
    unwrap(await other_client.get(url), 404)
    unwrap(await other_client.patch(url, json={}), 404)
    unwrap(await other_client.delete(url), 404)
    assert unwrap(await client.get(url), 200) == mine


async def test_each_user_lists_only_their_own_measurements(
    client: AsyncClient, other_client: AsyncClient, admin_client: AsyncClient
) -> None:
    mine = await create_measurement(client, 1, admin=admin_client)
    theirs = await create_measurement(other_client, 2, admin=admin_client)
    assert mine["owner_id"] != theirs["owner_id"]
    my_page = unwrap(await client.get(ROUTE), 200)
    their_page = unwrap(await other_client.get(ROUTE), 200)
    assert [item["id"] for item in my_page["items"]] == [mine["id"]]
    assert [item["id"] for item in their_page["items"]] == [theirs["id"]]


async def test_measurement_owner_is_not_taken_from_the_client(
    client: AsyncClient, admin_client: AsyncClient
) -> None:
    body = await measurement_body(client, admin=admin_client)
    unwrap(await client.post(ROUTE, json={**body, "owner_id": 1}), 422)


async def test_measurement_cannot_name_another_users_goal_id(
    client: AsyncClient, other_client: AsyncClient, admin_client: AsyncClient
) -> None:
    theirs = await create_goal(other_client, 2, admin=admin_client)
    body = await measurement_body(client, admin=admin_client)
    unwrap(await client.post(ROUTE, json={**body, "goal_id": theirs["id"]}), 409)
    mine = unwrap(await client.post(ROUTE, json=body), 201)
    url = f"{ROUTE}/{mine['id']}"
    unwrap(await client.patch(url, json={"goal_id": theirs["id"]}), 409)


async def test_measurements_responses_hold_no_password_or_secret(
    client: AsyncClient, admin_client: AsyncClient
) -> None:
    created = await create_measurement(client, admin=admin_client)
    rows = [created, unwrap(await client.get(f"{ROUTE}/{created['id']}"), 200)]
    rows += unwrap(await client.get(ROUTE), 200)["items"]
    for row in rows:
        assert HIDDEN.isdisjoint(row)
