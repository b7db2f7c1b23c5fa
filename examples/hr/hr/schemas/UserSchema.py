"""Request and response schemas of the built-in User and of signing in."""

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, EmailStr, Field

from hr.schemas.base import InputSchema

PASSWORD_MIN_LENGTH = 8
# Argon2 takes any length; the cap keeps one request from costing unbounded hashing time.
PASSWORD_MAX_LENGTH = 128

Email = Annotated[EmailStr, Field(max_length=320), AfterValidator(str.lower)]
"""An email address, compared and stored in lower case so one inbox has one account."""

Password = Annotated[str, Field(min_length=PASSWORD_MIN_LENGTH, max_length=PASSWORD_MAX_LENGTH)]


class UserCreate(InputSchema):
    """What a client sends to register: never a role or a status, which are the server's."""

    email: Email
    password: Password


class UserLogin(InputSchema):
    """Credentials for `POST /auth/login`; an unknown email is a 401, like a wrong password."""

    email: str = Field(min_length=1, max_length=320)
    password: str = Field(min_length=1, max_length=PASSWORD_MAX_LENGTH)


class UserResponse(BaseModel):
    """A User as the API returns it: never its password or hash."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    email: str
    is_active: bool
    is_admin: bool
    created_at: dt.datetime
    updated_at: dt.datetime


class Token(BaseModel):
    """An OAuth2 bearer token (RFC 6749 §5.1): send it as `Authorization: Bearer <token>`."""

    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int = Field(description="Seconds until the token expires")
