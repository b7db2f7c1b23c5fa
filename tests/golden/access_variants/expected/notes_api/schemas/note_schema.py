"""Request and response schemas of Note."""

import datetime as dt
from typing import ClassVar, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, JsonValue

from notes_api.schemas.base import InputSchema
from notes_api.schemas.types import JsonInput


class NoteCreate(InputSchema):
    """What a client sends to create a Note."""

    body: str = Field(max_length=100000)
    pin: str | None = Field(default=None, max_length=12)
    extra: JsonInput | None = None
    folder_id: int = Field(ge=1, le=2147483647)
    board_id: int | None = Field(default=None, ge=1, le=2147483647)


class NoteUpdate(InputSchema):
    """A partial update of a Note: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset({"body", "folder_id"})

    body: str | None = Field(default=None, max_length=100000)
    pin: str | None = Field(default=None, max_length=12)
    extra: JsonInput | None = None
    folder_id: int | None = Field(default=None, ge=1, le=2147483647)
    board_id: int | None = Field(default=None, ge=1, le=2147483647)


class NoteResponse(BaseModel):
    """A Note as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: UUID
    body: str
    extra: JsonValue | None
    folder_id: int
    board_id: int | None
    owner_id: int
    created_at: dt.datetime
    updated_at: dt.datetime


class NoteListParams(InputSchema):
    """The query parameters of the Note list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["id", "-id"] = "id"
    folder_id: int | None = Field(default=None, ge=1, le=2147483647)
