"""Domain errors: what services raise; the API layer turns each into its HTTP status."""

from typing import Self


class DomainError(Exception):
    """A failure the client can act on; `status_code` is the HTTP status it maps to."""

    status_code: int = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFoundError(DomainError):
    """The requested row does not exist (or is not visible to the caller)."""

    status_code = 404

    @classmethod
    def for_entity(cls, entity: str, key: object) -> Self:
        """Build the error for one missing row, e.g. "Order 5 not found"."""
        return cls(f"{entity} {key} not found")


class ConflictError(DomainError):
    """The request clashes with existing data, e.g. a duplicate unique value."""

    status_code = 409


class AuthenticationError(DomainError):
    """The caller did not prove who they are: no token, a bad one, or wrong credentials."""

    status_code = 401


class PermissionDeniedError(DomainError):
    """The caller is authenticated but may not do this."""

    status_code = 403


class InvalidReferenceError(DomainError):
    """A foreign key names a row that does not exist: a conflict with the stored data."""

    status_code = 409


class InvalidCursorError(DomainError):
    """A pagination cursor is malformed or was made for another list."""

    status_code = 422
