"""Request and response schemas of Author."""

import datetime as dt
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field

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

    NOT_NULL: ClassVar[frozenset[str]] = frozenset({"handle", "display_name", "email"})

    handle: str | None = Field(
        default=None, max_length=40, pattern="^[a-z0-9_]+$", examples=["ada_l"]
    )
    display_name: str | None = Field(default=None, max_length=100)
    email: EmailStr | None = Field(default=None, max_length=320)
    bio: str | None = Field(default=None, max_length=2000)
    website: HttpUrlStr | None = Field(default=None, max_length=2083)


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
