"""Every model, imported here so `Base.metadata` knows all tables (Alembic reads it)."""

from zoo.models.base import Base
from zoo.models.Data import Data
from zoo.models.Leaf import Leaf
from zoo.models.Node import Node
from zoo.models.Series import Series
from zoo.models.User import User

__all__ = ["Base", "Data", "Leaf", "Node", "Series", "User"]
