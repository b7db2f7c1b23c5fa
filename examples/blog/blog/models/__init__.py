"""Every model, imported here so `Base.metadata` knows all tables (Alembic reads it)."""

from blog.models.author import Author
from blog.models.base import Base
from blog.models.comment import Comment
from blog.models.post import Post
from blog.models.tag import Tag
from blog.models.user import User

__all__ = ["Author", "Base", "Comment", "Post", "Tag", "User"]
