"""Request and response schemas of Series."""

import datetime as dt
from decimal import Decimal
from typing import ClassVar, Literal
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, EmailStr, Field, JsonValue

from zoo.schemas.base import InputSchema
from zoo.schemas.types import HttpUrlStr, JsonInput, TimeOfDay


class SeriesCreate(InputSchema):
    """What a client sends to create a Series."""

    model_config = ConfigDict(ser_json_bytes="base64", val_json_bytes="base64")

    a_str: str = Field(max_length=255)
    a_text: str = Field(max_length=100000)
    a_int: int = Field(ge=-2147483648, le=2147483647)
    a_bigint: int = Field(ge=-9223372036854775808, le=9223372036854775807)
    a_float: float
    a_decimal: Decimal = Field(max_digits=12, decimal_places=2)
    a_bool: bool
    a_date: dt.date
    a_datetime: AwareDatetime
    a_time: dt.time
    a_uuid: UUID
    a_email: EmailStr = Field(max_length=320)
    a_url: HttpUrlStr = Field(max_length=2083)
    a_enum: Literal["one", "two"]
    a_json: JsonInput
    a_bytes: bytes = Field(max_length=1048576)


class SeriesUpdate(InputSchema):
    """A partial update of a Series: only the fields sent are changed."""

    model_config = ConfigDict(ser_json_bytes="base64", val_json_bytes="base64")

    NOT_NULL: ClassVar[frozenset[str]] = frozenset(
        {
            "a_str",
            "a_text",
            "a_int",
            "a_bigint",
            "a_float",
            "a_decimal",
            "a_bool",
            "a_date",
            "a_datetime",
            "a_time",
            "a_uuid",
            "a_email",
            "a_url",
            "a_enum",
            "a_json",
            "a_bytes",
        }
    )

    a_str: str | None = Field(default=None, max_length=255)
    a_text: str | None = Field(default=None, max_length=100000)
    a_int: int | None = Field(default=None, ge=-2147483648, le=2147483647)
    a_bigint: int | None = Field(default=None, ge=-9223372036854775808, le=9223372036854775807)
    a_float: float | None = None
    a_decimal: Decimal | None = Field(default=None, max_digits=12, decimal_places=2)
    a_bool: bool | None = None
    a_date: dt.date | None = None
    a_datetime: AwareDatetime | None = None
    a_time: dt.time | None = None
    a_uuid: UUID | None = None
    a_email: EmailStr | None = Field(default=None, max_length=320)
    a_url: HttpUrlStr | None = Field(default=None, max_length=2083)
    a_enum: Literal["one", "two"] | None = None
    a_json: JsonInput | None = None
    a_bytes: bytes | None = Field(default=None, max_length=1048576)


class SeriesResponse(BaseModel):
    """A Series as the API returns it."""

    model_config = ConfigDict(
        from_attributes=True, ser_json_bytes="base64", val_json_bytes="base64"
    )

    id: int
    a_str: str
    a_text: str
    a_int: int
    a_bigint: int
    a_float: float
    a_decimal: Decimal
    a_bool: bool
    a_date: dt.date
    a_datetime: dt.datetime
    a_time: TimeOfDay
    a_uuid: UUID
    a_email: str
    a_url: str
    a_enum: Literal["one", "two"]
    a_json: JsonValue
    a_bytes: bytes
    created_at: dt.datetime
    updated_at: dt.datetime


class SeriesListParams(InputSchema):
    """The query parameters of the Series list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["id", "-id"] = "id"
