"""Request and response schemas of Note."""

import datetime as dt
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.base import InputSchema


class NoteCreate(InputSchema):
    """What a client sends to create a Note."""

    title: str = Field(max_length=120)
    body: str | None = Field(default=None, max_length=100000)
    pinned: bool = False
    author_id: int = Field(ge=1, le=2147483647)


class NoteUpdate(InputSchema):
    """A partial update of a Note: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset({"title", "pinned", "author_id"})

    title: str | None = Field(default=None, max_length=120)
    body: str | None = Field(default=None, max_length=100000)
    pinned: bool | None = None
    author_id: int | None = Field(default=None, ge=1, le=2147483647)


class NoteResponse(BaseModel):
    """A Note as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    title: str
    body: str | None
    pinned: bool
    author_id: int
    created_at: dt.datetime
    updated_at: dt.datetime


class NoteListParams(InputSchema):
    """The query parameters of the Note list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["created_at", "-created_at", "title", "-title", "id", "-id"] = "-created_at"
    pinned: bool | None = None
    author_id: int | None = Field(default=None, ge=1, le=2147483647)
