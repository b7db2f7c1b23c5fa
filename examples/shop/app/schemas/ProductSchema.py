"""Request and response schemas of Product."""

import datetime as dt
from decimal import Decimal
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.base import InputSchema


class ProductCreate(InputSchema):
    """What a client sends to create a Product."""

    sku: str = Field(max_length=32, description="Stock keeping unit.")
    name: str = Field(max_length=200)
    description: str | None = Field(default=None, max_length=100000)
    price: Decimal = Field(ge=Decimal("0"), max_digits=12, decimal_places=2)
    stock: int = Field(default=0, ge=0, le=2147483647)
    active: bool = True
    weight_kg: float | None = Field(default=None, gt=0.0)
    category_id: int | None = Field(default=None, ge=1, le=2147483647)


class ProductUpdate(InputSchema):
    """A partial update of a Product: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset({"sku", "name", "price", "stock", "active"})

    sku: str | None = Field(default=None, max_length=32, description="Stock keeping unit.")
    name: str | None = Field(default=None, max_length=200)
    description: str | None = Field(default=None, max_length=100000)
    price: Decimal | None = Field(default=None, ge=Decimal("0"), max_digits=12, decimal_places=2)
    stock: int | None = Field(default=None, ge=0, le=2147483647)
    active: bool | None = None
    weight_kg: float | None = Field(default=None, gt=0.0)
    category_id: int | None = Field(default=None, ge=1, le=2147483647)


class ProductResponse(BaseModel):
    """A Product as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    sku: str
    name: str
    description: str | None
    price: Decimal
    stock: int
    active: bool
    weight_kg: float | None
    category_id: int | None
    created_at: dt.datetime
    updated_at: dt.datetime


class ProductListParams(InputSchema):
    """The query parameters of the Product list: page, order and filters."""

    limit: int = Field(default=25, ge=1, le=200)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["name", "-name", "price", "-price", "created_at", "-created_at", "id", "-id"] = (
        "name"
    )
    active: bool | None = None
    category_id: int | None = Field(default=None, ge=1, le=2147483647)
