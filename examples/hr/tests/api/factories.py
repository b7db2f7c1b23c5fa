"""Factories for the API tests: a valid payload per entity, and a row created through the API.

`n` varies the values of unique fields, so a test can create several rows. Rows are created
as `client`'s user; rows only admins may create (and those a payload needs) as `admin`'s.
"""

from typing import Any

from httpx import AsyncClient

from tests.envelope import unwrap


async def badge_body(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """A valid create payload for a Badge."""
    return {
        "code": f"code-{n}",
        "active": n % 2 == 0,
        "employee_id": (await create_employee(client, n))["id"],
        "issued_by_id": unwrap(await client.get("/auth/me"), 200)["id"],
    }


async def create_badge(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create a Badge through the API and return it as the API does."""
    response = await client.post("/api/v1/badges", json=await badge_body(client, n))
    created: dict[str, Any] = unwrap(response, 201)
    return created


async def department_body(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """A valid create payload for a Department."""
    return {
        "name": f"name-{n}",
        "cost_center": f"{n:01d}",
    }


async def create_department(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create a Department through the API and return it as the API does."""
    response = await client.post("/api/v1/departments", json=await department_body(client, n))
    created: dict[str, Any] = unwrap(response, 201)
    return created


async def employee_body(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """A valid create payload for an Employee."""
    return {
        "full_name": f"full_name-{n}",
        "email": f"user{n}@example.com",
        "hired_on": f"2024-01-{n % 28 + 1:02d}",
        "department_id": (await create_department(client, n))["id"],
    }


async def create_employee(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create an Employee through the API and return it as the API does."""
    response = await client.post("/api/v1/employees", json=await employee_body(client, n))
    created: dict[str, Any] = unwrap(response, 201)
    return created


async def project_body(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """A valid create payload for a Project."""
    return {
        "title": f"title-{n}",
        "budget": str(0 + n),
    }


async def create_project(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create a Project through the API and return it as the API does."""
    response = await client.post("/api/v1/projects", json=await project_body(client, n))
    created: dict[str, Any] = unwrap(response, 201)
    return created


async def skill_body(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """A valid create payload for a Skill."""
    return {
        "name": f"name-{n}",
    }


async def create_skill(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create a Skill through the API and return it as the API does."""
    response = await client.post("/api/v1/skills", json=await skill_body(client, n))
    created: dict[str, Any] = unwrap(response, 201)
    return created
