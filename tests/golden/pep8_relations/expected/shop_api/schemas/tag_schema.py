"""Request and response schemas of Tag."""

import datetime as dt
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from shop_api.schemas.base import InputSchema


class TagCreate(InputSchema):
    """What a client sends to create a Tag."""

    label: str = Field(max_length=40)


class TagUpdate(InputSchema):
    """A partial update of a Tag: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset({"label"})

    label: str | None = Field(default=None, max_length=40)


class TagResponse(BaseModel):
    """A Tag as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    label: str
    created_at: dt.datetime
    updated_at: dt.datetime


class TagListParams(InputSchema):
    """The query parameters of the Tag list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["id", "-id"] = "id"
