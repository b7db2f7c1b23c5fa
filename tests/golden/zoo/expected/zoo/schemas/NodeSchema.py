"""Request and response schemas of Node."""

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

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

    label: str | None = Field(default=None, max_length=50)
    weight: float | None = Field(default=None, ge=0.0, le=1.0)
    parent_id: int | None = Field(default=None, ge=1, le=2147483647)
    source_id: int | None = Field(default=None, ge=1, le=2147483647)
    mirror_id: int | None = Field(default=None, ge=1, le=2147483647)

    @field_validator("label", "weight", "source_id", mode="before")
    @classmethod
    def _reject_null(cls, value: object) -> object:
        """A column that may not be empty cannot be set to null."""
        if value is None:
            raise ValueError("may not be null")
        return value


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
    parent_id: int | None = None
    source_id: int | None = None
