"""Errors and exit codes: the one place that says what can go wrong and how it is reported."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

__all__ = [
    "DestructiveChangeError",
    "ExitCode",
    "FormatError",
    "FortressError",
    "Location",
    "PatchError",
    "ProjectError",
    "SpecError",
    "SpecErrors",
    "UnsupportedFeatureError",
    "WriteError",
]


class ExitCode(IntEnum):
    """Process exit codes (DESIGN.md §5)."""

    OK = 0
    FINDINGS = 1
    USAGE = 2


@dataclass(frozen=True, slots=True)
class Location:
    """A place in an input file; line and column are 1-based."""

    path: Path
    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        text = self.path.as_posix()
        if self.line is not None:
            text += f":{self.line}"
            if self.column is not None:
                text += f":{self.column}"
        return text


class FortressError(Exception):
    """Base of every error Fortress reports to a user (never a traceback).

    Attributes:
        message: What is wrong, in one sentence.
        location: Where, when the error comes from an input file.
        hint: What is allowed instead, or how to fix it.
        exit_code: The process exit code this error maps to.
    """

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(
        self, message: str, *, location: Location | None = None, hint: str | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.location = location
        self.hint = hint

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}" if self.location else self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class SpecError(FortressError):
    """An entity spec or `fortress.yaml` is invalid."""


class SpecErrors(FortressError):
    """Several spec errors at once, so a user sees all of them in one run."""

    def __init__(self, errors: list[SpecError]) -> None:
        ordered = sorted(errors, key=_error_sort_key)
        super().__init__("\n".join(str(e) for e in ordered))
        self.errors = ordered


def _error_sort_key(error: SpecError) -> tuple[str, int, int, str]:
    loc = error.location
    if loc is None:
        return ("", 0, 0, error.message)
    return (loc.path.as_posix(), loc.line or 0, loc.column or 0, error.message)


class UnsupportedFeatureError(SpecError):
    """A spec uses a part of the format this version does not generate yet."""


class DestructiveChangeError(FortressError):
    """The specs ask for a migration that loses data, and --allow-destructive was not given.

    Exit code 1, like a `--check` that finds drift: the specs are valid, the run found
    something the user has to decide. Nothing was written.
    """

    exit_code = ExitCode.FINDINGS


class ProjectError(FortressError):
    """The directory is not a Fortress project, or the project is inconsistent."""


class FormatError(FortressError):
    """The formatter failed on rendered code (a bug in a template, never the user's)."""


class PatchError(FortressError):
    """A user-owned file could not be patched (e.g. it does not parse)."""


class WriteError(FortressError):
    """Files could not be written; nothing was changed."""
