"""Settings, read from the environment and an optional `.env` file."""

from functools import lru_cache
from typing import Literal, Self

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# Signs tokens in development and tests only: any other ENVIRONMENT refuses to start with it.
DEFAULT_SECRET_KEY = "insecure-development-key-change-me-0123456789"
# The environments that are not deployed: they may run with DEFAULT_SECRET_KEY.
LOCAL_ENVIRONMENTS = frozenset({"development", "test"})


class Settings(BaseSettings):
    """Everything the service reads from its environment; each field is one variable."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    ENVIRONMENT: Literal["development", "test", "staging", "production"] = "development"
    PROJECT_NAME: str = "HR"
    API_PREFIX: str = "/api/v1"
    DATABASE_URL: str = "sqlite+aiosqlite:///./app.db"
    # Signs the access tokens (HS256): at least 32 characters, secret, the same in every process.
    SECRET_KEY: str = Field(default=DEFAULT_SECRET_KEY, min_length=32)
    ACCESS_TOKEN_EXPIRE_MINUTES: int = Field(default=30, ge=1)
    REDIS_URL: str | None = None
    # Without REDIS_URL, Celery tasks always run eagerly (in the process that enqueues them).
    CELERY_TASK_ALWAYS_EAGER: bool = False
    CELERY_TASK_TIME_LIMIT: int = 300
    LOG_LEVEL: Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"] = "INFO"

    @model_validator(mode="after")
    def _require_secret_key_outside_development(self) -> Self:
        if self.ENVIRONMENT not in LOCAL_ENVIRONMENTS and self.SECRET_KEY == DEFAULT_SECRET_KEY:
            raise ValueError(
                f"SECRET_KEY must be set to a secret value in {self.ENVIRONMENT}: "
                "the default key is public"
            )
        return self


@lru_cache
def get_settings() -> Settings:
    """Return the settings, read once per process."""
    return Settings()
