"""Version 1 of the API; `fortress generate` registers one router per entity here."""

from fastapi import APIRouter

from notes_api.api.v1.endpoints import audit_entries, boards, folders, notes, reports

api_router = APIRouter()
api_router.include_router(audit_entries.router)
api_router.include_router(boards.router)
api_router.include_router(folders.router)
api_router.include_router(notes.router)
api_router.include_router(reports.router)
