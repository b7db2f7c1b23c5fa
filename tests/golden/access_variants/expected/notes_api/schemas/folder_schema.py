"""Request and response schemas of Folder."""

import datetime as dt
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from notes_api.schemas.base import InputSchema


class FolderCreate(InputSchema):
    """What a client sends to create a Folder."""

    name: str = Field(max_length=60)
    parent_id: int | None = Field(default=None, ge=1, le=2147483647)


class FolderUpdate(InputSchema):
    """A partial update of a Folder: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset({"name"})

    name: str | None = Field(default=None, max_length=60)
    parent_id: int | None = Field(default=None, ge=1, le=2147483647)


class FolderResponse(BaseModel):
    """A Folder as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    parent_id: int | None
    owner_id: int
    created_at: dt.datetime
    updated_at: dt.datetime


class FolderListParams(InputSchema):
    """The query parameters of the Folder list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["id", "-id"] = "id"
