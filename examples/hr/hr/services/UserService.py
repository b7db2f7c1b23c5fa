"""Business rules of the built-in User: registering, signing in, and who a token is."""

import datetime as dt

from sqlalchemy.ext.asyncio import AsyncSession

from hr.core.config import get_settings
from hr.core.errors import AuthenticationError, ConflictError
from hr.core.security import (
    InvalidTokenError,
    create_access_token,
    decode_access_token,
    hash_password,
    spend_verify_time,
    verify_password,
)
from hr.models.User import User
from hr.repositories.UserRepository import EMAIL_TAKEN, UserRepository
from hr.schemas.UserSchema import Token, UserCreate, UserResponse

# One message for an unknown email and a wrong password, so neither tells which it was.
BAD_CREDENTIALS = "Incorrect email or password"
BAD_TOKEN = "Could not validate the credentials"


class UserService:
    """Use cases of the User; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession) -> None:
        self._users = UserRepository(session)

    async def register(self, payload: UserCreate) -> UserResponse:
        """Create a regular (never admin) User and commit; ConflictError if the email is taken."""
        if await self._users.get_by_email(payload.email) is not None:
            raise ConflictError(EMAIL_TAKEN)
        user = await self._users.add(
            email=payload.email, hashed_password=hash_password(payload.password)
        )
        await self._users.commit()
        return UserResponse.model_validate(user)

    async def create_admin(self, payload: UserCreate) -> UserResponse:
        """Make `payload.email` an admin with its password: a new User, or one promoted."""
        user = await self._users.get_by_email(payload.email)
        hashed = hash_password(payload.password)
        if user is None:
            user = await self._users.add(email=payload.email, hashed_password=hashed, is_admin=True)
        else:
            user = await self._users.update(
                user, hashed_password=hashed, is_admin=True, is_active=True
            )
        await self._users.commit()
        return UserResponse.model_validate(user)

    async def login(self, email: str, password: str) -> Token:
        """A token for an active User whose password matches; AuthenticationError if not.

        An unknown email costs the same hashing time as a wrong password.
        """
        user = await self._users.get_by_email(email.lower())
        if user is None:
            spend_verify_time(password)
            raise AuthenticationError(BAD_CREDENTIALS)
        if not verify_password(password, user.hashed_password) or not user.is_active:
            raise AuthenticationError(BAD_CREDENTIALS)
        expires_in = dt.timedelta(minutes=get_settings().ACCESS_TOKEN_EXPIRE_MINUTES)
        return Token(
            access_token=create_access_token(user.id, expires_in=expires_in),
            expires_in=int(expires_in.total_seconds()),
        )

    async def authenticate(self, token: str | None) -> User:
        """The active User a bearer token was issued to; AuthenticationError otherwise."""
        if token is None:
            raise AuthenticationError("Not authenticated")
        try:
            subject = decode_access_token(token)
        except InvalidTokenError as error:
            raise AuthenticationError(BAD_TOKEN) from error
        user = await self._users.get(int(subject)) if subject.isdecimal() else None
        if user is None or not user.is_active:
            raise AuthenticationError(BAD_TOKEN)
        return user
