"""Passwords (Argon2 through pwdlib) and access tokens (JWTs signed with HS256, PyJWT).

A token's `sub` is the user's id and its `exp` when it stops being accepted; decoding
accepts exactly one algorithm and requires both claims, so an unsigned (`alg: none`) token,
one signed with another algorithm or key, and one without an expiry are all refused.
"""

import datetime as dt
from functools import cache

import jwt
from pwdlib import PasswordHash

from hr.core.config import get_settings

ALGORITHM = "HS256"
REQUIRED_CLAIMS = ("exp", "sub")

password_hash = PasswordHash.recommended()


class InvalidTokenError(Exception):
    """A token that is malformed, badly signed, expired or missing a required claim."""


def hash_password(password: str) -> str:
    """An Argon2 hash of `password`, with its own salt and parameters."""
    return password_hash.hash(password)


def verify_password(password: str, hashed: str) -> bool:
    """Whether `password` matches `hashed`."""
    return password_hash.verify(password, hashed)


def spend_verify_time(password: str) -> None:
    """Verify `password` against a hash no password matches, for a sign-in with an unknown email.

    It costs what a wrong password for a real account costs, so timing does not tell whether
    an email has an account.
    """
    password_hash.verify(password, _dummy_hash())


@cache
def _dummy_hash() -> str:
    return password_hash.hash("no account has this password")


def create_access_token(subject: int | str, *, expires_in: dt.timedelta | None = None) -> str:
    """A signed token for `subject` (a user id), valid for `expires_in`.

    Args:
        subject: The user's id; it becomes the `sub` claim, as a string.
        expires_in: How long the token is accepted; by default ACCESS_TOKEN_EXPIRE_MINUTES.
    """
    settings = get_settings()
    if expires_in is None:
        expires_in = dt.timedelta(minutes=settings.ACCESS_TOKEN_EXPIRE_MINUTES)
    now = dt.datetime.now(dt.UTC)
    claims = {"sub": str(subject), "iat": now, "exp": now + expires_in}
    return jwt.encode(claims, settings.SECRET_KEY, algorithm=ALGORITHM)


def decode_access_token(token: str) -> str:
    """The subject (`sub`) of a valid token.

    Raises:
        InvalidTokenError: The token is malformed, not signed with HS256 and this service's
            key, expired, or lacks `exp` or `sub`.
    """
    try:
        claims = jwt.decode(
            token,
            get_settings().SECRET_KEY,
            algorithms=[ALGORITHM],
            options={"require": list(REQUIRED_CLAIMS)},
        )
    except jwt.InvalidTokenError as error:
        raise InvalidTokenError(str(error)) from error
    subject = claims["sub"]
    if not isinstance(subject, str):
        raise InvalidTokenError("the subject is not a string")
    return subject
