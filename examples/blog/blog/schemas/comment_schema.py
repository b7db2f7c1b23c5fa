"""Request and response schemas of Comment."""

import datetime as dt
from typing import ClassVar, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from blog.schemas.base import InputSchema


class CommentCreate(InputSchema):
    """What a client sends to create a Comment."""

    author_name: str = Field(max_length=80)
    body: str = Field(min_length=1, max_length=5000)
    approved: bool = False
    post_id: UUID
    parent_id: int | None = Field(default=None, ge=1, le=2147483647)


class CommentUpdate(InputSchema):
    """A partial update of a Comment: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset({"author_name", "body", "approved", "post_id"})

    author_name: str | None = Field(default=None, max_length=80)
    body: str | None = Field(default=None, min_length=1, max_length=5000)
    approved: bool | None = None
    post_id: UUID | None = Field(default=None)
    parent_id: int | None = Field(default=None, ge=1, le=2147483647)


class CommentResponse(BaseModel):
    """A Comment as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    author_name: str
    body: str
    approved: bool
    post_id: UUID
    parent_id: int | None
    created_at: dt.datetime
    updated_at: dt.datetime


class CommentListParams(InputSchema):
    """The query parameters of the Comment list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["id", "-id"] = "id"
    post_id: UUID | None = None
    approved: bool | None = None
