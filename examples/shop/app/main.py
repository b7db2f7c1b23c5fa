"""The ASGI application: `uvicorn app.main:app`."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from app.api import auth, health
from app.api.errors import register_exception_handlers
from app.api.v1 import api_router
from app.core.cache import cache
from app.core.config import get_settings
from app.core.database import engine


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Close the database and cache connections when the server stops."""
    yield
    await engine.dispose()
    await cache.close()


def create_app() -> FastAPI:
    """Build the application: its routes, under the API prefix, and its error handlers."""
    settings = get_settings()
    logging.basicConfig(level=settings.LOG_LEVEL)
    app = FastAPI(title=settings.PROJECT_NAME, lifespan=lifespan)
    register_exception_handlers(app)
    app.include_router(health.router)
    app.include_router(auth.router)
    app.include_router(api_router, prefix=settings.API_PREFIX)
    return app


app = create_app()
