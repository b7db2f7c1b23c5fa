"""Helpers the rule modules share: making findings, finding route handlers and their services."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from fortress_gen.check.registry import RULES, Finding
from fortress_gen.check.source import SourceFile, walk

__all__ = [
    "ROUTE_METHODS",
    "Function",
    "all_args",
    "annotation_nodes",
    "defaults",
    "file_finding",
    "finding",
    "functions",
    "is_route",
    "root_name",
    "route_decorator",
    "route_handlers",
    "service_params",
    "unquoted",
]

# HTTP path operations; a websocket handler has no response to wrap and is left alone.
ROUTE_METHODS = frozenset(
    {"get", "post", "put", "patch", "delete", "head", "options", "trace", "api_route"}
)

Function = ast.FunctionDef | ast.AsyncFunctionDef


def finding(source: SourceFile, node: ast.AST, code: str, detail: str | None = None) -> Finding:
    """A finding of rule `code` at `node`; `detail` names the culprit after the message."""
    line, column = source.position(node)
    message = RULES[code].message + (f": {detail}" if detail else "")
    return Finding(source.path, line, column, code, message)


def file_finding(source: SourceFile, code: str, detail: str | None = None) -> Finding:
    """A finding about the whole file, reported at its first line."""
    message = RULES[code].message + (f": {detail}" if detail else "")
    return Finding(source.path, 1, 1, code, message)


def functions(source: SourceFile) -> list[Function]:
    """Every function definition of a file, nested ones included, in source order."""
    found: list[Function] = source.nodes(ast.FunctionDef, ast.AsyncFunctionDef)
    return sorted(found, key=lambda f: (f.lineno, f.col_offset))


def is_route(function: Function) -> bool:
    """Whether a function is a path operation: ``@router.get(...)``, ``@app.post(...)``, ..."""
    for decorator in function.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if isinstance(target, ast.Attribute) and target.attr in ROUTE_METHODS:
            return True
    return False


def route_handlers(source: SourceFile) -> list[Function]:
    """The path operations of a file of the project's package."""
    if source.tree is None or not source.in_package:
        return []
    return [f for f in functions(source) if is_route(f)]


def route_decorator(function: Function) -> ast.Call | None:
    """The ``@router.<method>(...)`` call of a path operation."""
    for decorator in function.decorator_list:
        if (
            isinstance(decorator, ast.Call)
            and isinstance(decorator.func, ast.Attribute)
            and decorator.func.attr in ROUTE_METHODS
        ):
            return decorator
    return None


def all_args(function: Function) -> list[ast.arg]:
    """Every parameter of a function, in order (positional-only to ``**kwargs``)."""
    args = function.args
    found = [*args.posonlyargs, *args.args]
    if args.vararg:
        found.append(args.vararg)
    found.extend(args.kwonlyargs)
    if args.kwarg:
        found.append(args.kwarg)
    return found


def defaults(function: Function) -> dict[str, ast.expr]:
    """Parameter name -> its default expression."""
    args = function.args
    positional = [*args.posonlyargs, *args.args]
    found = {
        arg.arg: default
        for arg, default in zip(
            positional[len(positional) - len(args.defaults) :], args.defaults, strict=True
        )
    }
    for arg, kw_default in zip(args.kwonlyargs, args.kw_defaults, strict=True):
        if kw_default is not None:
            found[arg.arg] = kw_default
    return found


def service_params(function: Function) -> set[str]:
    """The parameters that hold a service: their type or default mentions `Service`.

    ``service: OrderServiceDep``, ``svc: Annotated[OrderService, Depends(...)]`` and
    ``service = Depends(get_order_service)`` all count.
    """
    found: set[str] = set()
    default_of = defaults(function)
    for arg in all_args(function):
        texts = []
        if arg.annotation is not None:
            texts.append(ast.unparse(arg.annotation))
        if arg.arg in default_of:
            texts.append(ast.unparse(default_of[arg.arg]))
        if any("service" in text.lower() for text in texts):
            found.add(arg.arg)
    return found


def root_name(node: ast.expr) -> str | None:
    """The name an attribute chain or call chain starts from (``a`` in ``a.b.c()``)."""
    while True:
        if isinstance(node, ast.Attribute):
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, (ast.Subscript, ast.Await)):
            node = node.value
        else:
            break
    return node.id if isinstance(node, ast.Name) else None


def annotation_nodes(source: SourceFile) -> Iterator[ast.expr]:
    """Every annotation expression: parameters, returns, annotated assignments.

    A string annotation (``"Optional[int]"``) is parsed and its nodes are placed at the
    string's position, so findings inside it point at the string.
    """
    for node in source.nodes(ast.FunctionDef, ast.AsyncFunctionDef, ast.AnnAssign):
        if isinstance(node, ast.AnnAssign):
            targets: list[ast.expr | None] = [node.annotation]
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            targets = [a.annotation for a in all_args(node)] + [node.returns]
        else:
            continue
        for target in targets:
            if target is None:
                continue
            yield unquoted(target)


def unquoted(annotation: ast.expr) -> ast.expr:
    """The expression inside a string annotation, placed at the string; else `annotation`."""
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        try:
            parsed = ast.parse(annotation.value.strip(), mode="eval").body
        except SyntaxError:
            return annotation
        for node in walk(parsed):
            if hasattr(node, "lineno"):
                ast.copy_location(node, annotation)
        return parsed
    return annotation
