"""Request and response schemas of Author."""

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator

from blog.schemas.base import InputSchema
from blog.schemas.types import HttpUrlStr


class AuthorCreate(InputSchema):
    """What a client sends to create an Author."""

    handle: str = Field(max_length=40, pattern="^[a-z0-9_]+$", examples=["ada_l"])
    display_name: str = Field(max_length=100)
    email: EmailStr = Field(max_length=320)
    bio: str | None = Field(default=None, max_length=2000)
    website: HttpUrlStr | None = Field(default=None, max_length=2083)


class AuthorUpdate(InputSchema):
    """A partial update of an Author: only the fields sent are changed."""

    handle: str | None = Field(
        default=None, max_length=40, pattern="^[a-z0-9_]+$", examples=["ada_l"]
    )
    display_name: str | None = Field(default=None, max_length=100)
    email: EmailStr | None = Field(default=None, max_length=320)
    bio: str | None = Field(default=None, max_length=2000)
    website: HttpUrlStr | None = Field(default=None, max_length=2083)

    @field_validator("handle", "display_name", "email", mode="before")
    @classmethod
    def _reject_null(cls, value: object) -> object:
        """A column that may not be empty cannot be set to null."""
        if value is None:
            raise ValueError("may not be null")
        return value


class AuthorResponse(BaseModel):
    """An Author as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    handle: str
    display_name: str
    email: str
    bio: str | None
    website: str | None
    created_at: dt.datetime
    updated_at: dt.datetime


class AuthorListParams(InputSchema):
    """The query parameters of the Author list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["display_name", "-display_name", "id", "-id"] = "display_name"
