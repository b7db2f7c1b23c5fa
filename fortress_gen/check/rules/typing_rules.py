"""FTR401, FTR405: annotations as DESIGN.md §1 wants them, `X | None` and full type hints."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from fortress_gen.check.context import Context
from fortress_gen.check.registry import Finding
from fortress_gen.check.rules._base import (
    all_args,
    annotation_nodes,
    finding,
    functions,
    unquoted,
)
from fortress_gen.check.source import SourceFile, walk

__all__ = ["CODES", "check"]

CODES = ("FTR401", "FTR405")

_OPTIONAL = frozenset({"typing.Optional", "typing_extensions.Optional"})
_UNION = frozenset({"typing.Union", "typing_extensions.Union"})
_DECORATED_STATIC = frozenset({"staticmethod"})


def check(source: SourceFile, ctx: Context) -> Iterator[Finding]:
    """Report `Optional[X]` (and `Union[X, None]`) and functions missing type hints."""
    del ctx
    if source.tree is None:
        return
    yield from _optionals(source)
    yield from _hints(source)


def _optionals(source: SourceFile) -> Iterator[Finding]:
    assert source.tree is not None
    if not source.may_refer_to(_OPTIONAL | _UNION):
        return  # nothing imported from typing could name Optional or Union
    seen: set[tuple[int, int]] = set()
    pending = list(annotation_nodes(source))
    while pending:
        for node in walk(pending.pop()):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                inner = unquoted(node)
                if inner is not node:  # a string inside an annotation: `list["Optional[int]"]`
                    pending.append(inner)
            if not isinstance(node, ast.Subscript):
                continue
            qualified = source.qualified(node.value)
            position = (node.lineno, node.col_offset)
            optional = qualified in _OPTIONAL or (qualified in _UNION and _has_none(node.slice))
            if optional and position not in seen:
                seen.add(position)
                yield finding(source, node, "FTR401", f"`{ast.unparse(node)}`")


def _has_none(node: ast.expr) -> bool:
    items = node.elts if isinstance(node, ast.Tuple) else [node]
    return any(isinstance(i, ast.Constant) and i.value is None for i in items)


def _hints(source: SourceFile) -> Iterator[Finding]:
    assert source.tree is not None
    methods = {
        id(item)
        for node in source.nodes(ast.ClassDef)
        for item in node.body
        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
    }
    for function in functions(source):
        args = all_args(function)
        static = any(
            isinstance(d, ast.Name) and d.id in _DECORATED_STATIC for d in function.decorator_list
        )
        positional = [*function.args.posonlyargs, *function.args.args]
        skip = (
            positional[0]
            if id(function) in methods
            and not static
            and positional
            and positional[0].arg in ("self", "cls", "mcs", "metacls")
            else None
        )
        missing = [a.arg for a in args if a is not skip and a.annotation is None]
        parts = []
        if missing:
            parts.append("parameter" + ("s " if len(missing) > 1 else " ") + ", ".join(missing))
        if function.returns is None:
            parts.append("the return type")
        if parts:
            yield finding(
                source, function, "FTR405", f"`{function.name}` lacks " + " and ".join(parts)
            )
