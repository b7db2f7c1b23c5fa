"""Request and response schemas of Leaf."""

from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

from zoo.schemas.base import InputSchema


class LeafCreate(InputSchema):
    """What a client sends to create a Leaf."""

    note: str = Field(min_length=1, max_length=500)
    secret_code: str = Field(max_length=16)
    node_id: int = Field(ge=1, le=2147483647)


class LeafUpdate(InputSchema):
    """A partial update of a Leaf: only the fields sent are changed."""

    NOT_NULL: ClassVar[frozenset[str]] = frozenset({"note", "secret_code", "node_id"})

    note: str | None = Field(default=None, min_length=1, max_length=500)
    secret_code: str | None = Field(default=None, max_length=16)
    node_id: int | None = Field(default=None, ge=1, le=2147483647)


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
