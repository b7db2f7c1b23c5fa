"""FTR101, FTR102, FTR104, FTR106, FTR107: imports across the layers of DESIGN.md §1.

The layers are endpoints (``api``) -> ``services`` -> ``repositories`` -> ``models``.
Imports are resolved as Python resolves them: aliases, relative imports, ``from app import
repositories`` (a submodule), star imports.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from fortress_gen.check.context import Context
from fortress_gen.check.registry import Finding
from fortress_gen.check.rules._base import finding
from fortress_gen.check.source import LAYERS, SourceFile, layer_of

__all__ = ["CODES", "check"]

CODES = ("FTR101", "FTR102", "FTR104", "FTR106", "FTR107")

_RANK = {layer: len(LAYERS) - i for i, layer in enumerate(LAYERS)}  # api 4 ... models 1
_CORE = frozenset({"services", "repositories", "models"})
_FRAMEWORKS = frozenset({"fastapi", "starlette"})
# Parts of SQLAlchemy an API module may use: exceptions and types, not queries.
_SQLALCHEMY_ALLOWED = frozenset({"exc", "ext", "engine", "pool", "event", "types"})


def check(source: SourceFile, ctx: Context) -> Iterator[Finding]:
    """Report layer violations in one file of the project's package."""
    layer = source.layer
    if layer is None or source.tree is None:
        return
    yield from _imports(source, layer, ctx)


def _imports(source: SourceFile, layer: str, ctx: Context) -> Iterator[Finding]:
    for imported in source.imports:
        node = imported.node
        targets = {layer_of(m, ctx.package) for m in imported.modules} - {None}
        if layer == "api":
            if "repositories" in targets:
                yield finding(source, node, "FTR101", _shown(node))
            if "models" in targets or _is_query_api(imported.node, source):
                yield finding(source, node, "FTR102", _shown(node))
        if layer in _CORE and {m.split(".")[0] for m in imported.modules} & _FRAMEWORKS:
            yield finding(source, node, "FTR104", _shown(node))
        if layer in _RANK:
            upward = sorted(t for t in targets if t in _RANK and _RANK[t] > _RANK[layer])
            if upward and layer == "repositories":
                yield finding(source, node, "FTR106", _shown(node))
            elif upward:
                yield finding(source, node, "FTR107", f"{layer} -> {', '.join(upward)}")


def _shown(node: ast.Import | ast.ImportFrom) -> str:
    text = ast.unparse(node)
    return f"`{text}`" if len(text) <= 80 else f"`{text[:77]}...`"


def _is_query_api(node: ast.Import | ast.ImportFrom, source: SourceFile) -> bool:
    """Whether an import brings in SQLAlchemy's (or SQLModel's) query API."""
    if isinstance(node, ast.Import):
        return any(_query_module(alias.name) for alias in node.names)
    base = source.resolve_from(node)
    if base == "sqlalchemy":
        return any(alias.name not in _SQLALCHEMY_ALLOWED for alias in node.names)
    return _query_module(base)


def _query_module(module: str) -> bool:
    parts = module.split(".")
    if parts[0] == "sqlmodel":
        return True
    return parts[0] == "sqlalchemy" and (len(parts) == 1 or parts[1] not in _SQLALCHEMY_ALLOWED)
