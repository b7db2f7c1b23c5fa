"""Factories for the API tests: a valid payload per entity, and a row created through the API.

`n` varies the values of unique fields, so a test can create several rows. Rows are created
as `client`'s user; rows only admins may create (and those a payload needs) as `admin`'s.
"""

import base64
from typing import Any

from httpx import AsyncClient

from tests.envelope import unwrap


async def sample_body(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """A valid create payload for a Sample."""
    return {
        "title": f"title-{n}",
        "code": f"ABC-1{n}",
        "body": f"body-{n}",
        "count": 0 + n,
        "big": 0 + n,
        "ratio": 0.5,
        "price": str(0 + n),
        "active": n % 2 == 0,
        "born_on": f"2024-01-{n % 28 + 1:02d}",
        "seen_at": f"2024-01-01T00:00:{n % 60:02d}+00:00",
        "opens_at": f"12:00:{n % 60:02d}",
        "token": f"00000000-0000-4000-8000-{n:012d}",
        "email": f"user{n}@example.com",
        "homepage": f"https://example.com/{n}",
        "kind": ["small", "medium", "large"][n % 3],
        "payload": {"n": n},
        "blob": base64.b64encode(f"bytes-{n}".encode()).decode(),
        "password": f"password-{n}",
        "type": f"type-{n}",
        "date": f"2024-01-{n % 28 + 1:02d}",
    }


async def create_sample(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create a Sample through the API and return it as the API does."""
    response = await client.post("/api/v1/samples", json=await sample_body(client, n))
    created: dict[str, Any] = unwrap(response, 201)
    return created
