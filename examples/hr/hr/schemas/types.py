"""Field types shared by the entity schemas."""

from typing import Annotated

from pydantic import AfterValidator, HttpUrl


def _check_http_url(value: str) -> str:
    HttpUrl(value)
    return value


HttpUrlStr = Annotated[str, AfterValidator(_check_http_url)]
"""An http(s) URL, validated but kept exactly as the client wrote it."""
