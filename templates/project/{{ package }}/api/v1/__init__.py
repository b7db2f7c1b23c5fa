"""Version 1 of the API; `fortress generate` registers one router per entity here."""

from fastapi import APIRouter

api_router = APIRouter()
