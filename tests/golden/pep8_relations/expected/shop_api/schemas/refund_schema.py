"""Request and response schemas of Refund."""

import datetime as dt
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from shop_api.schemas.base import InputSchema


class RefundCreate(InputSchema):
    """What a client sends to create a Refund."""

    reason: str = Field(max_length=200)
    invoice_id: int = Field(ge=1, le=2147483647)


class RefundUpdate(InputSchema):
    """A partial update of a Refund: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset({"reason", "invoice_id"})

    reason: str | None = Field(default=None, max_length=200)
    invoice_id: int | None = Field(default=None, ge=1, le=2147483647)


class RefundResponse(BaseModel):
    """A Refund as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    reason: str
    invoice_id: int
    created_at: dt.datetime
    updated_at: dt.datetime


class RefundListParams(InputSchema):
    """The query parameters of the Refund list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["id", "-id"] = "id"
