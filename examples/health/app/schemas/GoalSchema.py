"""Request and response schemas of Goal."""

import datetime as dt
from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.base import InputSchema


class GoalCreate(InputSchema):
    """What a client sends to create a Goal."""

    target: Decimal = Field(max_digits=10, decimal_places=2)
    due_on: dt.date | None = None
    achieved: bool = False
    metric_id: int = Field(ge=1, le=2147483647)


class GoalUpdate(InputSchema):
    """A partial update of a Goal: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset({"target", "achieved", "metric_id"})

    target: Decimal | None = Field(default=None, max_digits=10, decimal_places=2)
    due_on: dt.date | None = None
    achieved: bool | None = None
    metric_id: int | None = Field(default=None, ge=1, le=2147483647)


class GoalResponse(BaseModel):
    """A Goal as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    target: Decimal
    due_on: dt.date | None
    achieved: bool
    metric_id: int
    owner_id: int
    created_at: dt.datetime
    updated_at: dt.datetime


class GoalListParams(InputSchema):
    """The query parameters of the Goal list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["created_at", "-created_at", "id", "-id"] = "-created_at"
    metric_id: int | None = Field(default=None, ge=1, le=2147483647)
    achieved: bool | None = None
