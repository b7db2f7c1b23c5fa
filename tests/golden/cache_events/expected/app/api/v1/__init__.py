"""Version 1 of the API; `fortress generate` registers one router per entity here."""

from fastapi import APIRouter

from app.api.v1.endpoints import authors, notes, tags

api_router = APIRouter()
api_router.include_router(authors.router)
api_router.include_router(notes.router)
api_router.include_router(tags.router)
