"""FTR105: services, repositories and models raise domain errors, never `HTTPException`.

Found directly (``raise HTTPException(...)``, ``raise f.HTTPException`` after ``import
fastapi as f``, a subclass of it, a variable holding one) and through a helper: a call to a
function of another project module that raises one, directly or through further helpers
(``from app.core.http import not_found``; star imports too). A helper in the same module is
reported where it raises.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator

from fortress_gen.check.context import Context
from fortress_gen.check.registry import Finding
from fortress_gen.check.rules._base import finding
from fortress_gen.check.source import SourceFile, walk

__all__ = ["CODES", "HTTP_EXCEPTIONS", "check"]

CODES = ("FTR105",)
_CORE = frozenset({"services", "repositories", "models"})

HTTP_EXCEPTIONS = frozenset(
    {
        "fastapi.HTTPException",
        "fastapi.exceptions.HTTPException",
        "fastapi.WebSocketException",
        "fastapi.exceptions.WebSocketException",
        "starlette.exceptions.HTTPException",
        "starlette.exceptions.WebSocketException",
    }
)


def check(source: SourceFile, ctx: Context) -> Iterator[Finding]:
    """Report HTTP exceptions raised in the core layers, directly or through helpers."""
    if source.layer not in _CORE or source.tree is None:
        return
    module = source.module or ""
    classes = ctx.facts(module, "http-classes", _class_finder(ctx))
    variables = _http_variables(source, ctx, classes)
    for node in source.nodes(ast.Raise):
        if node.exc is not None:
            raised = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if _is_http(raised, source, ctx, classes) or (
                isinstance(raised, ast.Name) and raised.id in variables
            ):
                yield finding(source, node, "FTR105", f"`{ast.unparse(node.exc)}`")
    for call in source.nodes(ast.Call):
        helper = _imported_raiser(call.func, source, ctx)
        if helper is not None:
            yield finding(
                source, call, "FTR105", f"through `{helper}()`, which raises HTTPException"
            )


def _is_http(node: ast.expr, source: SourceFile, ctx: Context, local: frozenset[str]) -> bool:
    """Whether an expression names an HTTP exception class."""
    if isinstance(node, ast.Name) and node.id in local:
        return True
    qualified = source.qualified(node)
    if qualified is not None:
        if qualified in HTTP_EXCEPTIONS:
            return True
        module, _, name = qualified.rpartition(".")
        return bool(module) and name in ctx.facts(module, "http-classes", _class_finder(ctx))
    if isinstance(node, ast.Name):
        return any(
            node.id in ctx.facts(m, "http-classes", _class_finder(ctx)) for m in source.star_imports
        )
    return False


def _imported_raiser(func: ast.expr, source: SourceFile, ctx: Context) -> str | None:
    """The dotted name of a helper from another project module that raises, if `func` is one."""
    qualified = source.qualified(func)
    if qualified is not None:
        module, _, name = qualified.rpartition(".")
        if module and name in ctx.facts(module, "http-raisers", _raiser_finder(ctx)):
            return qualified
        return None
    if (
        source.star_imports
        and isinstance(func, ast.Name)
        and func.id not in _local_definitions(source)
    ):
        for module in source.star_imports:
            if func.id in ctx.facts(module, "http-raisers", _raiser_finder(ctx)):
                return f"{module}.{func.id}"
    return None


def _local_definitions(source: SourceFile) -> set[str]:
    assert source.tree is not None
    return {
        node.name
        for node in source.tree.body
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
    }


def _http_variables(source: SourceFile, ctx: Context, classes: frozenset[str]) -> set[str]:
    """Names assigned an HTTP exception instance anywhere in the file (``error = ...``)."""
    assert source.tree is not None
    found: set[str] = set()
    for node in source.nodes(ast.Assign):
        if isinstance(node.value, ast.Call) and _is_http(node.value.func, source, ctx, classes):
            found.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return found


def _class_finder(ctx: Context) -> Callable[[SourceFile], frozenset[str]]:
    """Module-level classes that subclass an HTTP exception (in definition order)."""

    def find(source: SourceFile) -> frozenset[str]:
        assert source.tree is not None
        found: set[str] = set()
        for node in source.tree.body:
            if isinstance(node, ast.ClassDef) and any(
                _is_http(base, source, ctx, frozenset(found)) for base in node.bases
            ):
                found.add(node.name)
        return frozenset(found)

    return find


def _raiser_finder(ctx: Context) -> Callable[[SourceFile], frozenset[str]]:
    """Module-level functions (and ``Class.method``s) that raise an HTTP exception.

    A function raises when its body raises one, or calls a function of this module or of
    another project module that does; repeated until nothing changes.
    """

    def find(source: SourceFile) -> frozenset[str]:
        assert source.tree is not None
        classes = ctx.facts(source.module or "", "http-classes", _class_finder(ctx))
        variables = _http_variables(source, ctx, classes)
        bodies: dict[str, tuple[str | None, ast.AST]] = {}
        for node in source.tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                bodies[node.name] = (None, node)
            elif isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                        bodies[f"{node.name}.{item.name}"] = (node.name, item)
        found: set[str] = set()
        changed = True
        while changed:
            changed = False
            for name, (owner, body) in bodies.items():
                if name not in found and _raises(
                    body, owner, source, ctx, classes, variables, found
                ):
                    found.add(name)
                    changed = True
        return frozenset(found)

    return find


def _raises(
    body: ast.AST,
    owner: str | None,
    source: SourceFile,
    ctx: Context,
    classes: frozenset[str],
    variables: set[str],
    found: set[str],
) -> bool:
    for node in walk(body):
        if isinstance(node, ast.Raise) and node.exc is not None:
            raised = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if _is_http(raised, source, ctx, classes) or (
                isinstance(raised, ast.Name) and raised.id in variables
            ):
                return True
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in found:
                return True
            if (
                owner is not None
                and isinstance(func, ast.Attribute)
                and isinstance(func.value, ast.Name)
                and func.value.id in ("self", "cls")
                and f"{owner}.{func.attr}" in found
            ):
                return True
            if _imported_raiser(func, source, ctx) is not None:
                return True
    return False
