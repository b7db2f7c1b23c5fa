"""Business rules of Author: checks beyond the schema, and the unit of work."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.cache import ReadCache, invalidate
from app.core.errors import NotFoundError
from app.models.Author import Author
from app.repositories.AuthorRepository import AuthorRepository
from app.schemas.AuthorSchema import AuthorCreate, AuthorListParams, AuthorResponse, AuthorUpdate
from app.schemas.envelope import CursorPage

_cache = ReadCache("Author", ttl=30)


class AuthorService:
    """Use cases of Author; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession) -> None:
        self._authors = AuthorRepository(session)

    async def list_page(self, params: AuthorListParams) -> CursorPage[AuthorResponse]:
        """One page of authors."""
        return await _cache.read(
            CursorPage[AuthorResponse],
            "list",
            params.model_dump_json(),
            lambda: self._list_page(params),
        )

    async def _list_page(self, params: AuthorListParams) -> CursorPage[AuthorResponse]:
        rows, next_cursor = await self._authors.list_page(params)
        items = [AuthorResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, author_id: int) -> AuthorResponse:
        """The Author with this id; NotFoundError if there is none."""
        return await _cache.read(
            AuthorResponse, "get", str(author_id), lambda: self._read(author_id)
        )

    async def _read(self, author_id: int) -> AuthorResponse:
        return AuthorResponse.model_validate(await self._get(author_id))

    async def create(self, payload: AuthorCreate) -> AuthorResponse:
        """Create an Author and commit it."""
        values = payload.model_dump()
        author = await self._authors.add(values)
        await self._authors.commit()
        await _cache.invalidate()
        return AuthorResponse.model_validate(author)

    async def update(self, author_id: int, payload: AuthorUpdate) -> AuthorResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        author = await self._get(author_id)
        values = payload.model_dump(exclude_unset=True)
        author = await self._authors.update(author, values)
        await self._authors.commit()
        await _cache.invalidate()
        return AuthorResponse.model_validate(author)

    async def delete(self, author_id: int) -> None:
        """Delete the Author and commit; NotFoundError if there is none."""
        author = await self._get(author_id)
        await self._authors.delete(author)
        await self._authors.commit()
        await _cache.invalidate()
        await invalidate("Note")

    async def _get(self, author_id: int) -> Author:
        author = await self._authors.get(author_id)
        if author is None:
            raise NotFoundError.for_entity("Author", author_id)
        return author
