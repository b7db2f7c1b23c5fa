"""FTR403, FTR404: async database access only, and no SQL built from strings.

FTR403, in a module with async code: an import of a synchronous driver (``psycopg2``,
``pymysql``, ``MySQLdb``, ``sqlite3``, ...); a call of SQLAlchemy's synchronous
``create_engine``, ``Session``, ``sessionmaker`` or ``scoped_session`` (resolved through the
imports, so a function of your own named ``create_engine`` is fine); an ``async def``
parameter typed with a synchronous ``Session``.

FTR404: the first argument of ``text()`` or of ``.execute()``/``.exec_driver_sql()`` is a
string built at run time: an f-string with placeholders, ``+`` with a non-constant part,
``%`` formatting, ``.format()``, ``.join()``, or a variable assigned (or ``+=``-extended)
with any of those in the same function, however many lines it spans. Constant strings,
and ``text()`` with bound parameters (``:name``), are fine. Reported at that argument.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import Literal

from fortress_gen.check.context import Context
from fortress_gen.check.registry import Finding
from fortress_gen.check.rules._base import all_args, finding, functions
from fortress_gen.check.source import SourceFile, walk

__all__ = ["CODES", "check"]

CODES = ("FTR403", "FTR404")

_SYNC_DRIVERS = frozenset(
    {"psycopg2", "pymysql", "MySQLdb", "sqlite3", "pyodbc", "cx_Oracle", "pymssql", "mysql"}
)
_SYNC_FACTORIES = frozenset(
    {
        "sqlalchemy.create_engine",
        "sqlalchemy.engine.create_engine",
        "sqlalchemy.orm.Session",
        "sqlalchemy.orm.session.Session",
        "sqlalchemy.orm.sessionmaker",
        "sqlalchemy.orm.scoped_session",
        "sqlmodel.Session",
        "sqlmodel.create_engine",
    }
)
_SYNC_SESSIONS = frozenset(
    {"sqlalchemy.orm.Session", "sqlalchemy.orm.session.Session", "sqlmodel.Session"}
)
_TEXT = frozenset(
    {"sqlalchemy.text", "sqlalchemy.sql.text", "sqlalchemy.sql.expression.text", "sqlmodel.text"}
)
_EXECUTE = frozenset({"execute", "exec_driver_sql", "executemany", "executescript"})

Kind = Literal["const", "built", "other"]


def check(source: SourceFile, ctx: Context) -> Iterator[Finding]:
    """Report sync database access in async modules and string-built SQL."""
    del ctx
    if source.tree is None:
        return
    yield from _sync_access(source)
    yield from _built_sql(source)


def _sync_access(source: SourceFile) -> Iterator[Finding]:
    assert source.tree is not None
    if not source.nodes(ast.AsyncFunctionDef):
        return
    for imported in source.imports:
        drivers = sorted({m.split(".")[0] for m in imported.modules} & _SYNC_DRIVERS)
        if drivers:
            yield finding(source, imported.node, "FTR403", f"the driver `{drivers[0]}`")
    if source.may_refer_to(_SYNC_FACTORIES):
        for call in source.nodes(ast.Call):
            if source.refers_to(call.func, _SYNC_FACTORIES):
                yield finding(source, call, "FTR403", f"`{ast.unparse(call.func)}()`")
    if not source.may_refer_to(_SYNC_SESSIONS):
        return
    for node in source.nodes(ast.AsyncFunctionDef):
        for arg in all_args(node):
            if arg.annotation is not None and any(
                source.refers_to(sub, _SYNC_SESSIONS)
                for sub in walk(arg.annotation)
                if isinstance(sub, (ast.Name, ast.Attribute))
            ):
                yield finding(
                    source, arg, "FTR403", f"parameter `{arg.arg}` of `async def {node.name}`"
                )


class _Scopes:
    """Where each name is assigned, per function (and for the module)."""

    def __init__(self, source: SourceFile) -> None:
        assert source.tree is not None
        self._tree = source.tree
        self._owner: dict[int, ast.AST] = {}
        for function in functions(source):
            for node in walk(function):
                self._owner[id(node)] = function  # innermost wins: walk visits outer first
        self._bindings: dict[int, dict[str, list[tuple[ast.expr, bool]]]] = {}

    def bindings(self, node: ast.AST) -> dict[str, list[tuple[ast.expr, bool]]]:
        """name -> [(value, is_augmented)] in the scope that holds `node`."""
        scope = self._owner.get(id(node), self._tree)
        if id(scope) not in self._bindings:
            found: dict[str, list[tuple[ast.expr, bool]]] = {}
            for sub in walk(scope):
                if isinstance(sub, ast.Assign):
                    for target in sub.targets:
                        if isinstance(target, ast.Name):
                            found.setdefault(target.id, []).append((sub.value, False))
                elif (
                    isinstance(sub, ast.AnnAssign)
                    and sub.value is not None
                    and isinstance(sub.target, ast.Name)
                ):
                    found.setdefault(sub.target.id, []).append((sub.value, False))
                elif (
                    isinstance(sub, ast.AugAssign)
                    and isinstance(sub.target, ast.Name)
                    and isinstance(sub.op, (ast.Add, ast.Mod))
                ):
                    found.setdefault(sub.target.id, []).append((sub.value, True))
            self._bindings[id(scope)] = found
        return self._bindings[id(scope)]


def _built_sql(source: SourceFile) -> Iterator[Finding]:
    assert source.tree is not None
    scopes: _Scopes | None = None
    for node in source.nodes(ast.Call):
        if not node.args:
            continue
        is_execute = isinstance(node.func, ast.Attribute) and node.func.attr in _EXECUTE
        is_text = not is_execute and source.refers_to(node.func, _TEXT)
        if not (is_text or is_execute):
            continue
        if scopes is None:
            scopes = _Scopes(source)
        argument = node.args[0]
        if _kind(argument, scopes.bindings(node), set()) == "built":
            callee = "text()" if is_text else f".{node.func.attr}()"  # type: ignore[attr-defined]
            yield finding(
                source, argument, "FTR404", f"a string built at run time reaches {callee}"
            )


def _kind(node: ast.expr, bindings: dict[str, list[tuple[ast.expr, bool]]], seen: set[str]) -> Kind:
    """Whether an expression is a constant string, a string built at run time, or neither."""
    if isinstance(node, ast.Constant):
        return "const" if isinstance(node.value, str) else "other"
    if isinstance(node, ast.JoinedStr):
        return "built" if any(isinstance(v, ast.FormattedValue) for v in node.values) else "const"
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        kinds = {_kind(node.left, bindings, seen), _kind(node.right, bindings, seen)}
        if "built" in kinds or kinds == {"const", "other"}:
            return "built"
        return "const" if kinds == {"const"} else "other"
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return "built" if _kind(node.left, bindings, seen) != "other" else "other"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if (
            node.func.attr in ("format", "join")
            and _kind(node.func.value, bindings, seen) != "other"
        ):
            return "built"
        return "other"
    if isinstance(node, ast.IfExp):
        kinds = {_kind(node.body, bindings, seen), _kind(node.orelse, bindings, seen)}
        return "built" if "built" in kinds else ("const" if kinds == {"const"} else "other")
    if isinstance(node, ast.Name) and node.id not in seen and node.id in bindings:
        inner = seen | {node.id}
        kinds = set()
        for value, augmented in bindings[node.id]:
            kind = _kind(value, bindings, inner)
            kinds.add("built" if augmented and kind != "const" else kind)
        if "built" in kinds:
            return "built"
        return "const" if kinds == {"const"} else "other"
    return "other"
