"""Request and response schemas of Customer."""

import datetime as dt
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from shop_api.schemas.base import InputSchema


class CustomerCreate(InputSchema):
    """What a client sends to create a Customer."""

    name: str = Field(max_length=80)
    email: EmailStr = Field(max_length=320)


class CustomerUpdate(InputSchema):
    """A partial update of a Customer: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset({"name", "email"})

    name: str | None = Field(default=None, max_length=80)
    email: EmailStr | None = Field(default=None, max_length=320)


class CustomerResponse(BaseModel):
    """A Customer as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    email: str
    created_at: dt.datetime
    updated_at: dt.datetime


class CustomerListParams(InputSchema):
    """The query parameters of the Customer list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["id", "-id"] = "id"
