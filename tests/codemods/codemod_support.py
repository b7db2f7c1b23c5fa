"""`assertCodemod(before, after)` for Fortress's patches, LibCST `CodemodTest` style."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import Any

from fortress_gen.patch import AlreadyPresent, Patched, PatchResult, Skipped

Patch = Callable[..., PatchResult]


def fixture(code: str) -> str:
    """Dedent a triple-quoted fixture and drop its first newline (LibCST's make_fixture_data)."""
    return textwrap.dedent(code).lstrip("\n")


def assert_codemod(patch: Patch, before: str, after: str, **kwargs: Any) -> None:
    """`patch` turns `before` into `after`, and `after` into nothing new (the twin)."""
    source, expected = fixture(before), fixture(after)
    result = patch(source, **kwargs)
    assert isinstance(result, Patched), result
    assert result.code == expected
    assert_unchanged(patch, expected, **kwargs)


def assert_unchanged(patch: Patch, code: str, **kwargs: Any) -> None:
    """The `after -> after` twin: a second run finds nothing to do."""
    assert patch(fixture(code), **kwargs) == AlreadyPresent()


def assert_skipped(patch: Patch, code: str, reason: str, **kwargs: Any) -> None:
    """`patch` leaves `code` alone, saying why (`reason` is a substring)."""
    result = patch(fixture(code), **kwargs)
    assert isinstance(result, Skipped), result
    assert reason in result.reason, result.reason
