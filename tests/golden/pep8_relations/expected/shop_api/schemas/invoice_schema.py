"""Request and response schemas of Invoice."""

import datetime as dt
from decimal import Decimal
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from shop_api.schemas.base import InputSchema


class CustomerSummary(BaseModel):
    """The Customer a response nests: its id and fields."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    email: str


class TagSummary(BaseModel):
    """The Tag a response nests: its id and fields."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    label: str


class InvoiceCreate(InputSchema):
    """What a client sends to create an Invoice."""

    number: str = Field(max_length=20)
    amount: Decimal = Field(max_digits=12, decimal_places=2)
    customer_id: int = Field(ge=1, le=2147483647)
    replaces_id: int | None = Field(default=None, ge=1, le=2147483647)
    tag_ids: set[Annotated[int, Field(ge=1, le=2147483647)]] = Field(
        default_factory=set, max_length=100
    )


class InvoiceUpdate(InputSchema):
    """A partial update of an Invoice: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset({"number", "amount", "customer_id", "tag_ids"})

    number: str | None = Field(default=None, max_length=20)
    amount: Decimal | None = Field(default=None, max_digits=12, decimal_places=2)
    customer_id: int | None = Field(default=None, ge=1, le=2147483647)
    replaces_id: int | None = Field(default=None, ge=1, le=2147483647)
    tag_ids: set[Annotated[int, Field(ge=1, le=2147483647)]] | None = Field(
        default=None, max_length=100
    )


class InvoiceResponse(BaseModel):
    """An Invoice as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    number: str
    amount: Decimal
    customer_id: int
    replaces_id: int | None
    customer: CustomerSummary
    tag_ids: list[int]
    tags: list[TagSummary]
    created_at: dt.datetime
    updated_at: dt.datetime


class InvoiceListParams(InputSchema):
    """The query parameters of the Invoice list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["number", "-number", "id", "-id"] = "number"
    customer_id: int | None = Field(default=None, ge=1, le=2147483647)
