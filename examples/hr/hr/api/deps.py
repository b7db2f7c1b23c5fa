"""Dependencies shared by the endpoints."""

from typing import Annotated

from fastapi import Depends
from sqlalchemy.ext.asyncio import AsyncSession

from hr.core.database import get_session

# One session per request, closed when the endpoint returns: `scope="function"` releases the
# connection before the response is sent instead of after it.
SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]
