"""Data access for the built-in User: the only code that touches the session for it."""

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from hr.core.errors import ConflictError
from hr.models.User import User

EMAIL_TAKEN = "A user with this email exists"


class UserRepository:
    """Reads and writes User rows; a duplicate email becomes a ConflictError."""

    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def get(self, user_id: int) -> User | None:
        """The User with this id, or None."""
        return await self._session.scalar(sa.select(User).where(User.id == user_id))

    async def get_by_email(self, email: str) -> User | None:
        """The User with this (lower-case) email, or None."""
        return await self._session.scalar(sa.select(User).where(User.email == email))

    async def add(self, *, email: str, hashed_password: str, is_admin: bool = False) -> User:
        """Insert a User; ConflictError if the email is taken (also by a concurrent insert)."""
        user = User(email=email, hashed_password=hashed_password, is_admin=is_admin)
        self._session.add(user)
        try:
            await self._session.flush()
        except IntegrityError as error:
            await self._session.rollback()
            raise ConflictError(EMAIL_TAKEN) from error
        return user

    async def update(self, user: User, **values: object) -> User:
        """Set attributes of `user` and flush them."""
        for name, value in values.items():
            setattr(user, name, value)
        await self._session.flush()
        return user

    async def commit(self) -> None:
        """Commit the unit of work; ConflictError if a constraint refuses it."""
        try:
            await self._session.commit()
        except IntegrityError as error:
            await self._session.rollback()
            raise ConflictError(EMAIL_TAKEN) from error
