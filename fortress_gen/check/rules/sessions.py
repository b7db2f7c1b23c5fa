"""FTR103: endpoints take no database session and run no SQL; the repository owns the session.

A parameter counts when its type names a session (``AsyncSession``, ``Session``, a string
annotation, ``Annotated[AsyncSession, ...]``) or an alias of one defined in this module or
another module of the project (``SessionDep`` from ``app.api.deps``), or when its default
is ``Depends(get_session)``. The provider that builds a service from the session
(``get_order_service(session: SessionDep)``) is not a path operation and is allowed.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator

from fortress_gen.check.context import Context
from fortress_gen.check.registry import Finding
from fortress_gen.check.rules._base import all_args, defaults, finding, route_handlers
from fortress_gen.check.source import SourceFile, walk

__all__ = ["CODES", "SESSION_TYPES", "check", "mentions_session"]

CODES = ("FTR103",)

SESSION_TYPES = frozenset(
    {
        "sqlalchemy.ext.asyncio.AsyncSession",
        "sqlalchemy.ext.asyncio.session.AsyncSession",
        "sqlalchemy.ext.asyncio.AsyncConnection",
        "sqlalchemy.ext.asyncio.async_scoped_session",
        "sqlalchemy.orm.Session",
        "sqlalchemy.orm.session.Session",
        "sqlalchemy.orm.scoped_session",
        "sqlalchemy.engine.Connection",
        "sqlalchemy.Connection",
        "sqlmodel.Session",
        "sqlmodel.ext.asyncio.session.AsyncSession",
    }
)
# Session methods that run SQL or end a transaction.
_SQL_METHODS = frozenset(
    {"execute", "commit", "flush", "rollback", "scalars", "scalar", "exec_driver_sql"}
)


def check(source: SourceFile, ctx: Context) -> Iterator[Finding]:
    """Report sessions and SQL calls in the api layer."""
    if source.layer != "api" or source.tree is None:
        return
    local = _aliases(source.module or "", ctx)
    for handler in route_handlers(source):
        default_of = defaults(handler)
        for arg in all_args(handler):
            typed = arg.annotation is not None and mentions_session(
                arg.annotation, source, ctx, local
            )
            default = default_of.get(arg.arg)
            if typed or (default is not None and _depends_on_session(default, source)):
                yield finding(source, arg, "FTR103", f"parameter `{arg.arg}` of `{handler.name}`")
    for node in source.nodes(ast.Call):
        if isinstance(node.func, ast.Attribute) and node.func.attr in _SQL_METHODS:
            receiver = ast.unparse(node.func.value)
            if "service" in receiver.lower():  # a service method of the same name
                continue
            yield finding(source, node, "FTR103", f"`{receiver}.{node.func.attr}()`")


def mentions_session(
    node: ast.expr, source: SourceFile, ctx: Context, local: frozenset[str] = frozenset()
) -> bool:
    """Whether a type expression names a session type, directly or through an alias.

    Aliases count when defined at module level in this file (`local`) or in another module
    of the project (``SessionDep`` imported from ``app.api.deps``).
    """
    for sub in walk(node):
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
            try:
                parsed = ast.parse(sub.value.strip(), mode="eval").body
            except SyntaxError:
                continue
            if mentions_session(parsed, source, ctx, local):
                return True
        if isinstance(sub, ast.Name) and sub.id in local:
            return True
        if not isinstance(sub, (ast.Name, ast.Attribute)):
            continue
        qualified = source.qualified(sub)
        if qualified is None:
            continue
        if qualified in SESSION_TYPES:
            return True
        module, _, name = qualified.rpartition(".")
        if module and name in _aliases(module, ctx):
            return True
    return False


def _aliases(module: str, ctx: Context) -> frozenset[str]:
    """The module-level names of `module` that alias a session type."""
    return ctx.facts(module, "session-aliases", _alias_finder(ctx))


def _alias_finder(ctx: Context) -> Callable[[SourceFile], frozenset[str]]:
    def find(source: SourceFile) -> frozenset[str]:
        found: set[str] = set()
        assert source.tree is not None
        for statement in source.tree.body:
            target, value = _alias_parts(statement)
            if (
                target
                and value is not None
                and mentions_session(value, source, ctx, frozenset(found))
            ):
                found.add(target)
        return frozenset(found)

    return find


def _alias_parts(statement: ast.stmt) -> tuple[str | None, ast.expr | None]:
    if (
        isinstance(statement, ast.Assign)
        and len(statement.targets) == 1
        and isinstance(statement.targets[0], ast.Name)
    ):
        return statement.targets[0].id, statement.value
    if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
        return statement.target.id, statement.value
    return None, None


def _depends_on_session(default: ast.expr, source: SourceFile) -> bool:
    """``Depends(get_session)``/``Depends(get_db)``: a dependency that provides a session."""
    if not (isinstance(default, ast.Call) and default.args):
        return False
    callee = source.qualified(default.func) or source.local_name(default.func) or ""
    if callee.rpartition(".")[2] != "Depends":
        return False
    provider = (source.local_name(default.args[0]) or "").rpartition(".")[2].lower()
    return "session" in provider or provider in {"get_db", "get_database"}
