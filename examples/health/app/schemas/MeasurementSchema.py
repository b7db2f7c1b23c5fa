"""Request and response schemas of Measurement."""

import datetime as dt
from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from app.schemas.base import InputSchema


class MeasurementCreate(InputSchema):
    """What a client sends to create a Measurement."""

    value: Decimal = Field(max_digits=10, decimal_places=2)
    taken_at: AwareDatetime
    note: str | None = Field(default=None, max_length=200)
    metric_id: int = Field(ge=1, le=2147483647)
    goal_id: int | None = Field(default=None, ge=1, le=2147483647)


class MeasurementUpdate(InputSchema):
    """A partial update of a Measurement: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset({"value", "taken_at", "metric_id"})

    value: Decimal | None = Field(default=None, max_digits=10, decimal_places=2)
    taken_at: AwareDatetime | None = None
    note: str | None = Field(default=None, max_length=200)
    metric_id: int | None = Field(default=None, ge=1, le=2147483647)
    goal_id: int | None = Field(default=None, ge=1, le=2147483647)


class MeasurementResponse(BaseModel):
    """A Measurement as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    value: Decimal
    taken_at: dt.datetime
    note: str | None
    metric_id: int
    goal_id: int | None
    owner_id: int
    created_at: dt.datetime
    updated_at: dt.datetime


class MeasurementListParams(InputSchema):
    """The query parameters of the Measurement list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["taken_at", "-taken_at", "value", "-value", "id", "-id"] = "-taken_at"
    metric_id: int | None = Field(default=None, ge=1, le=2147483647)
    goal_id: int | None = Field(default=None, ge=1, le=2147483647)
