"""Version 1 of the API; `fortress generate` registers one router per entity here."""

from fastapi import APIRouter

from app.api.v1.endpoints import categories, customers, order_lines, orders, products

api_router = APIRouter()
api_router.include_router(categories.router)
api_router.include_router(customers.router)
api_router.include_router(orders.router)
api_router.include_router(order_lines.router)
api_router.include_router(products.router)
