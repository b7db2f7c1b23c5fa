"""Request and response schemas of Leaf."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from zoo.schemas.base import InputSchema


class LeafCreate(InputSchema):
    """What a client sends to create a Leaf."""

    note: str = Field(min_length=1, max_length=500)
    secret_code: str = Field(max_length=16)
    node_id: int = Field(ge=1, le=2147483647)


class LeafUpdate(InputSchema):
    """A partial update of a Leaf: only the fields sent are changed."""

    note: str | None = Field(default=None, min_length=1, max_length=500)
    secret_code: str | None = Field(default=None, max_length=16)
    node_id: int | None = Field(default=None, ge=1, le=2147483647)

    @field_validator("note", "secret_code", "node_id", mode="before")
    @classmethod
    def _reject_null(cls, value: object) -> object:
        """A column that may not be empty cannot be set to null."""
        if value is None:
            raise ValueError("may not be null")
        return value


class LeafResponse(BaseModel):
    """A Leaf as the API returns it."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    note: str
    created_by: str
    node_id: int


class LeafListParams(InputSchema):
    """The query parameters of the Leaf list: page, order and filters."""

    limit: int = Field(default=20, ge=1, le=100)
    cursor: str | None = Field(default=None, max_length=512)
    sort: Literal["id", "-id"] = "id"
