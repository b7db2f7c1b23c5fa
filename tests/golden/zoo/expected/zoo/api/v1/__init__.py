"""Version 1 of the API; `fortress generate` registers one router per entity here."""

from fastapi import APIRouter

from zoo.api.v1.endpoints import data, leaves, nodes, series

api_router = APIRouter()
api_router.include_router(data.router)
api_router.include_router(leaves.router)
api_router.include_router(nodes.router)
api_router.include_router(series.router)
