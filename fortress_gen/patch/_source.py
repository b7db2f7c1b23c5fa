"""The cheap side of patching: result types, and what stdlib `ast` can tell about a file.

Everything here runs before libcst is imported, so a file that needs no change costs one
`ast.parse`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

__all__ = [
    "AlreadyPresent",
    "Binding",
    "Engine",
    "ImportPlacement",
    "PatchResult",
    "Patched",
    "Skipped",
    "bindings",
    "dotted",
    "import_placement",
    "literal_all",
    "parse",
    "references",
    "sorted_position",
]


@dataclass(frozen=True, slots=True)
class Patched:
    """The file was changed; `code` is its new text."""

    code: str


@dataclass(frozen=True, slots=True)
class AlreadyPresent:
    """Nothing to do: the file already is as the patch wants (for a removal: nothing left)."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """The file was left alone on purpose; `reason` says why, for the user."""

    reason: str


PatchResult = Patched | AlreadyPresent | Skipped

Engine = Literal["auto", "libcst", "splice"]
"""How a patch edits a file; every engine gives the same text where it gives one.

"auto" splices text at `ast` positions for the shapes the project template writes and falls
back to libcst for anything else; "libcst" always uses libcst; "splice" never does, and
answers `Skipped` when the text splice is not certain (for tests of the fast path).
"""


@lru_cache(maxsize=8)
def parse(source: str) -> ast.Module | Skipped:
    """Parse a user file, or explain where it does not parse.

    The result is cached (a plan applies one patch per entity to the same text) and shared:
    callers must not change the tree.

    Args:
        source: The file's text.

    Returns:
        The module, or `Skipped` naming the syntax error and its line and column.
    """
    try:
        return ast.parse(source)
    except SyntaxError as error:
        return Skipped(
            f"the file does not parse: {error.msg} (line {error.lineno}, column {error.offset})"
        )


def dotted(node: ast.expr) -> str | None:
    """``a.b.c`` for a chain of names and attributes, else None."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted(node.value)
        return None if base is None else f"{base}.{node.attr}"
    return None


@dataclass(frozen=True, slots=True)
class Binding:
    """A name one top-level import binds.

    Attributes:
        statement: Index of the import in the module's body.
        local: The expression that refers to the imported object (``orders``,
            ``orders_api``, or ``app.api.v1.endpoints.orders`` for a plain ``import``).
        target: The object's full dotted path (``app.api.v1.endpoints.orders``).
        module: The resolved module of a ``from`` import, None for a plain ``import``.
    """

    statement: int
    local: str
    target: str
    module: str | None


def _resolve(module: str | None, level: int, package: str) -> str | None:
    if level == 0:
        return module
    parts = package.split(".")
    if level - 1 >= len(parts):
        return None
    base = ".".join(parts[: len(parts) - (level - 1)])
    return f"{base}.{module}" if module else base


def bindings(tree: ast.Module, package: str) -> Iterator[Binding]:
    """The names the top-level imports of a module bind.

    Args:
        tree: The module.
        package: The package the file belongs to (resolves relative imports).

    Yields:
        One binding per imported name (star imports are ignored).
    """
    for index, statement in enumerate(tree.body):
        if isinstance(statement, ast.ImportFrom):
            module = _resolve(statement.module, statement.level, package)
            if module is None:
                continue
            for alias in statement.names:
                if alias.name != "*":
                    local = alias.asname or alias.name
                    yield Binding(index, local, f"{module}.{alias.name}", module)
        elif isinstance(statement, ast.Import):
            for alias in statement.names:
                yield Binding(index, alias.asname or alias.name, alias.name, None)


def references(tree: ast.Module, expression: str) -> list[ast.expr]:
    """Every use of a dotted expression (``orders`` or ``a.b.orders``) outside imports."""
    found: list[ast.expr] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Name | ast.Attribute) and dotted(node) == expression:
            found.append(node)
    return found


def literal_all(tree: ast.Module) -> tuple[int, list[str]] | None:
    """The top-level ``__all__ = [...]`` (or tuple) of string literals.

    Returns:
        Its statement index and names, or None when there is no such literal.
    """
    for index, statement in enumerate(tree.body):
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target, value = statement.targets[0], statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            target, value = statement.target, statement.value
        else:
            continue
        if not (isinstance(target, ast.Name) and target.id == "__all__"):
            continue
        if not isinstance(value, ast.List | ast.Tuple):
            return None
        names = [e.value for e in value.elts if isinstance(e, ast.Constant)]
        if len(names) != len(value.elts) or not all(isinstance(n, str) for n in names):
            return None
        return index, [str(n) for n in names]
    return None


@dataclass(frozen=True, slots=True)
class ImportPlacement:
    """Where a new ``from <module> import <name>`` goes.

    Attributes:
        merge_into: Index of a ``from`` import of the same module to add the name to.
        insert_at: Otherwise, the body index to insert a new statement before.
        blank_line: Whether the new statement opens its own section (a blank line before).
        take_blank: Whether it goes before an import of its section and so takes over that
            statement's leading blank lines.
    """

    merge_into: int | None
    insert_at: int
    blank_line: bool
    take_blank: bool = False


def import_placement(tree: ast.Module, package: str, module: str) -> ImportPlacement:
    """Decide where an import of `module` goes, the way isort would sort it.

    An existing ``from`` import of the module (absolute or relative) takes the name.
    Otherwise the statement joins the first-party imports of the leading import block
    in module order, or opens a new section after the block's last import.

    Args:
        tree: The module.
        package: The package the file belongs to.
        module: The absolute module to import from.

    Returns:
        The placement.
    """
    merge = None
    for binding in bindings(tree, package):
        if binding.module == module and isinstance(tree.body[binding.statement], ast.ImportFrom):
            merge = binding.statement
    if merge is not None:
        return ImportPlacement(merge, merge, blank_line=False)
    body = tree.body
    start = 1 if body and _is_docstring(body[0]) else 0
    end = start
    while end < len(body) and isinstance(body[end], ast.Import | ast.ImportFrom):
        end += 1
    root = module.split(".", 1)[0]
    first_party = [
        i
        for i in range(start, end)
        if isinstance(body[i], ast.ImportFrom)
        and _absolute_module(body[i]).split(".", 1)[0] == root
    ]
    for i in first_party:
        if _absolute_module(body[i]).lower() > module.lower():
            return ImportPlacement(None, i, blank_line=False, take_blank=True)
    if first_party:
        return ImportPlacement(None, first_party[-1] + 1, blank_line=False)
    return ImportPlacement(None, end, blank_line=end > start or start > 0)


def _absolute_module(statement: ast.stmt) -> str:
    if isinstance(statement, ast.ImportFrom) and statement.level == 0 and statement.module:
        return statement.module
    return ""


def _is_docstring(statement: ast.stmt) -> bool:
    return (
        isinstance(statement, ast.Expr)
        and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, str)
    )


def _sort_key(name: str) -> tuple[int, str]:
    """isort's order by type: CONSTANTS, then Classes, then the rest."""
    if name.isupper() and len(name) > 1:
        return (0, name)
    return (1 if name[:1].isupper() else 2, name)


def sorted_position(names: Sequence[str], name: str) -> int:
    """Where `name` goes: its sorted place if `names` is sorted, else the end."""
    for key in (lambda n: n, _sort_key):
        keys = [key(n) for n in names]
        if keys == sorted(keys):
            return sum(1 for k in keys if k <= key(name))
    return len(names)
