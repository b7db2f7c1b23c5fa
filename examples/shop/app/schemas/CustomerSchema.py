"""Request and response schemas of Customer."""

import datetime as dt
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from app.schemas.base import InputSchema


class CustomerCreate(InputSchema):
    """What a client sends to create a Customer."""

    name: str = Field(max_length=120)
    email: EmailStr = Field(max_length=320)
    phone: str | None = Field(default=None, max_length=32)
    loyalty_points: int = Field(default=0, ge=0, le=2147483647)
    birthday: dt.date | None = None


class CustomerUpdate(InputSchema):
    """A partial update of a Customer: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset({"name", "email", "loyalty_points"})

    name: str | None = Field(default=None, max_length=120)
    email: EmailStr | None = Field(default=None, max_length=320)
    phone: str | None = Field(default=None, max_length=32)
    loyalty_points: int | None = Field(default=None, ge=0, le=2147483647)
    birthday: dt.date | None = None


class CustomerResponse(BaseModel):
    """A Customer as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    email: str
    phone: str | None
    loyalty_points: int
    birthday: dt.date | None
    created_at: dt.datetime
    updated_at: dt.datetime


class CustomerListParams(InputSchema):
    """The query parameters of the Customer list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["name", "-name", "created_at", "-created_at", "id", "-id"] = "name"
    email: str | None = None
