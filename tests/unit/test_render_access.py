"""What `access:` renders: route guards, owner-scoped repositories and services, the snapshot."""

from __future__ import annotations

import ast
import re

import pytest

from fortress_gen.config import ProjectConfig
from fortress_gen.migrate.snapshot import build_snapshot
from fortress_gen.render.render import render_entity
from fortress_gen.spec.model import EntitySpec

CONFIG = ProjectConfig()


def _spec(**data: object) -> EntitySpec:
    return EntitySpec.model_validate(data)


METRIC = _spec(
    entity="Metric",
    access={"default": "admin", "read": "public"},
    fields={"name": {"type": "str", "unique": True}},
)
GOAL = _spec(
    entity="Goal",
    access="owner",
    fields={"target": "int"},
    relations={"metric": {"target": "Metric"}},
)
MEASUREMENT = _spec(
    entity="Measurement",
    access="owner",
    fields={"value": "int"},
    relations={"metric": {"target": "Metric"}, "goal": {"target": "Goal", "required": False}},
    cache={"ttl": 60},
)
ENTITIES = [METRIC, GOAL, MEASUREMENT]


def _files(entity: EntitySpec) -> dict[str, str]:
    return render_entity(entity, ENTITIES, CONFIG)


def _routes(source: str) -> dict[str, str]:
    """Each endpoint function's name -> its decorator's source."""
    tree = ast.parse(source)
    return {
        node.name: ast.unparse(node.decorator_list[0])
        for node in tree.body
        if isinstance(node, ast.AsyncFunctionDef) and node.decorator_list
    }


@pytest.mark.parametrize(
    ("route", "guard", "codes"),
    [
        ("list_metrics", None, "422"),
        ("get_metric", None, "404, 422"),
        ("create_metric", "get_current_admin", "401, 403, 409, 422"),
        ("update_metric", "get_current_admin", "401, 403, 404, 409, 422"),
        ("delete_metric", "get_current_admin", "401, 403, 404, 409, 422"),
    ],
)
def test_routes_take_the_guard_of_their_policy(route: str, guard: str | None, codes: str) -> None:
    decorator = _routes(_files(METRIC)["app/api/v1/endpoints/metrics.py"])[route]
    assert f"error_responses({codes})" in decorator
    if guard is None:
        assert "dependencies" not in decorator
    else:
        assert f"dependencies=[Depends({guard})]" in decorator


def test_an_owned_entity_is_served_for_the_caller() -> None:
    files = _files(MEASUREMENT)
    endpoints = files["app/api/v1/endpoints/measurements.py"]
    assert "def get_measurement_service(session: SessionDep, user: CurrentUser)" in endpoints
    assert "MeasurementService(session, owner_id=user.id)" in endpoints
    assert "dependencies=" not in endpoints  # the service's dependency needs the user already
    service = files["app/services/MeasurementService.py"]
    assert "MeasurementRepository(session, owner_id=owner_id)" in service
    assert "GoalRepository(session, owner_id=owner_id)" in service  # a scoped reference check
    assert "MetricRepository(session)" in service
    assert service.count("scope=str(self._owner_id)") == 2  # get and list, cached per caller


def test_every_query_of_an_owned_repository_is_scoped() -> None:
    repository = _files(GOAL)["app/repositories/GoalRepository.py"]
    selects = re.findall(r"sa\.select\(Goal(?:\.id)?\)[^\n]*", repository)
    assert len(selects) == 3  # get, exists, list_page
    assert repository.count(".where(Goal.owner_id == self._owner_id)") == 3
    assert "Goal(**values, owner_id=self._owner_id)" in repository


def test_the_owner_column_is_in_model_schema_and_snapshot() -> None:
    files = _files(GOAL)
    assert (
        'owner_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), '
        "index=True)" in files["app/models/Goal.py"]
    )
    schema = files["app/schemas/GoalSchema.py"]
    response = schema[schema.index("class GoalResponse") :]
    create = schema[schema.index("class GoalCreate") : schema.index("class GoalUpdate")]
    assert "owner_id: int" in response
    assert "owner_id" not in create
    table = build_snapshot(ENTITIES).table("goals")
    assert table.column("owner_id").nullable is False
    (fk,) = [fk for fk in table.foreign_keys if fk.columns == ("owner_id",)]
    assert (fk.referred_table, fk.ondelete) == ("users", "CASCADE")
    assert [ix.name for ix in table.indexes if ix.columns == ("owner_id",)] == ["ix_goals_owner_id"]


def test_an_entity_with_admin_operations_is_tested_as_an_admin() -> None:
    files = _files(METRIC)
    assert (
        "def client(admin_client: AsyncClient) -> AsyncClient:"
        in files["tests/api/test_metrics.py"]
    )
    access = files["tests/api/test_metrics_access.py"]
    assert "test_metrics_refuse_a_regular_user_where_admins_only_may" in access
    assert "test_metrics_are_open_to_anyone_where_public" in access


def test_owned_entities_get_isolation_tests() -> None:
    access = _files(MEASUREMENT)["tests/api/test_measurements_access.py"]
    for name in (
        "test_measurements_need_a_token",
        "test_another_users_measurement_is_not_found",
        "test_each_user_lists_only_their_own_measurements",
        "test_measurement_owner_is_not_taken_from_the_client",
        "test_measurement_cannot_name_another_users_goal_id",
        "test_measurements_responses_hold_no_password_or_secret",
    ):
        assert f"async def {name}(" in access
    assert "test_measurement_cannot_name_another_users_metric_id" not in access
