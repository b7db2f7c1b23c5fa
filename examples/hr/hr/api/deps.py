"""Dependencies shared by the endpoints: the session, the User service and the caller."""

from typing import Annotated

from fastapi import Depends
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy.ext.asyncio import AsyncSession

from hr.core.database import get_session
from hr.core.errors import PermissionDeniedError

# The authenticated caller is the User model itself: services scope their queries by it.
# Endpoints only pass it on, they never query it.
from hr.models.User import User  # fortress: ignore[FTR102]
from hr.services.UserService import UserService

# One session per request, closed when the endpoint returns: `scope="function"` releases the
# connection before the response is sent instead of after it.
SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]

# Reads `Authorization: Bearer <token>`; a missing header is the service's 401 (in the
# envelope), not FastAPI's bare one. `tokenUrl` is where Swagger's Authorize button signs in.
oauth2_scheme = OAuth2PasswordBearer(tokenUrl="/auth/token", auto_error=False)


# Dependencies are `async def` even when they await nothing: FastAPI runs a plain `def`
# dependency in a worker thread, a hop that costs more than building the object.
async def get_user_service(session: SessionDep) -> UserService:
    """Provide a UserService bound to the request's session."""
    return UserService(session)


UserServiceDep = Annotated[UserService, Depends(get_user_service)]


async def get_current_user(
    token: Annotated[str | None, Depends(oauth2_scheme)], service: UserServiceDep
) -> User:
    """The active User the bearer token names; 401 when it is missing, invalid or expired."""
    return await service.authenticate(token)


CurrentUser = Annotated[User, Depends(get_current_user)]


async def get_current_admin(user: CurrentUser) -> User:
    """The caller, if an admin; 403 for any other signed-in User."""
    if not user.is_admin:
        raise PermissionDeniedError("Only an admin may do this")
    return user


AdminUser = Annotated[User, Depends(get_current_admin)]
