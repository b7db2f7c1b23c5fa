"""Business rules of Comment: checks beyond the schema, and the unit of work."""

from uuid import UUID

from sqlalchemy.ext.asyncio import AsyncSession

from blog.core.errors import InvalidReferenceError, NotFoundError
from blog.models.comment import Comment
from blog.repositories.comment_repository import CommentRepository
from blog.repositories.post_repository import PostRepository
from blog.schemas.comment_schema import (
    CommentCreate,
    CommentListParams,
    CommentResponse,
    CommentUpdate,
)
from blog.schemas.envelope import CursorPage


class CommentService:
    """Use cases of Comment; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession) -> None:
        self._comments = CommentRepository(session)
        self._posts = PostRepository(session)

    async def list_page(self, params: CommentListParams) -> CursorPage[CommentResponse]:
        """One page of comments."""
        rows, next_cursor = await self._comments.list_page(params)
        items = [CommentResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, comment_id: int) -> CommentResponse:
        """The Comment with this id; NotFoundError if there is none."""
        return CommentResponse.model_validate(await self._get(comment_id))

    async def create(self, payload: CommentCreate) -> CommentResponse:
        """Create a Comment and commit it."""
        values = payload.model_dump()
        await self._check_post(values["post_id"])
        await self._check_parent(values["parent_id"])
        comment = await self._comments.add(values)
        await self._comments.commit()
        return CommentResponse.model_validate(comment)

    async def update(self, comment_id: int, payload: CommentUpdate) -> CommentResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        comment = await self._get(comment_id)
        values = payload.model_dump(exclude_unset=True)
        await self._check_post(values.get("post_id"))
        await self._check_parent(values.get("parent_id"))
        comment = await self._comments.update(comment, values)
        await self._comments.commit()
        return CommentResponse.model_validate(comment)

    async def delete(self, comment_id: int) -> None:
        """Delete the Comment and commit; NotFoundError if there is none."""
        comment = await self._get(comment_id)
        await self._comments.delete(comment)
        await self._comments.commit()

    async def _get(self, comment_id: int) -> Comment:
        comment = await self._comments.get(comment_id)
        if comment is None:
            raise NotFoundError.for_entity("Comment", comment_id)
        return comment

    async def _check_post(self, post_id: UUID | None) -> None:
        """Refuse a post_id that names no Post."""
        if post_id is not None and not await self._posts.exists(post_id):
            raise InvalidReferenceError(f"post_id: Post {post_id} does not exist")

    async def _check_parent(self, parent_id: int | None) -> None:
        """Refuse a parent_id that names no Comment."""
        if parent_id is not None and not await self._comments.exists(parent_id):
            raise InvalidReferenceError(f"parent_id: Comment {parent_id} does not exist")
