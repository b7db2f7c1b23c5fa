"""Request and response schemas of Tag."""

from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from blog.schemas.base import InputSchema


class TagCreate(InputSchema):
    """What a client sends to create a Tag."""

    name: str = Field(max_length=50)
    color: str = Field(
        default="#888888", max_length=7, pattern="^#[0-9a-f]{6}$", examples=["#ff8800"]
    )


class TagUpdate(InputSchema):
    """A partial update of a Tag: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset({"name", "color"})

    name: str | None = Field(default=None, max_length=50)
    color: str | None = Field(
        default=None, max_length=7, pattern="^#[0-9a-f]{6}$", examples=["#ff8800"]
    )


class TagResponse(BaseModel):
    """A Tag as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    color: str


class TagListParams(InputSchema):
    """The query parameters of the Tag list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["name", "-name", "id", "-id"] = "name"
