"""Business rules of Skill: checks beyond the schema, and the unit of work."""

from sqlalchemy.ext.asyncio import AsyncSession

from hr.core.errors import NotFoundError
from hr.models.Skill import Skill
from hr.repositories.SkillRepository import SkillRepository
from hr.schemas.envelope import CursorPage
from hr.schemas.SkillSchema import SkillCreate, SkillListParams, SkillResponse, SkillUpdate


class SkillService:
    """Use cases of Skill; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession) -> None:
        self._skills = SkillRepository(session)

    async def list_page(self, params: SkillListParams) -> CursorPage[SkillResponse]:
        """One page of skills."""
        rows, next_cursor = await self._skills.list_page(params)
        items = [SkillResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, skill_id: int) -> SkillResponse:
        """The Skill with this id; NotFoundError if there is none."""
        return SkillResponse.model_validate(await self._get(skill_id))

    async def create(self, payload: SkillCreate) -> SkillResponse:
        """Create a Skill and commit it."""
        values = payload.model_dump()
        skill = await self._skills.add(values)
        await self._skills.commit()
        return SkillResponse.model_validate(skill)

    async def update(self, skill_id: int, payload: SkillUpdate) -> SkillResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        skill = await self._get(skill_id)
        values = payload.model_dump(exclude_unset=True)
        skill = await self._skills.update(skill, values)
        await self._skills.commit()
        return SkillResponse.model_validate(skill)

    async def delete(self, skill_id: int) -> None:
        """Delete the Skill and commit; NotFoundError if there is none."""
        skill = await self._get(skill_id)
        await self._skills.delete(skill)
        await self._skills.commit()

    async def _get(self, skill_id: int) -> Skill:
        skill = await self._skills.get(skill_id)
        if skill is None:
            raise NotFoundError.for_entity("Skill", skill_id)
        return skill
