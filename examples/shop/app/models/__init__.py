"""Every model, imported here so `Base.metadata` knows all tables (Alembic reads it)."""

from app.models.base import Base
from app.models.Category import Category
from app.models.Customer import Customer
from app.models.Order import Order
from app.models.OrderLine import OrderLine
from app.models.Product import Product
from app.models.User import User

__all__ = ["Base", "Category", "Customer", "Order", "OrderLine", "Product", "User"]
