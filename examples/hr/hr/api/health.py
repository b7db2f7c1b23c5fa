"""The liveness probe: `GET /health` answers while the process can serve requests."""

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel

from hr.schemas.envelope import Envelope

router = APIRouter(tags=["health"])


class Health(BaseModel):
    """The state of the service."""

    status: Literal["ok"]


@router.get("/health")
async def health() -> Envelope[Health]:
    """Report that the service is up."""
    return Envelope(code=200, data=Health(status="ok"), message="OK")
