"""Router registration in ``<package>/api/v1/__init__.py``: one include per entity.

`ensure_router_registered` makes the file import ``<package>.api.v1.endpoints.<module>``
and call ``api_router.include_router(<module>.router)``; `remove_router_registration`
undoes that for ``fortress destroy``. Both keep every other line of the user's file.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import lru_cache

from fortress_gen.patch import _splice
from fortress_gen.patch._source import (
    AlreadyPresent,
    Binding,
    Engine,
    Patched,
    PatchResult,
    Skipped,
    bindings,
    dotted,
    parse,
    references,
)

__all__ = ["ROUTER", "ensure_router_registered", "remove_router_registration"]

ROUTER = "api_router"
"""The name of the version's router in the registration file."""


@dataclass(frozen=True, slots=True)
class _Facts:
    """What the registration file says about one endpoints module."""

    module_refs: tuple[str, ...]
    router_refs: frozenset[str]
    import_statements: dict[int, set[str]]
    includes: tuple[int, ...]
    registered: tuple[int, ...]
    nested: tuple[ast.Call, ...]
    router_assignment: int | None
    conflict: str | None


def _include_argument(call: ast.Call) -> str | None:
    if not (
        isinstance(call.func, ast.Attribute) and dotted(call.func) == f"{ROUTER}.include_router"
    ):
        return None
    if call.args:
        return dotted(call.args[0])
    for keyword in call.keywords:
        if keyword.arg == "router":
            return dotted(keyword.value)
    return None


def _top_level_call(statement: ast.stmt) -> ast.Call | None:
    if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
        return statement.value
    return None


@dataclass(frozen=True, slots=True)
class _Index:
    """What the registration file says whatever the entity; computed once per text.

    Attributes:
        tree: The parsed file (shared; never changed).
        found: The names its top-level imports bind.
        includes: The top-level ``api_router.include_router(x)`` statements: (index, ``x``).
        nested: Every other ``include_router`` call with a dotted argument (inside a block
            or an expression), in `ast.walk` order: (call, argument).
        router_assignment: The index of the last top-level assignment of ``api_router``.
    """

    tree: ast.Module
    found: tuple[Binding, ...]
    includes: tuple[tuple[int, str], ...]
    nested: tuple[tuple[ast.Call, str], ...]
    router_assignment: int | None


@lru_cache(maxsize=8)
def _index(source: str, package: str) -> _Index | Skipped:
    """Analyse the file once: a plan registers every entity in turn against the same text."""
    tree = parse(source)
    if isinstance(tree, Skipped):
        return tree
    includes: list[tuple[int, str]] = []
    top_calls: set[int] = set()
    router_assignment = None
    for index, statement in enumerate(tree.body):
        call = _top_level_call(statement)
        argument = _include_argument(call) if call is not None else None
        if call is not None and argument is not None:
            includes.append((index, argument))
            top_calls.add(id(call))
        if _assigns_router(statement):
            router_assignment = index
    nested: tuple[tuple[ast.Call, str], ...] = ()
    if source.count("include_router") != len(includes):
        # Else every call is a top-level one (each spells the method's name in the text), and
        # the walk of the whole tree is saved: a run registering 100 entities would do 100.
        nested = tuple(
            (node, argument)
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and id(node) not in top_calls
            and (argument := _include_argument(node)) is not None
        )
    return _Index(
        tree=tree,
        found=tuple(bindings(tree, f"{package}.api.v1")),
        includes=tuple(includes),
        nested=nested,
        router_assignment=router_assignment,
    )


def _facts(index: _Index, package: str, module: str) -> _Facts:
    target = f"{package}.api.v1.endpoints.{module}"
    found = index.found
    mine = [b for b in found if b.target in {target, f"{target}.router"}]
    module_refs = tuple(b.local for b in mine if b.target == target)
    router_refs = frozenset(
        {f"{ref}.router" for ref in module_refs}
        | {b.local for b in mine if b.target == f"{target}.router"}
    )
    import_statements: dict[int, set[str]] = {}
    for binding in mine:
        import_statements.setdefault(binding.statement, set()).add(binding.local)
    registered = tuple(i for i, argument in index.includes if argument in router_refs)
    nested = tuple(call for call, argument in index.nested if argument in router_refs)
    clash = [b.target for b in found if b.local == module and b.target != target]
    conflict = f"`{module}` already names {clash[0]}" if clash and not module_refs else None
    return _Facts(
        module_refs=module_refs,
        router_refs=router_refs,
        import_statements=import_statements,
        includes=tuple(i for i, _ in index.includes),
        registered=registered,
        nested=nested,
        router_assignment=index.router_assignment,
        conflict=conflict,
    )


def _assigns_router(statement: ast.stmt) -> bool:
    if isinstance(statement, ast.Assign):
        return any(isinstance(t, ast.Name) and t.id == ROUTER for t in statement.targets)
    if isinstance(statement, ast.AnnAssign):
        return isinstance(statement.target, ast.Name) and statement.target.id == ROUTER
    return False


def ensure_router_registered(
    source: str, *, package: str, module: str, engine: Engine = "auto"
) -> PatchResult:
    """Register an entity's endpoints router with the version router.

    Adds ``from <package>.api.v1.endpoints import <module>`` (merged into an existing import
    from that package, sorted in when its names are sorted) unless the module is already
    imported under any name, and ``api_router.include_router(<module>.router)`` after the
    last top-level ``include_router`` call, else after ``api_router = APIRouter(...)``.

    Args:
        source: The text of ``<package>/api/v1/__init__.py``.
        package: The project's Python package (``app``).
        module: The endpoints module (``orders``).
        engine: How to edit (see `Engine`); the result does not depend on it.

    Returns:
        `Patched` with the new text, `AlreadyPresent` when the router is registered (in any
        form, anywhere in the file), or `Skipped` when the file does not parse, has no
        module-level ``api_router``, or already uses the name for something else.
    """
    info = _index(source, package)
    if isinstance(info, Skipped):
        return info
    tree = info.tree
    facts = _facts(info, package, module)
    if facts.registered or facts.nested:
        return AlreadyPresent()
    if facts.conflict:
        return Skipped(f"{facts.conflict}; register the {module} router by hand")
    anchor = facts.includes[-1] if facts.includes else facts.router_assignment
    if anchor is None:
        return Skipped(f"`{ROUTER}` is not assigned at module level, so there is nothing to add to")
    reference = facts.module_refs[0] if facts.module_refs else module
    include_code = f"{ROUTER}.include_router({reference}.router)"
    if engine != "libcst":
        text = _splice.SourceText.of(source, tree)
        spliced = None
        if text is not None:
            splices = [_splice.insert_after_line(text, tree.body, anchor, include_code)]
            if not facts.module_refs:
                splices.append(
                    _splice.import_splice(
                        text, tree, f"{package}.api.v1", f"{package}.api.v1.endpoints", module
                    )
                )
            spliced = _splice.apply_splices(source, splices)
        if spliced is not None:
            return Patched(spliced)
        if engine == "splice":
            return Skipped(_splice.NOT_CERTAIN)

    from fortress_gen.patch import _primitives as p

    tree_cst = p.parse(source)
    if isinstance(tree_cst, Skipped):
        return tree_cst
    places = p.StatementMap.of(tree_cst)
    include = p.new_statement(include_code)
    edits = [
        p.insert_before(places.line(anchor, len(tree_cst.body)) + 1, include, take_blank=False)
    ]
    if not facts.module_refs:
        edits.append(
            p.import_edit(
                tree,
                places,
                len(tree_cst.body),
                f"{package}.api.v1",
                f"{package}.api.v1.endpoints",
                module,
            )
        )
    return Patched(p.apply_edits(tree_cst, edits).code)


def remove_router_registration(source: str, *, package: str, module: str) -> PatchResult:
    """Undo `ensure_router_registered`: drop the include call and the now unused import.

    The import stays while anything else in the file still uses it. Comments above a
    removed line move to the line after it.

    Args:
        source: The text of ``<package>/api/v1/__init__.py``.
        package: The project's Python package.
        module: The endpoints module.

    Returns:
        `Patched`, `AlreadyPresent` when there is nothing to remove, or `Skipped` when the
        file does not parse or registers the router inside a block (left to the user).
    """
    info = _index(source, package)
    if isinstance(info, Skipped):
        return info
    tree = info.tree
    facts = _facts(info, package, module)
    if facts.nested:
        line = facts.nested[0].lineno
        return Skipped(
            f"the {module} router is registered inside a block (line {line}); remove it by hand"
        )
    removed = {id(node) for i in facts.registered for node in ast.walk(tree.body[i])}
    unused: dict[int, set[str]] = {}
    for index, locals_ in facts.import_statements.items():
        gone = {
            local
            for local in locals_
            if all(id(node) in removed for node in references(tree, local))
        }
        if gone:
            unused[index] = gone
    if not facts.registered and not unused:
        return AlreadyPresent()

    from fortress_gen.patch import _primitives as p

    tree_cst = p.parse(source)
    if isinstance(tree_cst, Skipped):
        return tree_cst
    places = p.StatementMap.of(tree_cst)
    edits = [p.remove_small(*places.places[index]) for index in facts.registered]
    for index, gone in unused.items():
        edits.append(p.remove_import_names(*places.places[index], gone))
    return Patched(p.apply_edits(tree_cst, edits).code)
