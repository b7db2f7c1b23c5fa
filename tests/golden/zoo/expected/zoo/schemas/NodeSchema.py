"""Request and response schemas of Node."""

import datetime as dt
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from zoo.schemas.base import InputSchema


class NodeCreate(InputSchema):
    """What a client sends to create a Node."""

    label: str = Field(max_length=50)
    weight: float = Field(ge=0.0, le=1.0)
    parent_id: int | None = Field(default=None, ge=1, le=2147483647)
    source_id: int = Field(ge=1, le=2147483647)
    mirror_id: int | None = Field(default=None, ge=1, le=2147483647)


class NodeUpdate(InputSchema):
    """A partial update of a Node: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset({"label", "weight", "source_id"})

    label: str | None = Field(default=None, max_length=50)
    weight: float | None = Field(default=None, ge=0.0, le=1.0)
    parent_id: int | None = Field(default=None, ge=1, le=2147483647)
    source_id: int | None = Field(default=None, ge=1, le=2147483647)
    mirror_id: int | None = Field(default=None, ge=1, le=2147483647)


class NodeResponse(BaseModel):
    """A Node as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    label: str
    weight: float
    parent_id: int | None
    source_id: int
    mirror_id: int | None
    created_at: dt.datetime
    updated_at: dt.datetime


class NodeListParams(InputSchema):
    """The query parameters of the Node list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["label", "-label", "weight", "-weight", "id", "-id"] = "label"
    parent_id: int | None = Field(default=None, ge=1, le=2147483647)
    source_id: int | None = Field(default=None, ge=1, le=2147483647)
