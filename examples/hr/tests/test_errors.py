"""Every error leaves the API as an envelope whose `code` is the HTTP status."""

import logging
from collections.abc import AsyncIterator
from decimal import Decimal

import pytest
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient
from pydantic import BaseModel, ConfigDict
from sqlalchemy.exc import IntegrityError

from hr.api.errors import register_exception_handlers
from hr.core.errors import NotFoundError


class Item(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    price: Decimal


def make_app() -> FastAPI:
    """A small application with one route per kind of error."""
    app = FastAPI()
    register_exception_handlers(app)

    @app.post("/items")
    async def create_item(item: Item) -> Item:
        return item

    @app.get("/missing")
    async def missing() -> None:
        raise NotFoundError.for_entity("Item", 5)

    @app.get("/duplicate")
    async def duplicate() -> None:
        raise IntegrityError("INSERT INTO items ...", {}, Exception("UNIQUE constraint failed"))

    @app.get("/broken")
    async def broken() -> None:
        raise RuntimeError("secret internals")

    return app


@pytest.fixture
async def error_client() -> AsyncIterator[AsyncClient]:
    """A client for `make_app()` that turns unhandled errors into responses, like a server."""
    transport = ASGITransport(app=make_app(), raise_app_exceptions=False)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


async def test_unknown_route_is_a_404_envelope(client: AsyncClient) -> None:
    response = await client.get("/no-such-route")

    assert response.status_code == 404
    assert response.json() == {"code": 404, "data": None, "message": "Not Found"}


async def test_wrong_method_is_a_405_envelope(client: AsyncClient) -> None:
    response = await client.delete("/health")

    assert response.status_code == 405
    assert response.json() == {"code": 405, "data": None, "message": "Method Not Allowed"}
    assert response.headers["allow"] == "GET"


async def test_405_allows_every_method_of_the_path(client: AsyncClient) -> None:
    response = await client.put("/auth/me")

    assert response.status_code == 405
    assert response.headers["allow"] == "GET"
    response = await client.delete("/auth/register")
    assert response.headers["allow"] == "POST"


async def test_domain_error_maps_to_its_status(error_client: AsyncClient) -> None:
    response = await error_client.get("/missing")

    assert response.status_code == 404
    assert response.json() == {"code": 404, "data": None, "message": "Item 5 not found"}


async def test_validation_error_lists_details_without_the_input(
    error_client: AsyncClient,
) -> None:
    response = await error_client.post("/items", json={"name": "secret-value", "price": "abc"})

    assert response.status_code == 422
    body = response.json()
    assert body["code"] == 422
    assert body["message"] == "Request validation failed"
    assert body["data"] == [
        {
            "loc": ["body", "price"],
            "msg": "Input should be a valid decimal",
            "type": "decimal_parsing",
        }
    ]
    assert "secret-value" not in response.text
    assert "abc" not in response.text


@pytest.mark.parametrize(
    "content",
    [
        b'{"name": "a\\u0000b", "price": "x\\u0000"}',
        b'{"name": "\\ud800", "price": 1, "\\udfff": 2}',
        b'{"name": 1, "price": [1.5e999]}',
        b'{"name": "unterminated',
    ],
)
async def test_validation_error_renders_for_any_input(
    error_client: AsyncClient, content: bytes
) -> None:
    response = await error_client.post(
        "/items", content=content, headers={"content-type": "application/json"}
    )

    assert response.status_code == 422
    body = response.json()
    assert body["code"] == 422
    assert all(set(detail) == {"loc", "msg", "type"} for detail in body["data"])


async def test_unparsable_body_is_a_422_envelope(error_client: AsyncClient) -> None:
    response = await error_client.post(
        "/items", content=b"\xff\xfe not json", headers={"content-type": "application/json"}
    )

    assert response.status_code == 422
    assert response.json() == {
        "code": 422,
        "data": None,
        "message": "The request body could not be parsed",
    }


async def test_integrity_error_is_a_409_without_sql(error_client: AsyncClient) -> None:
    response = await error_client.get("/duplicate")

    assert response.status_code == 409
    assert response.json()["code"] == 409
    assert "INSERT" not in response.text


async def test_unexpected_error_is_a_logged_500_without_details(
    error_client: AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR):
        response = await error_client.get("/broken")

    assert response.status_code == 500
    assert response.json() == {"code": 500, "data": None, "message": "Internal server error"}
    assert "secret internals" not in response.text
    assert any(record.exc_info for record in caplog.records)
