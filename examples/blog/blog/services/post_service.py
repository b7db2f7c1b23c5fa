"""Business rules of Post: checks beyond the schema, and the unit of work."""

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from blog.core.errors import InvalidReferenceError, NotFoundError
from blog.models.post import Post
from blog.repositories.author_repository import AuthorRepository
from blog.repositories.post_repository import PostRepository
from blog.schemas.envelope import CursorPage
from blog.schemas.post_schema import PostCreate, PostListParams, PostResponse, PostUpdate


class PostService:
    """Use cases of Post; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession) -> None:
        self._posts = PostRepository(session)
        self._authors = AuthorRepository(session)

    async def list_page(self, params: PostListParams) -> CursorPage[PostResponse]:
        """One page of posts."""
        rows, next_cursor = await self._posts.list_page(params)
        items = [PostResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, post_id: UUID) -> PostResponse:
        """The Post with this id; NotFoundError if there is none."""
        return PostResponse.model_validate(await self._get(post_id))

    async def create(self, payload: PostCreate) -> PostResponse:
        """Create a Post and commit it."""
        values = payload.model_dump()
        await self._check_author(values["author_id"])
        post = await self._posts.add(values)
        await self._posts.commit()
        return PostResponse.model_validate(post)

    async def update(self, post_id: UUID, payload: PostUpdate) -> PostResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        post = await self._get(post_id)
        values = payload.model_dump(exclude_unset=True)
        await self._check_author(values.get("author_id"))
        post = await self._posts.update(post, values)
        await self._posts.commit()
        return PostResponse.model_validate(post)

    async def delete(self, post_id: UUID) -> None:
        """Delete the Post and commit; NotFoundError if there is none."""
        post = await self._get(post_id)
        await self._posts.delete(post)
        await self._posts.commit()

    async def _get(self, post_id: UUID) -> Post:
        post = await self._posts.get(post_id)
        if post is None:
            raise NotFoundError.for_entity("Post", post_id)
        return post

    async def _check_author(self, author_id: int | None) -> None:
        """Refuse an author_id that names no Author."""
        if author_id is not None and not await self._authors.exists(author_id):
            raise InvalidReferenceError(f"author_id: Author {author_id} does not exist")
