"""Request and response schemas of Sample."""

import datetime as dt
from decimal import Decimal
from typing import ClassVar, Literal
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, EmailStr, Field, JsonValue

from app.schemas.base import InputSchema
from app.schemas.types import HttpUrlStr, JsonInput, TimeOfDay


class SampleCreate(InputSchema):
    """What a client sends to create a Sample."""

    model_config = ConfigDict(ser_json_bytes="base64", val_json_bytes="base64")

    title: str = Field(min_length=2, max_length=40, description="A short title.")
    code: str = Field(max_length=12, pattern="^[A-Z]{3}-[0-9]+$", examples=["ABC-1"])
    body: str | None = Field(default=None, max_length=100000)
    count: int = Field(default=0, ge=0, le=1000)
    big: int | None = Field(default=None, ge=-9223372036854775808, le=9223372036854775807)
    ratio: float | None = Field(default=None, gt=0.0, lt=1.0)
    price: Decimal = Field(ge=Decimal("0"), max_digits=8, decimal_places=3)
    active: bool = True
    born_on: dt.date | None = None
    seen_at: AwareDatetime
    opens_at: dt.time | None = None
    token: UUID
    email: EmailStr = Field(max_length=320)
    homepage: HttpUrlStr | None = Field(default=None, max_length=2083)
    kind: Literal["small", "medium", "large"] = "medium"
    payload: JsonInput | None = None
    blob: bytes | None = Field(default=None, max_length=1048576)
    password: str = Field(max_length=128)
    type: str | None = Field(
        default=None, max_length=20, description="A field named like a builtin."
    )
    date: dt.date | None = None


class SampleUpdate(InputSchema):
    """A partial update of a Sample: only the fields sent are changed."""

    model_config = ConfigDict(ser_json_bytes="base64", val_json_bytes="base64")

    NOT_NULL: ClassVar[frozenset[str]] = frozenset(
        {
            "title",
            "code",
            "count",
            "price",
            "active",
            "seen_at",
            "token",
            "email",
            "kind",
            "password",
        }
    )

    title: str | None = Field(
        default=None, min_length=2, max_length=40, description="A short title."
    )
    code: str | None = Field(
        default=None, max_length=12, pattern="^[A-Z]{3}-[0-9]+$", examples=["ABC-1"]
    )
    body: str | None = Field(default=None, max_length=100000)
    count: int | None = Field(default=None, ge=0, le=1000)
    big: int | None = Field(default=None, ge=-9223372036854775808, le=9223372036854775807)
    ratio: float | None = Field(default=None, gt=0.0, lt=1.0)
    price: Decimal | None = Field(default=None, ge=Decimal("0"), max_digits=8, decimal_places=3)
    active: bool | None = None
    born_on: dt.date | None = None
    seen_at: AwareDatetime | None = None
    opens_at: dt.time | None = None
    token: UUID | None = None
    email: EmailStr | None = Field(default=None, max_length=320)
    homepage: HttpUrlStr | None = Field(default=None, max_length=2083)
    kind: Literal["small", "medium", "large"] | None = None
    payload: JsonInput | None = None
    blob: bytes | None = Field(default=None, max_length=1048576)
    password: str | None = Field(default=None, max_length=128)
    type: str | None = Field(
        default=None, max_length=20, description="A field named like a builtin."
    )
    date: dt.date | None = None


class SampleResponse(BaseModel):
    """A Sample as the API returns it."""

    model_config = ConfigDict(
        from_attributes=True, ser_json_bytes="base64", val_json_bytes="base64"
    )

    id: int
    title: str
    code: str
    body: str | None
    count: int
    big: int | None
    ratio: float | None
    price: Decimal
    active: bool
    born_on: dt.date | None
    seen_at: dt.datetime
    opens_at: TimeOfDay | None
    token: UUID
    email: str
    homepage: str | None
    kind: Literal["small", "medium", "large"]
    payload: JsonValue | None
    blob: bytes | None
    internal_note: str
    type: str | None
    date: dt.date | None
    created_at: dt.datetime
    updated_at: dt.datetime


class SampleListParams(InputSchema):
    """The query parameters of the Sample list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["seen_at", "-seen_at", "title", "-title", "count", "-count", "id", "-id"] = (
        "-seen_at"
    )
    kind: Literal["small", "medium", "large"] | None = None
    active: bool | None = None
    email: str | None = None
