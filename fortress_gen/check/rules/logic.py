"""FTR201-FTR203: business logic in endpoints, by a conservative heuristic.

An endpoint parses the request, calls one service method and wraps the result. What counts
as business logic here is narrow on purpose, so a finding is worth reading:

- FTR201: a loop or comprehension over data a service returned;
- FTR202: a second service call in one path operation;
- FTR203: an ``if``/``match``/conditional expression or ``while`` whose condition reads data a
  service returned.

"Data a service returned" is the value of a call on a service parameter (one whose type or
default mentions `Service`, like ``service: OrderServiceDep``) and every name assigned from
an expression that uses it. Loops and branches over the request's own parameters are
parsing, and allowed.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from fortress_gen.check.context import Context
from fortress_gen.check.registry import Finding
from fortress_gen.check.rules._base import Function, finding, root_name, route_handlers
from fortress_gen.check.rules._base import service_params as find_service_params
from fortress_gen.check.source import SourceFile, walk

__all__ = ["CODES", "check"]

CODES = ("FTR201", "FTR202", "FTR203")

_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


def check(source: SourceFile, ctx: Context) -> Iterator[Finding]:
    """Report business logic in the path operations of one file."""
    del ctx
    for handler in route_handlers(source):
        yield from _check_handler(source, handler)


def _check_handler(source: SourceFile, handler: Function) -> Iterator[Finding]:
    services = find_service_params(handler)
    if not services:
        return
    every = walk(handler)
    calls = sorted(
        (
            node
            for node in every
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and root_name(node.func) in services
        ),
        key=lambda n: (n.lineno, n.col_offset),
    )
    for call in calls[1:]:
        yield finding(source, call, "FTR202", f"`{ast.unparse(call.func)}()` in `{handler.name}`")
    data = _data_names(every, services)

    def uses_data(node: ast.AST) -> bool:
        return any(
            (isinstance(sub, ast.Name) and sub.id in data)
            or (isinstance(sub, ast.Call) and sub in calls)
            for sub in walk(node)
        )

    for node in every:
        if isinstance(node, (ast.For, ast.AsyncFor)) and uses_data(node.iter):
            yield finding(source, node, "FTR201", f"`for` in `{handler.name}`")
        elif isinstance(node, _COMPREHENSIONS) and any(uses_data(g.iter) for g in node.generators):
            yield finding(source, node, "FTR201", f"a comprehension in `{handler.name}`")
        elif isinstance(node, (ast.If, ast.IfExp, ast.While)) and uses_data(node.test):
            kind = {ast.If: "if", ast.IfExp: "conditional expression", ast.While: "while"}
            yield finding(source, node, "FTR203", f"`{kind[type(node)]}` in `{handler.name}`")
        elif isinstance(node, ast.Match) and uses_data(node.subject):
            yield finding(source, node, "FTR203", f"`match` in `{handler.name}`")


def _data_names(every: list[ast.AST], services: set[str]) -> set[str]:
    """Names bound (in source order) from expressions that use a service's results.

    Args:
        every: Every node of the path operation (`walk(handler)`).
        services: Its parameters that hold a service.
    """
    data: set[str] = set()

    def uses(node: ast.AST | None) -> bool:
        if node is None:
            return False
        for sub in walk(node):
            if isinstance(sub, ast.Name) and sub.id in data:
                return True
            if (
                isinstance(sub, ast.Call)
                and isinstance(sub.func, ast.Attribute)
                and root_name(sub.func) in services
            ):
                return True
        return False

    def bind(target: ast.AST) -> None:
        for sub in walk(target):
            if isinstance(sub, ast.Name):
                data.add(sub.id)

    nodes = sorted(
        (n for n in every if hasattr(n, "lineno")),
        key=lambda n: (getattr(n, "lineno", 0), getattr(n, "col_offset", 0)),
    )
    for node in nodes:
        if isinstance(node, ast.Assign) and uses(node.value):
            for target in node.targets:
                bind(target)
        elif isinstance(node, (ast.AnnAssign, ast.AugAssign, ast.NamedExpr)):
            if uses(node.value):
                bind(node.target)
        elif isinstance(node, (ast.For, ast.AsyncFor)):
            if uses(node.iter):
                bind(node.target)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                if item.optional_vars is not None and uses(item.context_expr):
                    bind(item.optional_vars)
    return data
