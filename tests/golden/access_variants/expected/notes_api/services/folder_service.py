"""Business rules of Folder: checks beyond the schema, and the unit of work."""

from sqlalchemy.ext.asyncio import AsyncSession

from notes_api.core.cache import invalidate
from notes_api.core.errors import InvalidReferenceError, NotFoundError
from notes_api.models.folder import Folder
from notes_api.repositories.folder_repository import FolderRepository
from notes_api.schemas.envelope import CursorPage
from notes_api.schemas.folder_schema import (
    FolderCreate,
    FolderListParams,
    FolderResponse,
    FolderUpdate,
)


class FolderService:
    """Use cases of Folder; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession, *, owner_id: int) -> None:
        self._folders = FolderRepository(session, owner_id=owner_id)

    async def list_page(self, params: FolderListParams) -> CursorPage[FolderResponse]:
        """One page of folders."""
        rows, next_cursor = await self._folders.list_page(params)
        items = [FolderResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, folder_id: int) -> FolderResponse:
        """The Folder with this id; NotFoundError if there is none."""
        return FolderResponse.model_validate(await self._get(folder_id))

    async def create(self, payload: FolderCreate) -> FolderResponse:
        """Create a Folder and commit it."""
        values = payload.model_dump()
        await self._check_parent(values["parent_id"])
        folder = await self._folders.add(values)
        await self._folders.commit()
        return FolderResponse.model_validate(folder)

    async def update(self, folder_id: int, payload: FolderUpdate) -> FolderResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        folder = await self._get(folder_id)
        values = payload.model_dump(exclude_unset=True)
        await self._check_parent(values.get("parent_id"))
        folder = await self._folders.update(folder, values)
        await self._folders.commit()
        return FolderResponse.model_validate(folder)

    async def delete(self, folder_id: int) -> None:
        """Delete the Folder and commit; NotFoundError if there is none."""
        folder = await self._get(folder_id)
        await self._folders.delete(folder)
        await self._folders.commit()
        await invalidate("Note")

    async def _get(self, folder_id: int) -> Folder:
        folder = await self._folders.get(folder_id)
        if folder is None:
            raise NotFoundError.for_entity("Folder", folder_id)
        return folder

    async def _check_parent(self, parent_id: int | None) -> None:
        """Refuse a parent_id that names no Folder."""
        if parent_id is not None and not await self._folders.exists(parent_id):
            raise InvalidReferenceError(f"parent_id: Folder {parent_id} does not exist")
