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


_ERROR_DESCRIPTIONS = {
    401: "Not authenticated: no bearer token, an invalid or expired one, or wrong credentials",
    403: "Not allowed for this user",
    404: "Not found",
    409: "Conflict with existing data",
    422: "Invalid request",
}
# A 401 says how to authenticate (RFC 9110 §15.5.2).
_ERROR_HEADERS: dict[int, dict[str, Any]] = {
    401: {
        "WWW-Authenticate": {
            "description": "The scheme to authenticate with: `Bearer`",
            "schema": {"type": "string"},
        }
    },
}


def error_responses(*codes: int) -> dict[int | str, dict[str, Any]]:
    """The `responses=` of a route that can answer with these errors, so OpenAPI lists them."""
    responses: dict[int | str, dict[str, Any]] = {}
    for code in codes:
        response: dict[str, Any] = {
            "model": ErrorEnvelope,
            "description": _ERROR_DESCRIPTIONS[code],
        }
        if code in _ERROR_HEADERS:
            response["headers"] = _ERROR_HEADERS[code]
        responses[code] = response
    return responses
