"""Every model, imported here so `Base.metadata` knows all tables (Alembic reads it)."""

from shop_api.models.base import Base
from shop_api.models.customer import Customer
from shop_api.models.invoice import Invoice
from shop_api.models.refund import Refund
from shop_api.models.tag import Tag
from shop_api.models.user import User

__all__ = ["Base", "Customer", "Invoice", "Refund", "Tag", "User"]
