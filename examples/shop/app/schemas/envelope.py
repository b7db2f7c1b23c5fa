"""The envelope every response shares: `{"code": <HTTP status>, "data": ..., "message": ...}`."""

from typing import Any, Generic, TypeVar

from pydantic import BaseModel

DataT = TypeVar("DataT")
ItemT = TypeVar("ItemT")


class Envelope(BaseModel, Generic[DataT]):
    """A successful response; `code` repeats the HTTP status."""

    code: int
    data: DataT
    message: str


class ErrorDetail(BaseModel):
    """One problem with a request, e.g. a field that failed validation."""

    loc: list[str | int]
    msg: str
    type: str


class ErrorEnvelope(BaseModel):
    """An error response; `code` repeats the HTTP status, `data` lists details if any."""

    code: int
    data: list[ErrorDetail] | None = None
    message: str


class CursorPage(BaseModel, Generic[ItemT]):
    """A page of a keyset-paginated list; send `next_cursor` back to get the next page."""

    items: list[ItemT]
    next_cursor: str | None


class OffsetPage(BaseModel, Generic[ItemT]):
    """A page of an offset-paginated list (`list.pagination: offset` in a spec)."""

    items: list[ItemT]
    total: int
    page: int
    size: int


# The error responses of a typical route, for `responses=` so OpenAPI lists them exactly.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorEnvelope, "description": "Not found"},
    409: {"model": ErrorEnvelope, "description": "Conflict with existing data"},
    422: {"model": ErrorEnvelope, "description": "Invalid request"},
}
