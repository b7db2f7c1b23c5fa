"""Factories for the API tests: a valid payload per entity, and a row created through the API.

`n` varies the values of unique fields, so a test can create several rows. Rows are created
as `client`'s user; rows only admins may create (and those a payload needs) as `admin`'s.
"""

from typing import Any

from httpx import AsyncClient

from tests.envelope import unwrap


async def category_body(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """A valid create payload for a Category."""
    return {
        "name": f"name-{n}",
        "slug": f"garden-tools-{n}",
    }


async def create_category(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create a Category through the API and return it as the API does."""
    response = await client.post("/api/v1/categories", json=await category_body(client, n))
    created: dict[str, Any] = unwrap(response, 201)
    return created


async def customer_body(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """A valid create payload for a Customer."""
    return {
        "name": f"name-{n}",
        "email": f"user{n}@example.com",
        "phone": f"phone-{n}",
        "loyalty_points": 0 + n,
        "birthday": f"2024-01-{n % 28 + 1:02d}",
    }


async def create_customer(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create a Customer through the API and return it as the API does."""
    response = await client.post("/api/v1/customers", json=await customer_body(client, n))
    created: dict[str, Any] = unwrap(response, 201)
    return created


async def order_body(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """A valid create payload for an Order."""
    return {
        "number": f"number-{n}",
        "status": ["pending", "paid", "shipped", "cancelled"][n % 4],
        "total": str(0 + n),
        "placed_at": f"2024-01-01T00:00:{n % 60:02d}+00:00",
        "notes": f"notes-{n}",
        "customer_id": (await create_customer(client, n))["id"],
    }


async def create_order(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create an Order through the API and return it as the API does."""
    response = await client.post("/api/v1/orders", json=await order_body(client, n))
    created: dict[str, Any] = unwrap(response, 201)
    return created


async def order_line_body(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """A valid create payload for an OrderLine."""
    return {
        "quantity": 1 + n,
        "unit_price": str(0 + n),
        "order_id": (await create_order(client, n))["id"],
        "product_id": (await create_product(client, n))["id"],
    }


async def create_order_line(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create an OrderLine through the API and return it as the API does."""
    response = await client.post("/api/v1/order-lines", json=await order_line_body(client, n))
    created: dict[str, Any] = unwrap(response, 201)
    return created


async def product_body(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """A valid create payload for a Product."""
    return {
        "sku": f"sku-{n}",
        "name": f"name-{n}",
        "description": f"description-{n}",
        "price": str(0 + n),
        "stock": 0 + n,
        "active": n % 2 == 0,
        "weight_kg": 0.5 + n,
    }


async def create_product(client: AsyncClient, n: int = 1) -> dict[str, Any]:
    """Create a Product through the API and return it as the API does."""
    response = await client.post("/api/v1/products", json=await product_body(client, n))
    created: dict[str, Any] = unwrap(response, 201)
    return created
