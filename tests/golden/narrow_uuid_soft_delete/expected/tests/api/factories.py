"""Factories for the API tests: a valid payload per entity, and a row created through the API.

`n` varies the values of unique fields, so a test can create several rows. Rows are created
as `client`'s user; rows only admins may create (and those a payload needs) as `admin`'s.
"""

from typing import Any

from httpx import AsyncClient

from tests.envelope import unwrap


async def news_body(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """A valid create payload for a News."""
    return {
        "headline": f"headline-{n}",
        "status": ["draft", "live"][n % 2],
    }


async def create_news(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create a News through the API and return it as the API does."""
    response = await client.post("/api/v1/news", json=await news_body(client, n))
    created: dict[str, Any] = unwrap(response, 201)
    return created
