"""FTR301-FTR303: the module and class names of DESIGN.md §1, in the project's style.

``fortress`` style: ``models/Order.py``, ``schemas/OrderSchema.py``,
``repositories/OrderRepository.py``, ``services/OrderService.py``; ``pep8`` style:
``order.py``, ``order_schema.py``, ``order_repository.py``, ``order_service.py``. Endpoint
modules are lower case in both (``api/v1/endpoints/order_lines.py``) and define ``router``.

- FTR301: a layer class of an entity of `specs/` lives in a module named otherwise, or a
  module is named in the other style (``order_service.py`` in a fortress project).
- FTR302: a module named like a layer module does not define its class (or `router`).
- FTR303: a schema module lacks ``{Entity}Create``, ``{Entity}Update`` or
  ``{Entity}Response``.

Helper modules (``models/base.py``, ``repositories/pagination.py``) are not layer modules
and are left alone.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from fortress_gen.check.context import Context
from fortress_gen.check.registry import Finding
from fortress_gen.check.rules._base import file_finding, finding
from fortress_gen.check.source import SourceFile
from fortress_gen.naming import Layer, module_stem, pascal_case, snake_case

__all__ = ["CODES", "check"]

CODES = ("FTR301", "FTR302", "FTR303")

_LAYER_OF_DIR: dict[str, Layer] = {
    "models": "model",
    "schemas": "schema",
    "repositories": "repository",
    "services": "service",
}
_CLASS_SUFFIX = {"repository": "Repository", "service": "Service"}
_SCHEMA_TRIO = ("Create", "Update", "Response")
_PEP8_LAYER = re.compile(r"^(?P<base>[a-z0-9_]+)_(?P<layer>schema|repository|service)$")
_SNAKE = re.compile(r"^[a-z_][a-z0-9_]*$")


def check(source: SourceFile, ctx: Context) -> Iterator[Finding]:
    """Report module and class names that do not follow the project's style."""
    if source.tree is None or source.relpath is None or not source.in_package:
        return
    parts = source.relpath.split("/")
    stem = parts[-1].removesuffix(".py")
    if stem == "__init__" or not parts[-1].endswith(".py"):
        return
    if source.layer == "api" and "endpoints" in parts[:-1]:
        yield from _endpoints(source, stem)
        return
    if len(parts) != 3 or parts[1] not in _LAYER_OF_DIR:
        return
    layer = _LAYER_OF_DIR[parts[1]]
    classes = [n for n in source.tree.body if isinstance(n, ast.ClassDef)]
    names = {c.name for c in classes}
    yield from _style(source, stem, layer, ctx)
    yield from _misplaced(source, stem, layer, classes, ctx)
    if layer == "schema":
        yield from _trio(source, stem, names, ctx)
    else:
        yield from _promised(source, stem, layer, names, ctx)


def _endpoints(source: SourceFile, stem: str) -> Iterator[Finding]:
    assert source.tree is not None
    if not _SNAKE.match(stem):
        yield file_finding(source, "FTR301", f"endpoint module `{stem}.py` is not lower case")
    defines_router = (
        any(
            isinstance(n, (ast.Assign, ast.AnnAssign))
            and any(
                isinstance(t, ast.Name) and t.id == "router"
                for t in (n.targets if isinstance(n, ast.Assign) else [n.target])
            )
            for n in source.tree.body
        )
        or "router" in source.names
    )
    if not defines_router:
        yield file_finding(source, "FTR302", f"`{stem}.py` defines no `router`")


def _style(source: SourceFile, stem: str, layer: Layer, ctx: Context) -> Iterator[Finding]:
    if ctx.style == "pep8" and stem != stem.lower():
        yield file_finding(
            source, "FTR301", f"`{stem}.py` (pep8 style names modules in lower case)"
        )
    if ctx.style == "fortress":
        match = _PEP8_LAYER.match(stem)
        if match and match.group("layer") == layer:
            expected = module_stem(pascal_case(match.group("base")), layer, "fortress")
            yield file_finding(source, "FTR301", f"`{stem}.py` (fortress style: `{expected}.py`)")


def _misplaced(
    source: SourceFile, stem: str, layer: Layer, classes: list[ast.ClassDef], ctx: Context
) -> Iterator[Finding]:
    """Layer classes of known entities that live in a module of another name."""
    entities = ctx.entities
    for node in classes:
        entity = _entity_of(node, layer, entities)
        if entity is None:
            continue
        expected = module_stem(entity, layer, ctx.style)
        if stem != expected:
            yield finding(
                source, node, "FTR301", f"`{node.name}` belongs in `{expected}.py`, not `{stem}.py`"
            )


def _entity_of(node: ast.ClassDef, layer: Layer, entities: frozenset[str]) -> str | None:
    if layer == "model":
        mapped = any(
            isinstance(item, (ast.Assign, ast.AnnAssign))
            and any(
                isinstance(t, ast.Name) and t.id == "__tablename__"
                for t in (item.targets if isinstance(item, ast.Assign) else [item.target])
            )
            for item in node.body
        )
        return node.name if mapped and node.name in entities else None
    suffixes = _SCHEMA_TRIO if layer == "schema" else (_CLASS_SUFFIX[layer],)
    for suffix in suffixes:
        entity = node.name.removesuffix(suffix)
        if node.name.endswith(suffix) and entity in entities:
            return entity
    return None


def _promised(
    source: SourceFile, stem: str, layer: Layer, names: set[str], ctx: Context
) -> Iterator[Finding]:
    """A module named like a layer module defines the class its name promises."""
    if ctx.style == "fortress":
        if not stem[:1].isupper():
            return
        suffix = "" if layer == "model" else _CLASS_SUFFIX[layer]
        if suffix and not stem.endswith(suffix):
            return
        if stem not in names:
            yield file_finding(source, "FTR302", f"`{stem}.py` defines no class `{stem}`")
        return
    if layer == "model":
        return  # pep8 models (order.py) look like helper modules (base.py); nothing promised
    if stem.endswith("_" + layer) and not any(snake_case(n) == stem for n in names):
        expected = pascal_case(stem.removesuffix("_" + layer)) + _CLASS_SUFFIX[layer]
        yield file_finding(source, "FTR302", f"`{stem}.py` defines no class like `{expected}`")


def _trio(source: SourceFile, stem: str, names: set[str], ctx: Context) -> Iterator[Finding]:
    if ctx.style == "fortress":
        if not (stem[:1].isupper() and stem.endswith("Schema") and stem != "Schema"):
            return
        entity = stem.removesuffix("Schema")
    else:
        match = _PEP8_LAYER.match(stem)
        if match is None or match.group("layer") != "schema":
            return
        base = match.group("base")
        found = [
            n.removesuffix(s)
            for n in sorted(names)
            for s in _SCHEMA_TRIO
            if n.endswith(s) and snake_case(n.removesuffix(s)) == base
        ]
        entity = found[0] if found else pascal_case(base)
    missing = [entity + s for s in _SCHEMA_TRIO if entity + s not in names]
    if missing:
        yield file_finding(source, "FTR303", "missing " + ", ".join(f"`{m}`" for m in missing))
