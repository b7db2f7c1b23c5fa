"""Factories for the API tests: a valid payload per entity, and a row created through the API.

`n` varies the values of unique fields, so a test can create several rows. Rows are created
as `client`'s user; rows only admins may create (and those a payload needs) as `admin`'s.
"""

from typing import Any

from httpx import AsyncClient

from tests.envelope import unwrap


async def author_body(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """A valid create payload for an Author."""
    return {
        "name": f"name-{n}",
    }


async def create_author(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create an Author through the API and return it as the API does."""
    response = await client.post("/api/v1/authors", json=await author_body(client, n))
    created: dict[str, Any] = unwrap(response, 201)
    return created


async def note_body(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """A valid create payload for a Note."""
    return {
        "title": f"title-{n}",
        "body": f"body-{n}",
        "pinned": n % 2 == 0,
        "author_id": (await create_author(client, n))["id"],
    }


async def create_note(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create a Note through the API and return it as the API does."""
    response = await client.post("/api/v1/notes", json=await note_body(client, n))
    created: dict[str, Any] = unwrap(response, 201)
    return created


async def tag_body(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """A valid create payload for a Tag."""
    return {
        "label": f"label-{n}",
    }


async def create_tag(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create a Tag through the API and return it as the API does."""
    response = await client.post("/api/v1/tags", json=await tag_body(client, n))
    created: dict[str, Any] = unwrap(response, 201)
    return created
