"""libcst building blocks for patches: edit top-level statements in place (comma lists: _commas).

Imported only when a file really changes and the text splice of `_splice` is not certain
of the result (libcst costs ~0.2-0.3 s to import). Edits address top-level statements by
their `ast` index (`StatementMap`), so the cheap `ast` analysis decides what to do and these
helpers only do it, keeping every other line, comment and blank line as the user wrote it.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Sequence, Set
from dataclasses import dataclass

import libcst as cst

from fortress_gen.patch._commas import (
    add_to_all,
    add_to_import,
    remove_from_all,
    remove_names_from_import,
)
from fortress_gen.patch._source import Skipped, import_placement

__all__ = [
    "Edit",
    "StatementMap",
    "add_to_all",
    "add_to_import",
    "apply_edits",
    "import_edit",
    "insert_before",
    "modify_small",
    "new_statement",
    "parse",
    "remove_from_all",
    "remove_import_names",
    "remove_names_from_import",
    "remove_small",
]


@dataclass(frozen=True, slots=True)
class StatementMap:
    """Maps the index of an `ast` top-level statement to (body index, small-statement index)."""

    places: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, module: cst.Module) -> StatementMap:
        """Build the map of `module`."""
        places: list[tuple[int, int]] = []
        for index, statement in enumerate(module.body):
            if isinstance(statement, cst.SimpleStatementLine):
                places.extend((index, small) for small in range(len(statement.body)))
            else:
                places.append((index, 0))
        return cls(tuple(places))

    def line(self, ast_index: int, body_length: int) -> int:
        """The body index of a statement; `body_length` for one past the end."""
        return self.places[ast_index][0] if ast_index < len(self.places) else body_length


_Statement = cst.SimpleStatementLine | cst.BaseCompoundStatement
Change = Callable[[list[_Statement]], None]


@dataclass(frozen=True, slots=True)
class Edit:
    """One change at a body index (and small-statement index; -1 for an insert before it)."""

    index: int
    small: int
    change: Change


def parse(source: str) -> cst.Module | Skipped:
    """The file as a libcst module, or the reason it cannot be patched."""
    try:
        return cst.parse_module(source)
    except cst.ParserSyntaxError as error:
        return Skipped(f"libcst cannot parse the file: {error.message} (line {error.raw_line})")


def apply_edits(module: cst.Module, edits: Sequence[Edit]) -> cst.Module:
    """Apply edits from the last position to the first, so none shifts another's target.

    At one body index, changes to its small statements run before inserts before it, and
    inserts run in the given order (so an insert given later ends up first).
    """
    body = list(module.body)
    for edit in sorted(edits, key=lambda e: (e.index, e.small), reverse=True):
        edit.change(body)
    return module.with_changes(body=body)


def new_statement(code: str, *, blank_line: bool = False) -> cst.SimpleStatementLine:
    """Parse one simple statement, optionally with a blank line before it."""
    statement = cst.parse_statement(code)
    assert isinstance(statement, cst.SimpleStatementLine)
    if blank_line:
        statement = statement.with_changes(leading_lines=[cst.EmptyLine()])
    return statement


def insert_before(index: int, statement: cst.SimpleStatementLine, *, take_blank: bool) -> Edit:
    """Insert `statement` before body[index]; with `take_blank`, it takes that statement's
    leading blank lines (those above its comments), so a section keeps its separation."""

    def change(body: list[_Statement]) -> None:
        new = statement
        if take_blank and index < len(body):
            following = body[index]
            lines = list(following.leading_lines)
            blank = 0
            while blank < len(lines) and lines[blank].comment is None:
                blank += 1
            new = new.with_changes(leading_lines=lines[:blank])
            body[index] = following.with_changes(leading_lines=lines[blank:])
        body.insert(index, new)

    return Edit(index, -1, change)


def remove_small(index: int, small: int) -> Edit:
    """Remove one small statement; an emptied line goes, handing its comments on."""

    def change(body: list[_Statement]) -> None:
        line = body[index]
        assert isinstance(line, cst.SimpleStatementLine)
        rest = [s for i, s in enumerate(line.body) if i != small]
        if rest:
            rest[-1] = rest[-1].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
            body[index] = line.with_changes(body=rest)
            return
        del body[index]
        if index < len(body):
            body[index] = _hand_on(line.leading_lines, body[index])

    return Edit(index, small, change)


def _hand_on(lines: Sequence[cst.EmptyLine], following: _Statement) -> _Statement:
    """Give a removed statement's leading comments to the statement after it."""
    if any(line.comment is not None for line in lines):
        return following.with_changes(leading_lines=[*lines, *following.leading_lines])
    if following.leading_lines or not lines:
        return following
    return following.with_changes(leading_lines=list(lines))


def modify_small(
    index: int,
    small: int,
    change_small: Callable[[cst.BaseSmallStatement], cst.BaseSmallStatement | None],
) -> Edit:
    """Replace one small statement by `change_small(old)`; None removes it."""

    def change(body: list[_Statement]) -> None:
        line = body[index]
        assert isinstance(line, cst.SimpleStatementLine)
        replacement = change_small(line.body[small])
        if replacement is None:
            remove_small(index, small).change(body)
            return
        statements = list(line.body)
        statements[small] = replacement
        body[index] = line.with_changes(body=statements)

    return Edit(index, small, change)


def import_edit(
    tree: ast.Module, places: StatementMap, body_length: int, package: str, module: str, name: str
) -> Edit:
    """Add ``from <module> import <name>`` where isort would put it (see `import_placement`).

    Args:
        tree: The `ast` of the file.
        places: The statement map of its libcst module.
        body_length: The number of statements in the libcst module's body.
        package: The package the file belongs to.
        module: The module to import from.
        name: The name to import.
    """
    placement = import_placement(tree, package, module)
    if placement.merge_into is not None:
        line, small = places.places[placement.merge_into]
        return modify_small(line, small, lambda statement: add_to_import(statement, name))
    statement = new_statement(f"from {module} import {name}", blank_line=placement.blank_line)
    index = places.line(placement.insert_at, body_length)
    return insert_before(index, statement, take_blank=placement.take_blank)


def remove_import_names(index: int, small: int, locals_: Set[str]) -> Edit:
    """An edit removing the aliases that bind `locals_` from the import at (index, small)."""
    gone = set(locals_)
    return modify_small(index, small, lambda statement: remove_names_from_import(statement, gone))
