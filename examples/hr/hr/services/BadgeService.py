"""Business rules of Badge: checks beyond the schema, and the unit of work."""

from sqlalchemy.ext.asyncio import AsyncSession

from hr.core.errors import InvalidReferenceError, NotFoundError
from hr.models.Badge import Badge
from hr.repositories.BadgeRepository import BadgeRepository
from hr.repositories.EmployeeRepository import EmployeeRepository
from hr.schemas.BadgeSchema import BadgeCreate, BadgeListParams, BadgeResponse, BadgeUpdate
from hr.schemas.envelope import CursorPage


class BadgeService:
    """Use cases of Badge; raises domain errors, never HTTP ones."""

    def __init__(self, session: AsyncSession) -> None:
        self._badges = BadgeRepository(session)
        self._employees = EmployeeRepository(session)

    async def list_page(self, params: BadgeListParams) -> CursorPage[BadgeResponse]:
        """One page of badges."""
        rows, next_cursor = await self._badges.list_page(params)
        items = [BadgeResponse.model_validate(row) for row in rows]
        return CursorPage(items=items, next_cursor=next_cursor)

    async def get(self, badge_id: int) -> BadgeResponse:
        """The Badge with this id; NotFoundError if there is none."""
        return BadgeResponse.model_validate(await self._get(badge_id))

    async def create(self, payload: BadgeCreate) -> BadgeResponse:
        """Create a Badge and commit it."""
        values = payload.model_dump()
        await self._check_employee(values["employee_id"])
        await self._check_issued_by(values["issued_by_id"])
        badge = await self._badges.add(values)
        await self._badges.commit()
        return BadgeResponse.model_validate(badge)

    async def update(self, badge_id: int, payload: BadgeUpdate) -> BadgeResponse:
        """Change the fields sent in `payload` and commit; NotFoundError if there is none."""
        badge = await self._get(badge_id)
        values = payload.model_dump(exclude_unset=True)
        await self._check_employee(values.get("employee_id"))
        await self._check_issued_by(values.get("issued_by_id"))
        badge = await self._badges.update(badge, values)
        await self._badges.commit()
        return BadgeResponse.model_validate(badge)

    async def delete(self, badge_id: int) -> None:
        """Delete the Badge and commit; NotFoundError if there is none."""
        badge = await self._get(badge_id)
        await self._badges.delete(badge)
        await self._badges.commit()

    async def _get(self, badge_id: int) -> Badge:
        badge = await self._badges.get(badge_id)
        if badge is None:
            raise NotFoundError.for_entity("Badge", badge_id)
        return badge

    async def _check_employee(self, employee_id: int | None) -> None:
        """Refuse an employee_id that names no Employee."""
        if employee_id is not None and not await self._employees.exists(employee_id):
            raise InvalidReferenceError(f"employee_id: Employee {employee_id} does not exist")

    async def _check_issued_by(self, issued_by_id: int | None) -> None:
        """Refuse an issued_by_id that names no User."""
        if issued_by_id is not None and not await self._badges.user_exists(issued_by_id):
            raise InvalidReferenceError(f"issued_by_id: User {issued_by_id} does not exist")
