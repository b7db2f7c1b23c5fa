"""Business rules of News: checks beyond the schema, and the unit of work."""

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.errors import NotFoundError
from app.models.News import News
from app.repositories.NewsRepository import NewsRepository
from app.schemas.envelope import CursorPage
from app.schemas.NewsSchema import NewsCreate, NewsListParams, NewsResponse, NewsUpdate


class NewsService:
    """Use cases of News; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession) -> None:
        self._news = NewsRepository(session)

    async def list_page(self, params: NewsListParams) -> CursorPage[NewsResponse]:
        """One page of news."""
        rows, next_cursor = await self._news.list_page(params)
        items = [NewsResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, news_id: UUID) -> NewsResponse:
        """The News with this id; NotFoundError if there is none."""
        return NewsResponse.model_validate(await self._get(news_id))

    async def create(self, payload: NewsCreate) -> NewsResponse:
        """Create a News and commit it."""
        values = payload.model_dump()
        news = await self._news.add(values)
        await self._news.commit()
        return NewsResponse.model_validate(news)

    async def update(self, news_id: UUID, payload: NewsUpdate) -> NewsResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        news = await self._get(news_id)
        values = payload.model_dump(exclude_unset=True)
        news = await self._news.update(news, values)
        await self._news.commit()
        return NewsResponse.model_validate(news)

    async def delete(self, news_id: UUID) -> None:
        """Delete the News and commit; NotFoundError if there is none."""
        news = await self._get(news_id)
        await self._news.delete(news)
        await self._news.commit()

    async def _get(self, news_id: UUID) -> News:
        news = await self._news.get(news_id)
        if news is None:
            raise NotFoundError.for_entity("News", news_id)
        return news
