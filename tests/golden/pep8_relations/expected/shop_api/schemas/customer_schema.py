"""Request and response schemas of Customer."""

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator

from shop_api.schemas.base import InputSchema


class CustomerCreate(InputSchema):
    """What a client sends to create a Customer."""

    name: str = Field(max_length=80)
    email: EmailStr = Field(max_length=320)


class CustomerUpdate(InputSchema):
    """A partial update of a Customer: only the fields sent are changed."""

    name: str | None = Field(default=None, max_length=80)
    email: EmailStr | None = Field(default=None, max_length=320)

    @field_validator("name", "email", mode="before")
    @classmethod
    def _reject_null(cls, value: object) -> object:
        """A column that may not be empty cannot be set to null."""
        if value is None:
            raise ValueError("may not be null")
        return value


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
