"""Request and response schemas of Project."""

import datetime as dt
from decimal import Decimal
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from hr.schemas.base import InputSchema


class EmployeeSummary(BaseModel):
    """The Employee a response nests: its id and fields."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    full_name: str
    email: str
    hired_on: dt.date


class ProjectCreate(InputSchema):
    """What a client sends to create a Project."""

    title: str = Field(max_length=120)
    budget: Decimal | None = Field(default=None, max_digits=12, decimal_places=2)
    lead_id: int | None = Field(default=None, ge=1, le=2147483647)
    member_ids: set[Annotated[int, Field(ge=1, le=2147483647)]] = Field(
        default_factory=set, max_length=100
    )


class ProjectUpdate(InputSchema):
    """A partial update of a Project: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset({"title", "member_ids"})

    title: str | None = Field(default=None, max_length=120)
    budget: Decimal | None = Field(default=None, max_digits=12, decimal_places=2)
    lead_id: int | None = Field(default=None, ge=1, le=2147483647)
    member_ids: set[Annotated[int, Field(ge=1, le=2147483647)]] | None = Field(
        default=None, max_length=100
    )


class ProjectResponse(BaseModel):
    """A Project as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    title: str
    budget: Decimal | None
    lead_id: int | None
    member_ids: list[int]
    members: list[EmployeeSummary]
    created_at: dt.datetime
    updated_at: dt.datetime


class ProjectListParams(InputSchema):
    """The query parameters of the Project list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["id", "-id"] = "id"
