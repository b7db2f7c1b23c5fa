"""Request and response schemas of Employee."""

import datetime as dt
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from hr.schemas.base import InputSchema


class DepartmentSummary(BaseModel):
    """The Department a response nests: its id and fields."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    cost_center: str | None


class EmployeeCreate(InputSchema):
    """What a client sends to create an Employee."""

    full_name: str = Field(max_length=120)
    email: EmailStr = Field(max_length=320)
    hired_on: dt.date
    department_id: int = Field(ge=1, le=2147483647)
    manager_id: int | None = Field(default=None, ge=1, le=2147483647)
    account_id: int | None = Field(default=None, ge=1, le=2147483647)
    skill_ids: set[Annotated[int, Field(ge=1, le=2147483647)]] = Field(
        default_factory=set, max_length=100
    )


class EmployeeUpdate(InputSchema):
    """A partial update of an Employee: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset(
        {"full_name", "email", "hired_on", "department_id", "skill_ids"}
    )

    full_name: str | None = Field(default=None, max_length=120)
    email: EmailStr | None = Field(default=None, max_length=320)
    hired_on: dt.date | None = None
    department_id: int | None = Field(default=None, ge=1, le=2147483647)
    manager_id: int | None = Field(default=None, ge=1, le=2147483647)
    account_id: int | None = Field(default=None, ge=1, le=2147483647)
    skill_ids: set[Annotated[int, Field(ge=1, le=2147483647)]] | None = Field(
        default=None, max_length=100
    )


class EmployeeResponse(BaseModel):
    """An Employee as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    full_name: str
    email: str
    hired_on: dt.date
    department_id: int
    manager_id: int | None
    account_id: int | None
    department: DepartmentSummary
    skill_ids: list[int]
    created_at: dt.datetime
    updated_at: dt.datetime


class EmployeeListParams(InputSchema):
    """The query parameters of the Employee list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["full_name", "-full_name", "id", "-id"] = "full_name"
    department_id: int | None = Field(default=None, ge=1, le=2147483647)
    manager_id: int | None = Field(default=None, ge=1, le=2147483647)
