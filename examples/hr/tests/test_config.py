"""Settings refuse to run outside development and tests with the default secret key."""

from typing import Literal

import pytest
from pydantic import ValidationError

from hr.core.config import DEFAULT_SECRET_KEY, Settings

Environment = Literal["development", "test", "staging", "production"]

SECRET = "s3cr3t-from-the-vault-0123456789abcdef"


@pytest.mark.parametrize("environment", ["staging", "production"])
def test_deployments_refuse_the_default_secret_key(environment: Environment) -> None:
    with pytest.raises(ValidationError, match="SECRET_KEY must be set"):
        Settings(ENVIRONMENT=environment, SECRET_KEY=DEFAULT_SECRET_KEY)


@pytest.mark.parametrize("environment", ["development", "test"])
def test_development_and_tests_may_use_the_default_secret_key(environment: Environment) -> None:
    settings = Settings(ENVIRONMENT=environment, SECRET_KEY=DEFAULT_SECRET_KEY)

    assert settings.SECRET_KEY == DEFAULT_SECRET_KEY


def test_production_accepts_a_secret_key() -> None:
    settings = Settings(ENVIRONMENT="production", SECRET_KEY=SECRET)

    assert settings.SECRET_KEY == SECRET


def test_a_short_secret_key_is_refused() -> None:
    with pytest.raises(ValidationError, match="SECRET_KEY"):
        Settings(ENVIRONMENT="production", SECRET_KEY="short")
