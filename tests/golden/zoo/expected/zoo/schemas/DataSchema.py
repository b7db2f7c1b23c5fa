"""Request and response schemas of Data."""

import datetime as dt
from decimal import Decimal
from typing import ClassVar, Literal
from uuid import UUID

from pydantic import AwareDatetime, BaseModel, ConfigDict, EmailStr, Field

from zoo.schemas.base import InputSchema
from zoo.schemas.types import HttpUrlStr, TimeOfDay


class DataCreate(InputSchema):
    """What a client sends to create a Data."""

    type: str = Field(default="plain", max_length=30)
    format: Literal["csv", "json_lines"] = "csv"
    hash: str = Field(max_length=64)
    filter: str | None = Field(
        default=None,
        max_length=100000,
        description=(
            "A long description that goes well past the line length of "
            "the generated project, with an en dash \N{EN DASH} and a "
            "multiplication sign \N{MULTIPLICATION SIGN} in it, to be "
            "split."
        ),
    )
    input: int = Field(default=3, ge=-5, le=5)
    max: float = 1.5
    min: Decimal = Field(default=Decimal("2"), max_digits=5, decimal_places=0)
    date: dt.date = dt.date.fromisoformat("2024-02-29")
    time: dt.time = dt.time.fromisoformat("08:30:00")
    datetime: AwareDatetime | None = None
    uuid: UUID | None = None
    decimal: Decimal | None = Field(default=None, max_digits=12, decimal_places=2)
    email: EmailStr | None = Field(default=None, max_length=100)
    url: HttpUrlStr | None = Field(default=None, max_length=300)
    property: bool = False
    range: int | None = Field(default=None, ge=0, le=9223372036854775807)
    status: str = Field(default="new", min_length=3, max_length=3)
    series_id: int | None = Field(default=None, ge=1, le=2147483647)


class DataUpdate(InputSchema):
    """A partial update of a Data: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset({"format", "hash", "status"})

    type: str | None = Field(default=None, max_length=30)
    format: Literal["csv", "json_lines"] | None = None
    hash: str | None = Field(default=None, max_length=64)
    filter: str | None = Field(
        default=None,
        max_length=100000,
        description=(
            "A long description that goes well past the line length of "
            "the generated project, with an en dash \N{EN DASH} and a "
            "multiplication sign \N{MULTIPLICATION SIGN} in it, to be "
            "split."
        ),
    )
    input: int | None = Field(default=None, ge=-5, le=5)
    max: float | None = None
    min: Decimal | None = Field(default=None, max_digits=5, decimal_places=0)
    date: dt.date | None = None
    time: dt.time | None = None
    datetime: AwareDatetime | None = None
    uuid: UUID | None = None
    decimal: Decimal | None = Field(default=None, max_digits=12, decimal_places=2)
    email: EmailStr | None = Field(default=None, max_length=100)
    url: HttpUrlStr | None = Field(default=None, max_length=300)
    property: bool | None = None
    range: int | None = Field(default=None, ge=0, le=9223372036854775807)
    status: str | None = Field(default=None, min_length=3, max_length=3)
    series_id: int | None = Field(default=None, ge=1, le=2147483647)


class DataResponse(BaseModel):
    """A Data as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    type: str | None
    format: Literal["csv", "json_lines"]
    hash: str
    filter: str | None
    input: int | None
    max: float | None
    min: Decimal | None
    date: dt.date | None
    time: TimeOfDay | None
    datetime: dt.datetime | None
    uuid: UUID | None
    decimal: Decimal | None
    email: str | None
    url: str | None
    property: bool | None
    range: int | None
    status: str
    series_id: int | None
    created_at: dt.datetime
    updated_at: dt.datetime


class DataListParams(InputSchema):
    """The query parameters of the Data list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["hash", "-hash", "status", "-status", "id", "-id"] = "hash"
    format: Literal["csv", "json_lines"] | None = None
    property: bool | None = None
    series_id: int | None = Field(default=None, ge=1, le=2147483647)
