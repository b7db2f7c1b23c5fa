"""Request and response schemas of Tag."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from blog.schemas.base import InputSchema


class TagCreate(InputSchema):
    """What a client sends to create a Tag."""

    name: str = Field(max_length=50)
    color: str = Field(
        default="#888888", max_length=7, pattern="^#[0-9a-f]{6}$", examples=["#ff8800"]
    )


class TagUpdate(InputSchema):
    """A partial update of a Tag: only the fields sent are changed."""

    name: str | None = Field(default=None, max_length=50)
    color: str | None = Field(
        default=None, max_length=7, pattern="^#[0-9a-f]{6}$", examples=["#ff8800"]
    )

    @field_validator("name", "color", mode="before")
    @classmethod
    def _reject_null(cls, value: object) -> object:
        """A column that may not be empty cannot be set to null."""
        if value is None:
            raise ValueError("may not be null")
        return value


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
