"""Field types shared by the entity schemas."""

import json
from typing import Annotated

from pydantic import AfterValidator, HttpUrl, JsonValue


def _check_http_url(value: str) -> str:
    HttpUrl(value)
    return value


HttpUrlStr = Annotated[str, AfterValidator(_check_http_url)]
"""An http(s) URL, validated but kept exactly as the client wrote it."""


JSON_MAX_LENGTH = 65_536


def _check_json_size(value: JsonValue) -> JsonValue:
    if len(json.dumps(value)) > JSON_MAX_LENGTH:
        raise ValueError(f"must be at most {JSON_MAX_LENGTH} characters as JSON")
    return value


JsonInput = Annotated[JsonValue, AfterValidator(_check_json_size)]
"""Any JSON value up to `JSON_MAX_LENGTH` characters, so one request cannot store megabytes."""
