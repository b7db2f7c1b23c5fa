"""Request and response schemas of Report."""

import datetime as dt
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from notes_api.schemas.base import InputSchema


class ReportCreate(InputSchema):
    """What a client sends to create a Report."""

    reason: str = Field(max_length=200)
    board_id: int = Field(ge=1, le=2147483647)


class ReportUpdate(InputSchema):
    """A partial update of a Report: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset({"reason", "board_id"})

    reason: str | None = Field(default=None, max_length=200)
    board_id: int | None = Field(default=None, ge=1, le=2147483647)


class ReportResponse(BaseModel):
    """A Report as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    reason: str
    board_id: int
    created_at: dt.datetime
    updated_at: dt.datetime


class ReportListParams(InputSchema):
    """The query parameters of the Report list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["id", "-id"] = "id"
