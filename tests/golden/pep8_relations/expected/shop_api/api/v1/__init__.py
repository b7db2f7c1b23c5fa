"""Version 1 of the API; `fortress generate` registers one router per entity here."""

from fastapi import APIRouter

from shop_api.api.v1.endpoints import customers, invoices, refunds, tags

api_router = APIRouter()
api_router.include_router(customers.router)
api_router.include_router(invoices.router)
api_router.include_router(refunds.router)
api_router.include_router(tags.router)
