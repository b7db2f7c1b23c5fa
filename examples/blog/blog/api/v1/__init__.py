"""Version 1 of the API; `fortress generate` registers one router per entity here."""

from fastapi import APIRouter

from blog.api.v1.endpoints import authors, comments, posts, tags

api_router = APIRouter()
api_router.include_router(authors.router)
api_router.include_router(comments.router)
api_router.include_router(posts.router)
api_router.include_router(tags.router)
