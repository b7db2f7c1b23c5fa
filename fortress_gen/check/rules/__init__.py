"""The rule families of `fortress check`, each a module with `CODES` and `check(source, ctx)`."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from fortress_gen.check.context import Context
from fortress_gen.check.registry import Finding
from fortress_gen.check.rules import (
    database,
    http_errors,
    layers,
    logic,
    naming,
    pydantic_v1,
    responses,
    sessions,
    typing_rules,
)
from fortress_gen.check.source import SourceFile

__all__ = ["FAMILIES", "Family"]

Family = tuple[tuple[str, ...], Callable[[SourceFile, Context], Iterator[Finding]]]

# The families that read a parsed Python file, in the order of their codes.
FAMILIES: tuple[Family, ...] = (
    (layers.CODES, layers.check),
    (sessions.CODES, sessions.check),
    (http_errors.CODES, http_errors.check),
    (logic.CODES, logic.check),
    (naming.CODES, naming.check),
    (typing_rules.CODES, typing_rules.check),
    (pydantic_v1.CODES, pydantic_v1.check),
    (database.CODES, database.check),
    (responses.CODES, responses.check),
)
