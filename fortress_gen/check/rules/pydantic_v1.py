"""FTR402: Pydantic v1 patterns in a Pydantic v2 codebase.

Reported: an inner ``class Config`` of a class in a module that imports pydantic;
``orm_mode`` (as a config assignment, a keyword or a dict key); calls of ``.dict()``,
``.parse_obj()``, ``.parse_raw()``, ``.parse_file()``, ``.from_orm()``,
``.update_forward_refs()``; the decorators ``validator`` and ``root_validator`` when they
come from pydantic (a decorator of your own with the same name is not reported).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from fortress_gen.check.context import Context
from fortress_gen.check.registry import Finding
from fortress_gen.check.rules._base import finding
from fortress_gen.check.source import SourceFile

__all__ = ["CODES", "check"]

CODES = ("FTR402",)

_V1_METHODS = frozenset(
    {"dict", "parse_obj", "parse_raw", "parse_file", "from_orm", "update_forward_refs"}
)
_V1_DECORATORS = frozenset({"validator", "root_validator"})
_V1_CONFIG = frozenset({"orm_mode"})


def check(source: SourceFile, ctx: Context) -> Iterator[Finding]:
    """Report Pydantic v1 API use."""
    del ctx
    if source.tree is None:
        return
    uses_pydantic = any(
        m.split(".")[0] in ("pydantic", "pydantic_settings")
        for i in source.imports
        for m in i.modules
    )
    for node in source.nodes(ast.ClassDef, ast.Call, ast.keyword, ast.Assign, ast.Dict):
        if isinstance(node, ast.ClassDef):
            if uses_pydantic and node.bases:
                for item in node.body:
                    if isinstance(item, ast.ClassDef) and item.name == "Config":
                        yield finding(source, item, "FTR402", "`class Config` (use model_config)")
            for decorated in node.body:
                if isinstance(decorated, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    yield from _decorators(source, decorated)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in _V1_METHODS
            and _is_method_call(node)
        ):
            yield finding(source, node.func, "FTR402", f"`.{node.func.attr}()`")
        if isinstance(node, ast.keyword) and node.arg in _V1_CONFIG:
            yield finding(source, node, "FTR402", f"`{node.arg}`")
        elif isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name) and target.id in _V1_CONFIG:
                    yield finding(source, target, "FTR402", f"`{target.id}`")
        elif isinstance(node, ast.Dict):
            for key in node.keys:
                if isinstance(key, ast.Constant) and key.value in _V1_CONFIG:
                    yield finding(source, key, "FTR402", f"`{key.value}`")


def _is_method_call(node: ast.Call) -> bool:
    """``x.dict()`` on some object, not ``dict(...)`` or ``typing.dict``-like module access."""
    assert isinstance(node.func, ast.Attribute)
    if node.func.attr != "dict":
        return True
    # `.dict()` of Pydantic v1 takes keywords only; `foo.dict(a, b)` is something else.
    return not node.args


def _decorators(
    source: SourceFile, function: ast.FunctionDef | ast.AsyncFunctionDef
) -> Iterator[Finding]:
    for decorator in function.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        qualified = source.qualified(target) or ""
        if qualified.split(".")[0] == "pydantic" and qualified.rpartition(".")[2] in _V1_DECORATORS:
            yield finding(source, decorator, "FTR402", f"`@{ast.unparse(target)}`")
