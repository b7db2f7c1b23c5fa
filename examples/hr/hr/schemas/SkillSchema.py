"""Request and response schemas of Skill."""

import datetime as dt
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from hr.schemas.base import InputSchema


class SkillCreate(InputSchema):
    """What a client sends to create a Skill."""

    name: str = Field(max_length=60)


class SkillUpdate(InputSchema):
    """A partial update of a Skill: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset({"name"})

    name: str | None = Field(default=None, max_length=60)


class SkillResponse(BaseModel):
    """A Skill as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    created_at: dt.datetime
    updated_at: dt.datetime


class SkillListParams(InputSchema):
    """The query parameters of the Skill list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["id", "-id"] = "id"
