"""Version 1 of the API; `fortress generate` registers one router per entity here."""

from fastapi import APIRouter

from hr.api.v1.endpoints import badges, departments, employees, projects, skills

api_router = APIRouter()
api_router.include_router(badges.router)
api_router.include_router(departments.router)
api_router.include_router(employees.router)
api_router.include_router(projects.router)
api_router.include_router(skills.router)
