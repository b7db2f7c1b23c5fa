"""Schemathesis against the application's own OpenAPI: every operation, signed in as a User.

Every check is on, over a bounded, derandomized set of examples per operation, so a run is
quick and finds the same things every time. The application runs in-process, in
Schemathesis's own event loop (the engine and cache are per loop, see core/database.py).
The settings of `schemathesis.toml` apply, but its `[auth]`: the token is a test User's.

Here the examples and fuzzing phases run (about 20 s for a few entities). The coverage
phase, hundreds of boundary and wrong-method requests per operation, is left to `st run`
against the served application (see schemathesis.toml), where it takes minutes.
"""

import tomllib
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import Case
from schemathesis.config import SchemathesisConfig

from app.core.security import create_access_token
from app.main import create_app
from app.models import User

CONFIG = Path(__file__).resolve().parent.parent / "schemathesis.toml"
MAX_EXAMPLES = 8


def load_config() -> SchemathesisConfig:
    """`schemathesis.toml` without `[auth]` (it signs in to a served app), coverage phase off."""
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    config.pop("auth", None)
    config.setdefault("phases", {}).setdefault("coverage", {})["enabled"] = False
    return SchemathesisConfig.from_dict(config)


schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(), config=load_config())


@pytest.fixture
def bearer(user: User) -> dict[str, str]:
    """The Authorization header of `user`, a regular User."""
    return {"Authorization": f"Bearer {create_access_token(user.id)}"}


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_conforms_to_its_schema(case: Case[Any], bearer: dict[str, str]) -> None:
    case.call_and_validate(headers=bearer)
