"""Request and response schemas of Metric."""

import datetime as dt
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.base import InputSchema


class MetricCreate(InputSchema):
    """What a client sends to create a Metric."""

    name: str = Field(max_length=80)
    unit: str = Field(max_length=16, examples=["kg"])
    description: str | None = Field(default=None, max_length=2000)


class MetricUpdate(InputSchema):
    """A partial update of a Metric: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset({"name", "unit"})

    name: str | None = Field(default=None, max_length=80)
    unit: str | None = Field(default=None, max_length=16, examples=["kg"])
    description: str | None = Field(default=None, max_length=2000)


class MetricResponse(BaseModel):
    """A Metric as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    unit: str
    description: str | None
    created_at: dt.datetime
    updated_at: dt.datetime


class MetricListParams(InputSchema):
    """The query parameters of the Metric list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["name", "-name", "id", "-id"] = "name"
