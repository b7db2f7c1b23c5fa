"""Request and response schemas of Board."""

import datetime as dt
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from notes_api.schemas.base import InputSchema


class BoardCreate(InputSchema):
    """What a client sends to create a Board."""

    title: str = Field(max_length=80)


class BoardUpdate(InputSchema):
    """A partial update of a Board: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset({"title"})

    title: str | None = Field(default=None, max_length=80)


class BoardResponse(BaseModel):
    """A Board as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    title: str
    created_at: dt.datetime
    updated_at: dt.datetime


class BoardListParams(InputSchema):
    """The query parameters of the Board list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["id", "-id"] = "id"
