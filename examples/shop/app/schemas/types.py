"""Field types shared by the entity schemas."""

import datetime as dt
import json
from typing import Annotated

from pydantic import AfterValidator, HttpUrl, JsonValue, StringConstraints, WithJsonSchema

# The URLs `url` fields take, as a pattern OpenAPI shows (so clients and Schemathesis know
# what is valid): http(s), a host name of letter-led labels, an optional port and a plain
# path. pydantic's HttpUrl checks them too.
_LABEL = r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*"
HTTP_URL_PATTERN = (
    rf"^https?://{_LABEL}(?:\.{_LABEL})*"  # the host
    r"(?::[1-9][0-9]{0,3})?(?:/[A-Za-z0-9._~-]*)*$"  # the port and the path
)


def _check_http_url(value: str) -> str:
    HttpUrl(value)
    return value


HttpUrlStr = Annotated[
    str, StringConstraints(pattern=HTTP_URL_PATTERN), AfterValidator(_check_http_url)
]
"""An http(s) URL, validated but kept exactly as the client wrote it."""


JSON_MAX_LENGTH = 65_536


def _check_json_size(value: JsonValue) -> JsonValue:
    if len(json.dumps(value)) > JSON_MAX_LENGTH:
        raise ValueError(f"must be at most {JSON_MAX_LENGTH} characters as JSON")
    return value


JsonInput = Annotated[JsonValue, AfterValidator(_check_json_size)]
"""Any JSON value up to `JSON_MAX_LENGTH` characters, so one request cannot store megabytes."""


TIME_PATTERN = r"^\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})?$"
TimeOfDay = Annotated[dt.time, WithJsonSchema({"type": "string", "pattern": TIME_PATTERN})]
"""A time as responses return it: a column stores no offset, so OpenAPI's `format: time`
(RFC 3339, which requires one) would not describe "08:30:00"; the pattern does."""
