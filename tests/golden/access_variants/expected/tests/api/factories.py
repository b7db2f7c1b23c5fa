"""Factories for the API tests: a valid payload per entity, and a row created through the API.

`n` varies the values of unique fields, so a test can create several rows. Rows are created
as `client`'s user; rows only admins may create (and those a payload needs) as `admin`'s.
"""

from typing import Any

from httpx import AsyncClient

from tests.envelope import unwrap


async def board_body(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """A valid create payload for a Board."""
    return {
        "title": f"title-{n}",
    }


async def create_board(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create a Board through the API and return it as the API does."""
    response = await client.post("/api/v1/boards", json=await board_body(client, n))
    created: dict[str, Any] = unwrap(response, 201)
    return created


async def folder_body(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """A valid create payload for a Folder."""
    return {
        "name": f"name-{n}",
    }


async def create_folder(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create a Folder through the API and return it as the API does."""
    response = await client.post("/api/v1/folders", json=await folder_body(client, n))
    created: dict[str, Any] = unwrap(response, 201)
    return created


async def note_body(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """A valid create payload for a Note."""
    return {
        "body": f"body-{n}",
        "pin": f"pin-{n}",
        "extra": {"n": n},
        "folder_id": (await create_folder(client, n))["id"],
    }


async def create_note(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create a Note through the API and return it as the API does."""
    response = await client.post("/api/v1/notes", json=await note_body(client, n))
    created: dict[str, Any] = unwrap(response, 201)
    return created


async def report_body(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """A valid create payload for a Report."""
    return {
        "reason": f"reason-{n}",
        "board_id": (await create_board(client, n))["id"],
    }


async def create_report(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create a Report through the API and return it as the API does."""
    response = await client.post("/api/v1/reports", json=await report_body(client, n))
    created: dict[str, Any] = unwrap(response, 201)
    return created
