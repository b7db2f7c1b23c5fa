"""Request and response schemas of News."""

from typing import ClassVar, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from app.schemas.base import InputSchema


class NewsCreate(InputSchema):
    """What a client sends to create a News."""

    headline: str = Field(max_length=120)
    status: Literal["draft", "live"] = "draft"


class NewsUpdate(InputSchema):
    """A partial update of a News: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset({"headline", "status"})

    headline: str | None = Field(default=None, max_length=120)
    status: Literal["draft", "live"] | None = None


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
