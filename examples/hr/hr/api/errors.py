"""Exception handlers: every error leaves the API as an `ErrorEnvelope`.

Rejected input is never echoed back, and nothing internal (trace, SQL) leaks out.
"""

import logging
import re
from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, IntegrityError
from starlette.exceptions import HTTPException

from hr.core.errors import DomainError
from hr.schemas.envelope import ErrorDetail, ErrorEnvelope

logger = logging.getLogger(__name__)

# Every 401 names the scheme to authenticate with (RFC 9110 §15.5.2).
BEARER_CHALLENGE = {"WWW-Authenticate": "Bearer"}


def register_exception_handlers(app: FastAPI) -> None:
    """Map domain, validation, HTTP, database and unexpected errors to the envelope."""

    @app.exception_handler(DomainError)
    async def handle_domain_error(request: Request, exc: DomainError) -> JSONResponse:
        headers = BEARER_CHALLENGE if exc.status_code == 401 else None
        return error_response(exc.status_code, exc.message, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def handle_validation_error(
        request: Request, exc: RequestValidationError
    ) -> JSONResponse:
        details = _validation_details(exc.errors())
        return error_response(422, "Request validation failed", details)

    @app.exception_handler(HTTPException)
    async def handle_http_error(request: Request, exc: HTTPException) -> JSONResponse:
        if exc.status_code == 400 and exc.__cause__ is not None:
            # FastAPI's answer to a body it could not parse (bytes that are not UTF-8, a
            # broken form): invalid input like malformed JSON, so the same 422.
            return error_response(422, "The request body could not be parsed")
        message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        headers = exc.headers
        if exc.status_code == 405:
            # Starlette names the methods of the first route of the path only (FastAPI has
            # a route per method): `Allow` lists every method the path documents.
            headers = {**(headers or {}), "Allow": ", ".join(_allowed_methods(request))}
        return error_response(exc.status_code, message, headers=headers)

    @app.exception_handler(IntegrityError)
    async def handle_integrity_error(request: Request, exc: IntegrityError) -> JSONResponse:
        logger.info("Integrity error on %s %s: %s", request.method, request.url.path, exc.orig)
        return error_response(409, "The request conflicts with existing data")

    @app.exception_handler(DataError)
    async def handle_data_error(request: Request, exc: DataError) -> JSONResponse:
        logger.info("Data error on %s %s: %s", request.method, request.url.path, exc.orig)
        return error_response(422, "A value cannot be stored by the database")

    @app.exception_handler(Exception)
    async def handle_unexpected_error(request: Request, exc: Exception) -> JSONResponse:
        logger.error("Unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        return error_response(500, "Internal server error")


def _allowed_methods(request: Request) -> list[str]:
    """The methods the OpenAPI document lists for the request's path."""
    for template, operations in request.app.openapi()["paths"].items():
        pattern = "[^/]+".join(re.escape(part) for part in re.split(r"\{[^}]*\}", template))
        if re.fullmatch(pattern, request.url.path):
            return sorted(method.upper() for method in operations)
    return []


def error_response(
    status_code: int,
    message: str,
    details: list[ErrorDetail] | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    """An `ErrorEnvelope` response; its `code` is the HTTP status."""
    envelope = ErrorEnvelope(code=status_code, data=details, message=message)
    return JSONResponse(envelope.model_dump(mode="json"), status_code=status_code, headers=headers)


def _validation_details(errors: Sequence[Any]) -> list[ErrorDetail]:
    """Pydantic's error details without the rejected input (or its context)."""
    return [
        ErrorDetail(loc=list(error["loc"]), msg=error["msg"], type=error["type"])
        for error in errors
    ]
