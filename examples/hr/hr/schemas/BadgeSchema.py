"""Request and response schemas of Badge."""

import datetime as dt
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from hr.schemas.base import InputSchema


class BadgeCreate(InputSchema):
    """What a client sends to create a Badge."""

    code: str = Field(max_length=16)
    active: bool = True
    employee_id: int = Field(ge=1, le=2147483647)
    issued_by_id: int = Field(ge=1, le=2147483647)


class BadgeUpdate(InputSchema):
    """A partial update of a Badge: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset(
        {"code", "active", "employee_id", "issued_by_id"}
    )

    code: str | None = Field(default=None, max_length=16)
    active: bool | None = None
    employee_id: int | None = Field(default=None, ge=1, le=2147483647)
    issued_by_id: int | None = Field(default=None, ge=1, le=2147483647)


class BadgeResponse(BaseModel):
    """A Badge as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    code: str
    active: bool
    employee_id: int
    issued_by_id: int
    created_at: dt.datetime
    updated_at: dt.datetime


class BadgeListParams(InputSchema):
    """The query parameters of the Badge list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["id", "-id"] = "id"
