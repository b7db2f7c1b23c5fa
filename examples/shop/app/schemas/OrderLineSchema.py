"""Request and response schemas of OrderLine."""

import datetime as dt
from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.base import InputSchema


class OrderLineCreate(InputSchema):
    """What a client sends to create an OrderLine."""

    quantity: int = Field(ge=1, le=1000)
    unit_price: Decimal = Field(ge=Decimal("0"), max_digits=10, decimal_places=2)
    order_id: int = Field(ge=1, le=2147483647)
    product_id: int = Field(ge=1, le=2147483647)


class OrderLineUpdate(InputSchema):
    """A partial update of an OrderLine: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset(
        {"quantity", "unit_price", "order_id", "product_id"}
    )

    quantity: int | None = Field(default=None, ge=1, le=1000)
    unit_price: Decimal | None = Field(
        default=None, ge=Decimal("0"), max_digits=10, decimal_places=2
    )
    order_id: int | None = Field(default=None, ge=1, le=2147483647)
    product_id: int | None = Field(default=None, ge=1, le=2147483647)


class OrderLineResponse(BaseModel):
    """An OrderLine as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    quantity: int
    unit_price: Decimal
    order_id: int
    product_id: int
    created_at: dt.datetime
    updated_at: dt.datetime


class OrderLineListParams(InputSchema):
    """The query parameters of the OrderLine list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["id", "-id"] = "id"
    order_id: int | None = Field(default=None, ge=1, le=2147483647)
