"""Assertions on the response envelope that every endpoint returns."""

from typing import Any

from httpx import Response


def unwrap(response: Response, status: int) -> Any:
    """Check the status and the `{code, data, message}` envelope; return `data`."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"code", "data", "message"}, body
    assert body["code"] == status
    assert isinstance(body["message"], str)
    return body["data"]
