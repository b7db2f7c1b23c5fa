"""The built-in User model, mapped to the users table: who may sign in, and as what."""

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from hr.models.base import Base, TimestampMixin


class User(TimestampMixin, Base):
    """An account: an email to sign in with, an Argon2 hash of its password, and its role.

    `is_active` false refuses sign-in and every token issued before; `is_admin` grants the
    admin-only operations. Neither is ever taken from a client's request.
    """

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(length=320), unique=True)
    hashed_password: Mapped[str] = mapped_column(sa.String(length=255))
    is_active: Mapped[bool] = mapped_column(sa.Boolean(), default=True, server_default=sa.true())
    is_admin: Mapped[bool] = mapped_column(sa.Boolean(), default=False, server_default=sa.false())
