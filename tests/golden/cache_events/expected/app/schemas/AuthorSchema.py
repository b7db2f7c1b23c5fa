"""Request and response schemas of Author."""

import datetime as dt
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.base import InputSchema


class AuthorCreate(InputSchema):
    """What a client sends to create an Author."""

    name: str = Field(max_length=80)


class AuthorUpdate(InputSchema):
    """A partial update of an Author: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset({"name"})

    name: str | None = Field(default=None, max_length=80)


class AuthorResponse(BaseModel):
    """An Author as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    created_at: dt.datetime
    updated_at: dt.datetime


class AuthorListParams(InputSchema):
    """The query parameters of the Author list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["id", "-id"] = "id"
