"""Factories for the API tests: a valid payload per entity, and a row created through the API.

`n` varies the values of unique fields, so a test can create several rows. Rows are created
as `client`'s user; rows only admins may create (and those a payload needs) as `admin`'s.
"""

import base64
from typing import Any

from httpx import AsyncClient

from tests.envelope import unwrap


async def data_body(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """A valid create payload for a Data."""
    return {
        "type": f"type-{n}",
        "format": ["csv", "json_lines"][n % 2],
        "hash": f"hash-{n}",
        "filter": f"filter-{n}",
        "input": -5 + n,
        "max": 0.0 + n,
        "min": str(0 + n),
        "date": f"2024-01-{n % 28 + 1:02d}",
        "time": f"12:00:{n % 60:02d}",
        "datetime": f"2024-01-01T00:00:{n % 60:02d}+00:00",
        "uuid": f"00000000-0000-4000-8000-{n:012d}",
        "decimal": str(0 + n),
        "email": f"user{n}@example.com",
        "url": f"https://example.com/{n}",
        "property": n % 2 == 0,
        "range": 0 + n,
        "status": f"{n:03d}",
    }


async def create_data(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create a Data through the API and return it as the API does."""
    response = await client.post("/api/v1/data-points", json=await data_body(client, n))
    created: dict[str, Any] = unwrap(response, 201)
    return created


async def leaf_body(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """A valid create payload for a Leaf."""
    return {
        "note": f"note-{n}",
        "secret_code": f"secret_code-{n}",
        "node_id": (await create_node(client, n))["id"],
    }


async def create_leaf(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create a Leaf through the API and return it as the API does."""
    response = await client.post("/api/v1/leaves", json=await leaf_body(client, n))
    created: dict[str, Any] = unwrap(response, 201)
    return created


async def node_body(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """A valid create payload for a Node."""
    return {
        "label": f"label-{n}",
        "weight": 0.0,
        "source_id": (await create_data(client, n))["id"],
    }


async def create_node(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create a Node through the API and return it as the API does."""
    response = await client.post("/api/v1/nodes", json=await node_body(client, n))
    created: dict[str, Any] = unwrap(response, 201)
    return created


async def series_body(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """A valid create payload for a Series."""
    return {
        "a_str": f"a_str-{n}",
        "a_text": f"a_text-{n}",
        "a_int": 0 + n,
        "a_bigint": 0 + n,
        "a_float": 0.0 + n,
        "a_decimal": str(0 + n),
        "a_bool": n % 2 == 0,
        "a_date": f"2024-01-{n % 28 + 1:02d}",
        "a_datetime": f"2024-01-01T00:00:{n % 60:02d}+00:00",
        "a_time": f"12:00:{n % 60:02d}",
        "a_uuid": f"00000000-0000-4000-8000-{n:012d}",
        "a_email": f"user{n}@example.com",
        "a_url": f"https://example.com/{n}",
        "a_enum": ["one", "two"][n % 2],
        "a_json": {"n": n},
        "a_bytes": base64.b64encode(f"bytes-{n}".encode()).decode(),
    }


async def create_series(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create a Series through the API and return it as the API does."""
    response = await client.post("/api/v1/series", json=await series_body(client, n))
    created: dict[str, Any] = unwrap(response, 201)
    return created
