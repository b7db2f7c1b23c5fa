"""Request and response schemas of News."""

from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, field_validator

from app.schemas.base import InputSchema


class NewsCreate(InputSchema):
    """What a client sends to create a News."""

    headline: str = Field(max_length=120)
    status: Literal["draft", "live"] = "draft"


class NewsUpdate(InputSchema):
    """A partial update of a News: only the fields sent are changed."""

    headline: str | None = Field(default=None, max_length=120)
    status: Literal["draft", "live"] | None = None

    @field_validator("headline", "status", mode="before")
    @classmethod
    def _reject_null(cls, value: object) -> object:
        """A column that may not be empty cannot be set to null."""
        if value is None:
            raise ValueError("may not be null")
        return value


class NewsResponse(BaseModel):
    """A News as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: UUID
    headline: str
    status: Literal["draft", "live"]


class NewsListParams(InputSchema):
    """The query parameters of the News list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["id", "-id"] = "id"
