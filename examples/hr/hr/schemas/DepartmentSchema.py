"""Request and response schemas of Department."""

import datetime as dt
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from hr.schemas.base import InputSchema


class DepartmentCreate(InputSchema):
    """What a client sends to create a Department."""

    name: str = Field(max_length=80)
    cost_center: str | None = Field(default=None, max_length=12)


class DepartmentUpdate(InputSchema):
    """A partial update of a Department: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset({"name"})

    name: str | None = Field(default=None, max_length=80)
    cost_center: str | None = Field(default=None, max_length=12)


class DepartmentResponse(BaseModel):
    """A Department as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    cost_center: str | None
    created_at: dt.datetime
    updated_at: dt.datetime


class DepartmentListParams(InputSchema):
    """The query parameters of the Department list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["name", "-name", "id", "-id"] = "name"
