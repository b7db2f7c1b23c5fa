"""Request and response schemas of Post."""

import datetime as dt
from typing import ClassVar, Literal
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, JsonValue

from blog.schemas.base import InputSchema
from blog.schemas.types import JsonInput


class PostCreate(InputSchema):
    """What a client sends to create a Post."""

    title: str = Field(max_length=200)
    slug: str = Field(max_length=200)
    body: str = Field(max_length=100000)
    status: Literal["draft", "published", "archived"] = "draft"
    published_at: AwareDatetime | None = None
    reading_minutes: int | None = Field(default=None, ge=1, le=600)
    featured: bool = False
    extra: JsonInput | None = Field(default=None, description="Free-form front matter.")
    author_id: int = Field(ge=1, le=2147483647)


class PostUpdate(InputSchema):
    """A partial update of a Post: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset(
        {"title", "slug", "body", "status", "featured", "author_id"}
    )

    title: str | None = Field(default=None, max_length=200)
    slug: str | None = Field(default=None, max_length=200)
    body: str | None = Field(default=None, max_length=100000)
    status: Literal["draft", "published", "archived"] | None = None
    published_at: AwareDatetime | None = None
    reading_minutes: int | None = Field(default=None, ge=1, le=600)
    featured: bool | None = None
    extra: JsonInput | None = Field(default=None, description="Free-form front matter.")
    author_id: int | None = Field(default=None, ge=1, le=2147483647)


class PostResponse(BaseModel):
    """A Post as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: UUID
    title: str
    slug: str
    body: str
    status: Literal["draft", "published", "archived"]
    published_at: dt.datetime | None
    reading_minutes: int | None
    featured: bool
    extra: JsonValue | None
    author_id: int
    created_at: dt.datetime
    updated_at: dt.datetime


class PostListParams(InputSchema):
    """The query parameters of the Post list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["created_at", "-created_at", "title", "-title", "id", "-id"] = "-created_at"
    status: Literal["draft", "published", "archived"] | None = None
    author_id: int | None = Field(default=None, ge=1, le=2147483647)
    featured: bool | None = None
