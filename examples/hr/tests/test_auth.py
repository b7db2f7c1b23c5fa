"""Registering, signing in and bearer tokens: what is accepted, and everything refused."""

import datetime as dt
from typing import Any

import jwt
import pytest
from httpx import AsyncClient

from hr.core.config import Settings
from hr.core.security import ALGORITHM, create_access_token
from hr.models import User

from .conftest import PASSWORD, MakeUser
from .envelope import unwrap

BAD_CREDENTIALS = "Incorrect email or password"
BAD_TOKEN = "Could not validate the credentials"
SECRET_FIELDS = ("password", "hashed_password")


def assert_no_secret(body: Any) -> None:
    """No password or hash field, and no Argon2 hash, anywhere in a response body."""
    if isinstance(body, dict):
        assert not set(body) & set(SECRET_FIELDS), body
        for value in body.values():
            assert_no_secret(value)
    elif isinstance(body, list):
        for value in body:
            assert_no_secret(value)
    else:
        assert "$argon2" not in str(body)


def assert_unauthorized(response: Any, message: str) -> None:
    """A 401 in the envelope that says to authenticate with a bearer token."""
    assert unwrap(response, 401) is None
    assert response.json()["message"] == message
    assert response.headers["WWW-Authenticate"] == "Bearer"


async def test_register_creates_a_regular_active_user(anonymous_client: AsyncClient) -> None:
    response = await anonymous_client.post(
        "/auth/register", json={"email": "New@Example.com", "password": PASSWORD}
    )

    user = unwrap(response, 201)
    assert user["email"] == "new@example.com"
    assert user["is_active"] is True
    assert user["is_admin"] is False
    assert set(user) == {"id", "email", "is_active", "is_admin", "created_at", "updated_at"}
    assert_no_secret(response.json())


async def test_register_refuses_a_taken_email(anonymous_client: AsyncClient, user: User) -> None:
    response = await anonymous_client.post(
        "/auth/register", json={"email": user.email.upper(), "password": PASSWORD}
    )

    unwrap(response, 409)
    assert response.json()["message"] == "A user with this email exists"


@pytest.mark.parametrize(
    "payload",
    [
        {"email": "a@example.com", "password": "7chars!"},
        {"email": "a@example.com", "password": "x" * 129},
        {"email": "not-an-email", "password": PASSWORD},
        {"email": "a@example.com", "password": PASSWORD, "is_admin": True},
        {"email": "a@example.com", "password": PASSWORD, "is_active": False},
        {"email": "a@example.com"},
    ],
    ids=["too-short", "too-long", "bad-email", "is_admin", "is_active", "no-password"],
)
async def test_register_refuses_invalid_input(
    anonymous_client: AsyncClient, payload: dict[str, Any]
) -> None:
    response = await anonymous_client.post("/auth/register", json=payload)

    unwrap(response, 422)
    assert_no_secret(response.json())
    assert str(payload.get("password")) not in response.text  # rejected input is not echoed


async def test_login_returns_a_token_for_me(anonymous_client: AsyncClient, user: User) -> None:
    response = await anonymous_client.post(
        "/auth/login", json={"email": user.email, "password": PASSWORD}
    )

    token = unwrap(response, 200)
    assert token["token_type"] == "bearer"
    assert token["expires_in"] > 0
    me = await anonymous_client.get(
        "/auth/me", headers={"Authorization": f"Bearer {token['access_token']}"}
    )
    assert unwrap(me, 200)["id"] == user.id
    assert_no_secret(me.json())


async def test_token_endpoint_speaks_oauth2(anonymous_client: AsyncClient, user: User) -> None:
    response = await anonymous_client.post(
        "/auth/token", data={"username": user.email, "password": PASSWORD}
    )

    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"access_token", "token_type", "expires_in"}
    assert body["token_type"] == "bearer"
    me = await anonymous_client.get(
        "/auth/me", headers={"Authorization": f"Bearer {body['access_token']}"}
    )
    assert unwrap(me, 200)["email"] == user.email


async def test_me_is_the_signed_in_user(client: AsyncClient, user: User) -> None:
    response = await client.get("/auth/me")

    assert unwrap(response, 200)["id"] == user.id
    assert_no_secret(response.json())


async def test_the_fixtures_sign_in_as_different_users(
    client: AsyncClient, other_client: AsyncClient, admin_client: AsyncClient
) -> None:
    me = unwrap(await client.get("/auth/me"), 200)
    other = unwrap(await other_client.get("/auth/me"), 200)
    admin = unwrap(await admin_client.get("/auth/me"), 200)

    assert len({me["id"], other["id"], admin["id"]}) == 3
    assert (me["is_admin"], other["is_admin"], admin["is_admin"]) == (False, False, True)


@pytest.mark.parametrize("route", ["/auth/login", "/auth/token"])
@pytest.mark.parametrize("email", ["user@example.com", "nobody@example.com"])
async def test_wrong_password_and_unknown_email_get_the_same_401(
    anonymous_client: AsyncClient, user: User, route: str, email: str
) -> None:
    credentials = {"password": "not the password"}
    if route == "/auth/login":
        response = await anonymous_client.post(route, json={"email": email, **credentials})
    else:
        response = await anonymous_client.post(route, data={"username": email, **credentials})

    assert_unauthorized(response, BAD_CREDENTIALS)


async def test_an_inactive_user_cannot_sign_in(
    anonymous_client: AsyncClient, make_user: MakeUser
) -> None:
    await make_user("gone@example.com", is_active=False)

    response = await anonymous_client.post(
        "/auth/login", json={"email": "gone@example.com", "password": PASSWORD}
    )

    assert_unauthorized(response, BAD_CREDENTIALS)


async def test_an_inactive_users_token_is_refused(
    anonymous_client: AsyncClient, make_user: MakeUser
) -> None:
    user = await make_user("gone@example.com", is_active=False)

    response = await anonymous_client.get(
        "/auth/me", headers={"Authorization": f"Bearer {create_access_token(user.id)}"}
    )

    assert_unauthorized(response, BAD_TOKEN)


async def test_me_without_a_token_is_401(anonymous_client: AsyncClient) -> None:
    assert_unauthorized(await anonymous_client.get("/auth/me"), "Not authenticated")


def bad_tokens(key: str, user_id: int) -> dict[str, str]:
    """Tokens that must be refused, by what is wrong with them; `key` is the service's."""
    soon = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=5)
    claims = {"sub": str(user_id), "exp": soon}
    return {
        "expired": create_access_token(user_id, expires_in=dt.timedelta(seconds=-1)),
        "signed-with-hs512": jwt.encode(claims, key * 2, algorithm="HS512"),
        "unsigned": jwt.encode(claims, None, algorithm="none"),
        "signed-with-another-key": jwt.encode(claims, "another-key" * 4, algorithm=ALGORITHM),
        "without-exp": jwt.encode({"sub": str(user_id)}, key, algorithm=ALGORITHM),
        "without-sub": jwt.encode({"exp": soon}, key, algorithm=ALGORITHM),
        "unknown-user": jwt.encode({**claims, "sub": "999999"}, key, algorithm=ALGORITHM),
        "sub-not-an-id": jwt.encode({**claims, "sub": "abc"}, key, algorithm=ALGORITHM),
        "not-a-jwt": "not.a.jwt",
    }


@pytest.mark.parametrize("kind", list(bad_tokens("k" * 32, 1)))
async def test_bad_tokens_are_refused(
    anonymous_client: AsyncClient, user: User, test_settings: Settings, kind: str
) -> None:
    token = bad_tokens(test_settings.SECRET_KEY, user.id)[kind]

    response = await anonymous_client.get("/auth/me", headers={"Authorization": f"Bearer {token}"})

    assert_unauthorized(response, BAD_TOKEN)
