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
        "handle": f"ada_l{n}",
        "display_name": f"display_name-{n}",
        "email": f"user{n}@example.com",
        "bio": f"bio-{n}",
        "website": f"https://example.com/{n}",
    }


async def create_author(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create an Author through the API and return it as the API does."""
    response = await client.post("/api/v1/authors", json=await author_body(client, n))
    created: dict[str, Any] = unwrap(response, 201)
    return created


async def comment_body(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """A valid create payload for a Comment."""
    return {
        "author_name": f"author_name-{n}",
        "body": f"body-{n}",
        "approved": n % 2 == 0,
        "post_id": (await create_post(client, n))["id"],
    }


async def create_comment(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create a Comment through the API and return it as the API does."""
    response = await client.post("/api/v1/comments", json=await comment_body(client, n))
    created: dict[str, Any] = unwrap(response, 201)
    return created


async def post_body(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """A valid create payload for a Post."""
    return {
        "title": f"title-{n}",
        "slug": f"slug-{n}",
        "body": f"body-{n}",
        "status": ["draft", "published", "archived"][n % 3],
        "published_at": f"2024-01-01T00:00:{n % 60:02d}+00:00",
        "reading_minutes": 1 + n,
        "featured": n % 2 == 0,
        "extra": {"n": n},
        "author_id": (await create_author(client, n))["id"],
    }


async def create_post(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create a Post through the API and return it as the API does."""
    response = await client.post("/api/v1/posts", json=await post_body(client, n))
    created: dict[str, Any] = unwrap(response, 201)
    return created


async def tag_body(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """A valid create payload for a Tag."""
    return {
        "name": f"name-{n}",
        "color": "#ff8800",
    }


async def create_tag(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create a Tag through the API and return it as the API does."""
    response = await client.post("/api/v1/tags", json=await tag_body(client, n))
    created: dict[str, Any] = unwrap(response, 201)
    return created
