"""One Python file as the rules see it: text, syntax tree, layer, imports and ignore comments.

Nothing here imports or runs the user's code; everything comes from `ast`.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TypeVar

__all__ = ["LAYERS", "ImportedName", "SourceFile", "module_name", "walk"]

# The layered packages of DESIGN.md §1, highest first, and the shared ones beside them.
LAYERS = ("api", "services", "repositories", "models")
SHARED = ("schemas", "core")

_Node = TypeVar("_Node", bound=ast.AST)
_IGNORE = re.compile(r"#\s*fortress:\s*ignore(?:\[(?P<codes>[A-Za-z0-9_,\s]*)\])?")


@dataclass(frozen=True, slots=True)
class ImportedName:
    """One import statement's targets, for the layer rules.

    Attributes:
        node: The import statement (its position is where findings are reported).
        modules: Every dotted name it may import: the module, and module.name for each
            name of a `from` import (that name may be a submodule).
    """

    node: ast.Import | ast.ImportFrom
    modules: tuple[str, ...]


# Fields that never hold a node a rule looks for: operators and load/store contexts, and
# the identifiers, strings and numbers of the grammar (``Name.id``, ``Constant.value``, ...).
_SKIPPED_FIELDS = frozenset(
    {"ctx", "op", "ops", "id", "attr", "arg", "asname", "module", "level", "type_comment"}
    | {"kind", "conversion", "rest", "kwd_attrs"}
)
_SKIPPED_BY_TYPE: dict[type[ast.AST], frozenset[str]] = {
    ast.Constant: frozenset({"value"}),
    ast.Global: frozenset({"names"}),
    ast.Nonlocal: frozenset({"names"}),
    ast.FunctionDef: frozenset({"name"}),
    ast.AsyncFunctionDef: frozenset({"name"}),
    ast.ClassDef: frozenset({"name"}),
    ast.alias: frozenset({"name"}),
    ast.ExceptHandler: frozenset({"name"}),
    ast.MatchAs: frozenset({"name"}),
    ast.MatchStar: frozenset({"name"}),
}
# Node types the index leaves out: no rule asks for them, and they hold no other node once
# the skipped fields are left aside; `SourceFile.nodes` walks the tree for them instead.
_LEAVES = frozenset({ast.Name, ast.Constant, ast.alias, ast.Pass, ast.Break, ast.Continue})
_FIELDS: dict[type[ast.AST], tuple[str, ...]] = {}
_REVERSED: dict[type[ast.AST], tuple[str, ...]] = {}


def _fields(cls: type[ast.AST]) -> tuple[str, ...]:
    """The fields of a node type that may hold nodes, in order."""
    found = _FIELDS.get(cls)
    if found is None:
        skipped = _SKIPPED_FIELDS | _SKIPPED_BY_TYPE.get(cls, frozenset())
        found = _FIELDS[cls] = tuple(f for f in cls._fields if f not in skipped)
    return found


def _reversed_fields(cls: type[ast.AST]) -> tuple[str, ...]:
    found = _REVERSED.get(cls)
    if found is None:
        found = _REVERSED[cls] = tuple(reversed(_fields(cls)))
    return found


def walk(node: ast.AST) -> list[ast.AST]:
    """`node` and every node under it, in the order of `ast.walk` (breadth first).

    Several times faster than `ast.walk`; operators and load/store contexts are left out
    (no rule looks for them).
    """
    found = [node]
    append = found.append
    for current in found:  # a list grows under its own iteration: breadth first
        cls = current.__class__
        names = _FIELDS.get(cls)
        if names is None:
            names = _fields(cls)
        values = current.__dict__
        for name in names:
            value = values.get(name)
            if value.__class__ is list:
                for item in value:
                    if isinstance(item, ast.AST):
                        append(item)
            elif isinstance(value, ast.AST):
                append(value)
    return found


def module_name(relpath: str) -> str:
    """The dotted module name of a project-relative path (``app/api/x.py`` -> ``app.api.x``)."""
    parts = relpath.removesuffix(".py").split("/")
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@dataclass
class SourceFile:
    """A Python file of the project.

    Attributes:
        path: The path shown in findings.
        relpath: The path relative to the project root with `/` separators (None when the
            file is outside the project).
        data: The file's bytes (UTF-8; a BOM is allowed), decoded when first needed.
        package: The project's package (from fortress.yaml), for layers.
    """

    path: str
    relpath: str | None
    data: bytes
    package: str
    _roots: dict[frozenset[str], frozenset[str]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @cached_property
    def text(self) -> str:
        """The file's text; a file whose findings come from the cache is never decoded."""
        return self.data.decode("utf-8-sig", errors="replace")

    @cached_property
    def _parsed(self) -> tuple[ast.Module | None, SyntaxError | None]:
        """Parsed on first use: a file whose findings come from the cache is never parsed."""
        try:
            return ast.parse(self.text, filename=self.path), None
        except (SyntaxError, ValueError) as exc:  # ValueError: NUL bytes
            return None, exc if isinstance(exc, SyntaxError) else SyntaxError(str(exc))

    @property
    def tree(self) -> ast.Module | None:
        """The syntax tree, or None when the file does not parse."""
        return self._parsed[0]

    @property
    def syntax_error(self) -> SyntaxError | None:
        """Why the file does not parse, if it does not."""
        return self._parsed[1]

    @cached_property
    def index(self) -> dict[type[ast.AST], list[ast.AST]]:
        """The nodes of the tree by type, in source order (one pass; rules never re-walk).

        Names, constants, aliases, operators and load/store contexts are left out (most of
        a tree, and no rule asks for them; `nodes` finds them with a walk).
        """
        found: dict[type[ast.AST], list[ast.AST]] = {}
        if self.tree is None:
            return found
        leaves = _LEAVES
        stack: list[ast.AST] = [self.tree]
        pop, push = stack.pop, stack.append
        while stack:
            node = pop()
            cls = node.__class__
            try:
                found[cls].append(node)
            except KeyError:
                found[cls] = [node]
            names = _REVERSED.get(cls)
            if names is None:
                names = _reversed_fields(cls)
            values = node.__dict__
            for name in names:
                value = values.get(name)
                if value.__class__ is list:
                    for item in reversed(value):
                        if item.__class__ not in leaves and isinstance(item, ast.AST):
                            push(item)
                elif value.__class__ not in leaves and isinstance(value, ast.AST):
                    push(value)
        return found

    def nodes(self, *types: type[_Node]) -> list[_Node]:
        """The nodes of the given types, in source order within each type."""
        if any(t in _LEAVES for t in types):
            if self.tree is None:
                return []
            return sorted(
                (n for n in walk(self.tree) if isinstance(n, types)),
                key=lambda n: (getattr(n, "lineno", 0), getattr(n, "col_offset", 0)),
            )
        index = self.index
        if len(types) == 1:
            return index.get(types[0], [])  # type: ignore[return-value]
        return [n for t in types for n in index.get(t, [])]  # type: ignore[misc]

    @cached_property
    def lines(self) -> list[str]:
        """The physical lines, without line ends."""
        return self.text.splitlines()

    @cached_property
    def module(self) -> str | None:
        """The dotted module name, when the file is inside the project."""
        return module_name(self.relpath) if self.relpath is not None else None

    @cached_property
    def layer(self) -> str | None:
        """``api``, ``services``, ``repositories``, ``models``, ``schemas``, ``core`` or None."""
        if self.relpath is None:
            return None
        parts = self.relpath.split("/")
        if len(parts) > 2 and parts[0] == self.package and parts[1] in LAYERS + SHARED:
            return parts[1]
        return None

    @cached_property
    def in_package(self) -> bool:
        """Whether the file belongs to the project's package (not its tests or migrations)."""
        return self.relpath is not None and self.relpath.split("/")[0] == self.package

    def column(self, line: int, col_offset: int) -> int:
        """The 1-based character column of an ast byte offset on a 1-based line."""
        if 0 < line <= len(self.lines):
            text = self.lines[line - 1]
            if not text.isascii():
                return len(text.encode("utf-8")[:col_offset].decode("utf-8", "replace")) + 1
        return col_offset + 1

    def position(self, node: ast.AST) -> tuple[int, int]:
        """The 1-based line and character column where `node` starts."""
        line = getattr(node, "lineno", 1)
        return line, self.column(line, getattr(node, "col_offset", 0))

    @cached_property
    def ignores(self) -> dict[int, frozenset[str] | None]:
        """`# fortress: ignore[CODE, ...]` comments by line; None means every code."""
        found: dict[int, frozenset[str] | None] = {}
        if b"fortress:" not in self.data:
            return found
        for number, text in enumerate(self.lines, start=1):
            if "fortress:" not in text:
                continue
            match = _IGNORE.search(text)
            if match is None:
                continue
            codes = match.group("codes")
            found[number] = (
                None
                if codes is None
                else frozenset(c.strip().upper() for c in codes.split(",") if c.strip())
            )
        return found

    def ignored(self, line: int, code: str) -> bool:
        """Whether a comment on `line` silences `code` (or every code)."""
        codes = self.ignores.get(line, frozenset())
        return codes is None or any(code.startswith(c) for c in codes)

    @cached_property
    def names(self) -> dict[str, str]:
        """Local name -> dotted name it was imported as, for every import in the file.

        ``import fastapi as f`` gives ``f -> fastapi``; ``from fastapi import
        HTTPException as E`` gives ``E -> fastapi.HTTPException``; ``import a.b`` binds
        ``a -> a``. Later imports win, as at run time.
        """
        names: dict[str, str] = {}
        statements = sorted(
            self.nodes(ast.Import, ast.ImportFrom), key=lambda n: (n.lineno, n.col_offset)
        )
        for node in statements:
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        names[alias.asname] = alias.name
                    else:
                        head = alias.name.split(".")[0]
                        names[head] = head
            elif isinstance(node, ast.ImportFrom):
                base = self.resolve_from(node)
                for alias in node.names:
                    if alias.name != "*":
                        names[alias.asname or alias.name] = f"{base}.{alias.name}"
        return names

    @cached_property
    def star_imports(self) -> tuple[str, ...]:
        """The modules this file imports `*` from."""
        return tuple(
            self.resolve_from(node)
            for node in self.nodes(ast.ImportFrom)
            if any(a.name == "*" for a in node.names)
        )

    def resolve_from(self, node: ast.ImportFrom) -> str:
        """The absolute module of a `from` import (relative ones resolved against this file)."""
        module = node.module or ""
        if not node.level:
            return module
        base = (self.module or "").split(".")
        is_package = self.relpath is not None and self.relpath.endswith("__init__.py")
        keep = len(base) - node.level + (1 if is_package else 0)
        parts = [*base[: max(keep, 0)], *([module] if module else [])]
        return ".".join(p for p in parts if p)

    @cached_property
    def imports(self) -> tuple[ImportedName, ...]:
        """Every import statement with the modules it may bring in."""
        found: list[ImportedName] = []
        for node in self.nodes(ast.Import, ast.ImportFrom):
            if isinstance(node, ast.Import):
                found.append(ImportedName(node, tuple(a.name for a in node.names)))
            elif isinstance(node, ast.ImportFrom):
                base = self.resolve_from(node)
                found.append(
                    ImportedName(
                        node,
                        (base, *(f"{base}.{a.name}" for a in node.names if a.name != "*")),
                    )
                )
        found.sort(key=lambda i: (i.node.lineno, i.node.col_offset))
        return tuple(found)

    def qualified(self, node: ast.expr) -> str | None:
        """The dotted name an expression refers to through the imports, if it is one.

        ``f.HTTPException`` after ``import fastapi as f`` is ``fastapi.HTTPException``; a
        name that was not imported is None (or, after a star import of a module that
        defines nothing we know, also None).
        """
        if isinstance(node, ast.Name):
            return self.names.get(node.id)
        if isinstance(node, ast.Attribute):
            base = self.qualified(node.value)
            return f"{base}.{node.attr}" if base is not None else None
        return None

    def may_refer_to(self, targets: frozenset[str]) -> frozenset[str]:
        """The imported names through which an expression could refer to one of `targets`.

        ``qualified(node) in targets`` is only possible when the name a chain starts from
        is one of these: a file that imports none of them needs no look at its calls.
        """
        found = self._roots.get(targets)
        if found is None:
            found = self._roots[targets] = frozenset(
                name
                for name, dotted in self.names.items()
                if any(t == dotted or t.startswith(dotted + ".") for t in targets)
            )
        return found

    def refers_to(self, node: ast.expr, targets: frozenset[str]) -> bool:
        """``self.qualified(node) in targets``, without building names that cannot match."""
        roots = self.may_refer_to(targets)
        if not roots:
            return False
        head = node
        while head.__class__ is ast.Attribute:
            head = head.value
        if head.__class__ is not ast.Name or head.id not in roots:
            return False
        return self.qualified(node) in targets

    def local_name(self, node: ast.expr) -> str | None:
        """The dotted source text of a name or attribute chain (``a.b.c``), else None."""
        if isinstance(node, ast.Name):
            return node.id
        if isinstance(node, ast.Attribute):
            base = self.local_name(node.value)
            return f"{base}.{node.attr}" if base is not None else None
        return None


def layer_of(module: str, package: str) -> str | None:
    """The layer a dotted module name belongs to, if any (``app.services.x`` -> services)."""
    parts = module.split(".")
    if len(parts) > 1 and parts[0] == package and parts[1] in LAYERS + SHARED:
        return parts[1]
    return None


def read_source(path: Path, shown: str, relpath: str | None, package: str) -> SourceFile:
    """Read and parse one file (UTF-8; a BOM is allowed)."""
    return SourceFile(shown, relpath, path.read_bytes(), package)
