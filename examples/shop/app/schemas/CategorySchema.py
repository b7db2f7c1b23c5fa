"""Request and response schemas of Category."""

import datetime as dt
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.base import InputSchema


class CategoryCreate(InputSchema):
    """What a client sends to create a Category."""

    name: str = Field(max_length=80)
    slug: str = Field(
        max_length=80, pattern="^[a-z0-9]+(?:-[a-z0-9]+)*$", examples=["garden-tools"]
    )
    parent_id: int | None = Field(default=None, ge=1, le=2147483647)


class CategoryUpdate(InputSchema):
    """A partial update of a Category: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset({"name", "slug"})

    name: str | None = Field(default=None, max_length=80)
    slug: str | None = Field(
        default=None, max_length=80, pattern="^[a-z0-9]+(?:-[a-z0-9]+)*$", examples=["garden-tools"]
    )
    parent_id: int | None = Field(default=None, ge=1, le=2147483647)


class CategoryResponse(BaseModel):
    """A Category as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    slug: str
    parent_id: int | None
    created_at: dt.datetime
    updated_at: dt.datetime


class CategoryListParams(InputSchema):
    """The query parameters of the Category list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["name", "-name", "id", "-id"] = "name"
    parent_id: int | None = Field(default=None, ge=1, le=2147483647)
