"""The base of every request schema: strict about unknown fields and unstorable text."""

from pydantic import BaseModel, ConfigDict, field_validator


class InputSchema(BaseModel):
    """A request body or query: unknown fields and NUL characters are refused with a 422.

    PostgreSQL cannot store NUL in text, so without this check such a value would pass
    validation and fail in the database instead.
    """

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _reject_nul(cls, value: object) -> object:
        if isinstance(value, str) and "\x00" in value:
            raise ValueError("must not contain NUL characters")
        return value
