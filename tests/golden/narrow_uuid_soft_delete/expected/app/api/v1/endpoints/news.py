"""HTTP endpoints of News: parse the request, call one service method, wrap the result."""

from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Depends, Path, Query

from app.api.deps import SessionDep, get_current_user
from app.schemas.envelope import CursorPage, Envelope, error_responses
from app.schemas.NewsSchema import NewsCreate, NewsListParams, NewsResponse
from app.services.NewsService import NewsService

router = APIRouter(prefix="/news", tags=["news"])


async def get_news_service(session: SessionDep) -> NewsService:
    """Provide a NewsService bound to the request's session."""
    return NewsService(session)


NewsServiceDep = Annotated[NewsService, Depends(get_news_service)]
NewsId = Annotated[UUID, Path()]


@router.get(
    "",
    summary="List news",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 422),
)
async def list_news(
    service: NewsServiceDep, params: Annotated[NewsListParams, Query()]
) -> Envelope[CursorPage[NewsResponse]]:
    """A page of news; pass `next_cursor` back as `cursor` for the next one."""
    return Envelope(code=200, data=await service.list_page(params), message="OK")


@router.post(
    "",
    status_code=201,
    summary="Create a News",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 409, 422),
)
async def create_news(payload: NewsCreate, service: NewsServiceDep) -> Envelope[NewsResponse]:
    """Create a News."""
    return Envelope(code=201, data=await service.create(payload), message="Created")


@router.get(
    "/{news_id}",
    summary="Get a News",
    dependencies=[Depends(get_current_user)],
    responses=error_responses(401, 404, 422),
)
async def get_news(news_id: NewsId, service: NewsServiceDep) -> Envelope[NewsResponse]:
    """The News with this id."""
    return Envelope(code=200, data=await service.get(news_id), message="OK")
