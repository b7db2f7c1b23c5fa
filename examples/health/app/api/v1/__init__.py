"""Version 1 of the API; `fortress generate` registers one router per entity here."""

from fastapi import APIRouter

from app.api.v1.endpoints import goals, measurements, metrics

api_router = APIRouter()
api_router.include_router(goals.router)
api_router.include_router(measurements.router)
api_router.include_router(metrics.router)
