"""Request and response schemas of AuditEntry."""

import datetime as dt
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from notes_api.schemas.base import InputSchema


class AuditEntryCreate(InputSchema):
    """What a client sends to create an AuditEntry."""

    action: str = Field(max_length=40)


class AuditEntryUpdate(InputSchema):
    """A partial update of an AuditEntry: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset({"action"})

    action: str | None = Field(default=None, max_length=40)


class AuditEntryResponse(BaseModel):
    """An AuditEntry as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    action: str
    created_at: dt.datetime
    updated_at: dt.datetime


class AuditEntryListParams(InputSchema):
    """The query parameters of the AuditEntry list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["id", "-id"] = "id"
