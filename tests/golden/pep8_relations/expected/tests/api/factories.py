"""Factories for the API tests: a valid payload per entity, and a row created through the API.

`n` varies the values of unique fields, so a test can create several rows. Rows are created
as `client`'s user; rows only admins may create (and those a payload needs) as `admin`'s.
"""

from typing import Any

from httpx import AsyncClient

from tests.envelope import unwrap


async def customer_body(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """A valid create payload for a Customer."""
    return {
        "name": f"name-{n}",
        "email": f"user{n}@example.com",
    }


async def create_customer(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create a Customer through the API and return it as the API does."""
    response = await client.post("/api/v1/customers", json=await customer_body(client, n))
    created: dict[str, Any] = unwrap(response, 201)
    return created


async def invoice_body(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """A valid create payload for an Invoice."""
    return {
        "number": f"number-{n}",
        "amount": str(0 + n),
        "customer_id": (await create_customer(client, n))["id"],
    }


async def create_invoice(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create an Invoice through the API and return it as the API does."""
    response = await client.post("/api/v1/invoices", json=await invoice_body(client, n))
    created: dict[str, Any] = unwrap(response, 201)
    return created


async def refund_body(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """A valid create payload for a Refund."""
    return {
        "reason": f"reason-{n}",
        "invoice_id": (await create_invoice(client, n))["id"],
    }


async def create_refund(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create a Refund through the API and return it as the API does."""
    response = await client.post("/api/v1/refunds", json=await refund_body(client, n))
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
