"""Version 1 of the API; `fortress generate` registers one router per entity here."""

from fastapi import APIRouter

from app.api.v1.endpoints import samples

api_router = APIRouter()
api_router.include_router(samples.router)
