"""Settings refuse to run in production with the default secret key."""

import pytest
from pydantic import ValidationError

from hr.core.config import DEFAULT_SECRET_KEY, Settings


def test_production_refuses_the_default_secret_key() -> None:
    with pytest.raises(ValidationError, match="SECRET_KEY"):
        Settings(ENVIRONMENT="production", SECRET_KEY=DEFAULT_SECRET_KEY)


def test_production_accepts_a_secret_key() -> None:
    settings = Settings(ENVIRONMENT="production", SECRET_KEY="s3cr3t-from-the-vault")

    assert settings.SECRET_KEY == "s3cr3t-from-the-vault"
