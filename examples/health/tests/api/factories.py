"""Factories for the API tests: a valid payload per entity, and a row created through the API.

`n` varies the values of unique fields, so a test can create several rows. Rows are created
as `client`'s user; rows only admins may create (and those a payload needs) as `admin`'s.
"""

from typing import Any

from httpx import AsyncClient

from tests.envelope import unwrap


async def goal_body(client: AsyncClient, n: int = 1, *, admin: AsyncClient) -> dict[str, Any]:
    """A valid create payload for a Goal."""
    return {
        "target": str(0 + n),
        "due_on": f"2024-01-{n % 28 + 1:02d}",
        "achieved": n % 2 == 0,
        "metric_id": (await create_metric(admin, n))["id"],
    }


async def create_goal(client: AsyncClient, n: int = 1, *, admin: AsyncClient) -> dict[str, Any]:
    """Create a Goal through the API and return it as the API does."""
    response = await client.post("/api/v1/goals", json=await goal_body(client, n, admin=admin))
    created: dict[str, Any] = unwrap(response, 201)
    return created


async def measurement_body(
    client: AsyncClient, n: int = 1, *, admin: AsyncClient
) -> dict[str, Any]:
    """A valid create payload for a Measurement."""
    return {
        "value": str(0 + n),
        "taken_at": f"2024-01-01T00:00:{n % 60:02d}+00:00",
        "note": f"note-{n}",
        "metric_id": (await create_metric(admin, n))["id"],
    }


async def create_measurement(
    client: AsyncClient, n: int = 1, *, admin: AsyncClient
) -> dict[str, Any]:
    """Create a Measurement through the API and return it as the API does."""
    response = await client.post(
        "/api/v1/measurements", json=await measurement_body(client, n, admin=admin)
    )
    created: dict[str, Any] = unwrap(response, 201)
    return created


async def metric_body(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """A valid create payload for a Metric."""
    return {
        "name": f"name-{n}",
        "unit": f"unit-{n}",
        "description": f"description-{n}",
    }


async def create_metric(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create a Metric through the API and return it as the API does."""
    response = await client.post("/api/v1/metrics", json=await metric_body(client, n))
    created: dict[str, Any] = unwrap(response, 201)
    return created
