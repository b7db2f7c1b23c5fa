"""The ASGI application: `uvicorn hr.main:app`."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import email_validator
from fastapi import FastAPI

from hr.api import auth, health
from hr.api.errors import register_exception_handlers
from hr.api.v1 import api_router
from hr.core.cache import close_cache
from hr.core.config import LOCAL_ENVIRONMENTS, get_settings
from hr.core.database import dispose_engine


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Close the database and cache connections of the server's loop when it stops."""
    yield
    await dispose_engine()
    await close_cache()


def create_app() -> FastAPI:
    """Build the application: its routes, under the API prefix, and its error handlers."""
    settings = get_settings()
    logging.basicConfig(level=settings.LOG_LEVEL)
    # RFC 6761 reserves `.test` for testing: development and test servers accept addresses
    # there (the tests and Schemathesis use them); deployed ones refuse them as undeliverable.
    email_validator.TEST_ENVIRONMENT = settings.ENVIRONMENT in LOCAL_ENVIRONMENTS
    app = FastAPI(title=settings.PROJECT_NAME, lifespan=lifespan)
    register_exception_handlers(app)
    app.include_router(health.router)
    app.include_router(auth.router)
    app.include_router(api_router, prefix=settings.API_PREFIX)
    return app


app = create_app()
