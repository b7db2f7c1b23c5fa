"""`python -m hr.manage create-admin`: how the first admin is made."""

import asyncio

import pytest
from httpx import AsyncClient

from hr.manage import PASSWORD_VARIABLE, main
from hr.models import User

from .conftest import PASSWORD
from .envelope import unwrap


async def run_manage(*argv: str) -> int:
    """Run the command in a thread of its own: it starts its own event loop."""
    return await asyncio.to_thread(main, list(argv))


async def test_create_admin_makes_an_admin_who_can_sign_in(
    anonymous_client: AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSWORD_VARIABLE, PASSWORD)

    assert await run_manage("create-admin", "Boss@Example.com") == 0

    response = await anonymous_client.post(
        "/auth/login", json={"email": "boss@example.com", "password": PASSWORD}
    )
    token = unwrap(response, 200)["access_token"]
    me = await anonymous_client.get("/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert unwrap(me, 200)["is_admin"] is True


async def test_create_admin_promotes_an_existing_user(
    client: AsyncClient, user: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSWORD_VARIABLE, PASSWORD)

    assert await run_manage("create-admin", user.email) == 0

    assert unwrap(await client.get("/auth/me"), 200)["is_admin"] is True


async def test_create_admin_refuses_a_short_password(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(PASSWORD_VARIABLE, "short")

    assert await run_manage("create-admin", "boss@example.com") == 2
    assert "password" in capsys.readouterr().err
