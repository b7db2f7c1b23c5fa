"""AccessView: what an entity's `access:` adds to its endpoints, service and repository.

Per operation the policy decides the route's guard and the errors it documents: `public`
takes no token, `authenticated` needs one (401 without), `admin` needs an admin's (403 for
anyone else). `owner` guards every operation like `authenticated` and, more to the point,
builds the service and the repository for the caller: the repository adds
`owner_id == <caller>` to every query and sets it on every insert, so another user's row is
a 404 by construction rather than a check in each endpoint.
"""

from __future__ import annotations

from dataclasses import dataclass

from fortress_gen.config import ProjectConfig
from fortress_gen.spec.model import OPERATIONS, Access, EntitySpec, Operation

__all__ = [
    "OWNER_COLUMN",
    "OWNER_MODEL_COLUMN",
    "AccessView",
    "OperationAccess",
    "build_access_view",
    "can_call",
    "repository_args",
]

OWNER_COLUMN = "owner_id"

_ERRORS: dict[Operation, tuple[int, ...]] = {
    "list": (422,),
    "create": (409, 422),
    "get": (404, 422),
    "update": (404, 409, 422),
    "delete": (404, 409, 422),
}
_AUTH_ERRORS: dict[Access, tuple[int, ...]] = {
    "public": (),
    "authenticated": (401,),
    "owner": (401,),
    "admin": (401, 403),
}
OWNER_MODEL_COLUMN = (
    f'{OWNER_COLUMN}: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), '
    "index=True)"
)
"""The model's owner column: the user a row belongs to, deleted with them."""
_GUARDS: dict[Access, str] = {
    "authenticated": "get_current_user",
    "admin": "get_current_admin",
}


@dataclass(frozen=True, slots=True)
class OperationAccess:
    """One route's policy: its guard (decorator arguments) and the errors it documents."""

    policy: str
    route_args: str  # `responses=...` and, for a guarded route, `dependencies=[...]`


@dataclass(frozen=True, slots=True)
class AccessView:
    """The access parts of an entity's endpoints, service and repository."""

    owned: bool
    service_dep_params: str  # of get_<entity>_service
    service_args: str  # what get_<entity>_service passes to the service
    owner_param: str  # `, *, owner_id: int` on the service and repository, or ""
    owner_value: str  # the extra keyword of a new row in the repository, or ""
    scope_filter: str  # the `.where(...)` every repository query gets, or ""
    endpoint_imports: list[str]
    list: OperationAccess
    create: OperationAccess
    get: OperationAccess
    update: OperationAccess
    delete: OperationAccess


def can_call(entity: EntitySpec, operation: Operation) -> str:
    """The test client fixture that may call `operation`: `admin_client` or `client`."""
    return "admin_client" if entity.policy(operation) == "admin" else "client"


def repository_args(target: EntitySpec) -> str:
    """The arguments a service builds `target`'s repository with (scoped when it is owned)."""
    return f"session, owner_id={OWNER_COLUMN}" if target.owned else "session"


def _route_args(entity: EntitySpec, operation: Operation) -> OperationAccess:
    policy = entity.policy(operation)
    codes = sorted({*_ERRORS[operation], *_AUTH_ERRORS[policy]})
    args = f"responses=error_responses({', '.join(map(str, codes))})"
    guard = _GUARDS.get(policy)
    if guard is not None and not entity.owned:
        args = f"dependencies=[Depends({guard})], {args}"
    return OperationAccess(policy=policy, route_args=args)


def build_access_view(entity: EntitySpec, config: ProjectConfig) -> AccessView:
    """Compute what `entity`'s access policies add to its generated code.

    Args:
        entity: The entity to render.
        config: The project settings.

    Returns:
        The view the endpoint, service and repository templates read as `e.access`.
    """
    package = config.package
    imports: set[str] = set()
    guards = {
        _GUARDS[entity.policy(op)]
        for op in entity.operations
        if entity.policy(op) in _GUARDS and not entity.owned
    }
    if guards:
        imports.add(f"from {package}.api.deps import {', '.join(sorted(guards))}")
    if entity.owned:
        imports.add(f"from {package}.api.deps import CurrentUser")
    ops = {op: _route_args(entity, op) for op in OPERATIONS}
    name = entity.entity
    return AccessView(
        owned=entity.owned,
        service_dep_params="session: SessionDep, user: CurrentUser"
        if entity.owned
        else "session: SessionDep",
        service_args=f"session, {OWNER_COLUMN}=user.id" if entity.owned else "session",
        owner_param=f", *, {OWNER_COLUMN}: int" if entity.owned else "",
        owner_value=f", {OWNER_COLUMN}=self._{OWNER_COLUMN}" if entity.owned else "",
        scope_filter=f".where({name}.{OWNER_COLUMN} == self._{OWNER_COLUMN})"
        if entity.owned
        else "",
        endpoint_imports=sorted(imports),
        list=ops["list"],
        create=ops["create"],
        get=ops["get"],
        update=ops["update"],
        delete=ops["delete"],
    )
