"""Business rules of Author: checks beyond the schema, and the unit of work."""

from sqlalchemy.ext.asyncio import AsyncSession

from blog.core.errors import NotFoundError
from blog.models.author import Author
from blog.repositories.author_repository import AuthorRepository
from blog.schemas.author_schema import AuthorCreate, AuthorListParams, AuthorResponse, AuthorUpdate
from blog.schemas.envelope import CursorPage


class AuthorService:
    """Use cases of Author; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession) -> None:
        self._authors = AuthorRepository(session)

    async def list_page(self, params: AuthorListParams) -> CursorPage[AuthorResponse]:
        """One page of authors."""
        rows, next_cursor = await self._authors.list_page(params)
        items = [AuthorResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, author_id: int) -> AuthorResponse:
        """The Author with this id; NotFoundError if there is none."""
        return AuthorResponse.model_validate(await self._get(author_id))

    async def create(self, payload: AuthorCreate) -> AuthorResponse:
        """Create an Author and commit it."""
        values = payload.model_dump()
        author = await self._authors.add(values)
        await self._authors.commit()
        return AuthorResponse.model_validate(author)

    async def update(self, author_id: int, payload: AuthorUpdate) -> AuthorResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        author = await self._get(author_id)
        values = payload.model_dump(exclude_unset=True)
        author = await self._authors.update(author, values)
        await self._authors.commit()
        return AuthorResponse.model_validate(author)

    async def delete(self, author_id: int) -> None:
        """Delete the Author and commit; NotFoundError if there is none."""
        author = await self._get(author_id)
        await self._authors.delete(author)
        await self._authors.commit()

    async def _get(self, author_id: int) -> Author:
        author = await self._authors.get(author_id)
        if author is None:
            raise NotFoundError.for_entity("Author", author_id)
        return author
