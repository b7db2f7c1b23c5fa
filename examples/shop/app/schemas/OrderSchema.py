"""Request and response schemas of Order."""

import datetime as dt
from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from app.schemas.base import InputSchema


class OrderCreate(InputSchema):
    """What a client sends to create an Order."""

    number: str = Field(max_length=32)
    status: Literal["pending", "paid", "shipped", "cancelled"] = "pending"
    total: Decimal = Field(ge=Decimal("0"), max_digits=12, decimal_places=2)
    placed_at: AwareDatetime
    notes: str | None = Field(default=None, max_length=100000)
    customer_id: int = Field(ge=1, le=2147483647)


class OrderUpdate(InputSchema):
    """A partial update of an Order: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset(
        {"number", "status", "total", "placed_at", "customer_id"}
    )

    number: str | None = Field(default=None, max_length=32)
    status: Literal["pending", "paid", "shipped", "cancelled"] | None = None
    total: Decimal | None = Field(default=None, ge=Decimal("0"), max_digits=12, decimal_places=2)
    placed_at: AwareDatetime | None = None
    notes: str | None = Field(default=None, max_length=100000)
    customer_id: int | None = Field(default=None, ge=1, le=2147483647)


class OrderResponse(BaseModel):
    """An Order as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    number: str
    status: Literal["pending", "paid", "shipped", "cancelled"]
    total: Decimal
    placed_at: dt.datetime
    notes: str | None
    customer_id: int
    created_at: dt.datetime
    updated_at: dt.datetime


class OrderListParams(InputSchema):
    """The query parameters of the Order list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["placed_at", "-placed_at", "total", "-total", "id", "-id"] = "-placed_at"
    status: Literal["pending", "paid", "shipped", "cancelled"] | None = None
    customer_id: int | None = Field(default=None, ge=1, le=2147483647)
