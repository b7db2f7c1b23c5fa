"""Plan the files Fortress writes once and the user owns from then on (entity task modules).

Such a file is created when it is missing and otherwise left alone, whatever it holds, with
one exception: when the generated code imports a name the file no longer defines (a task of
an event added to the spec later), it is left alone and reported (a blocking skip, exit 1)
naming what to add.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable
from pathlib import Path

from fortress_gen.plan.ops import FileOp

__all__ = ["plan_owned"]


def _defined_names(source: str) -> set[str] | None:
    """The names a module defines at its top level, or None if it does not parse."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign | ast.AugAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.ImportFrom | ast.Import):
            names.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
    return names


def _owned_op(root: Path, path: str, text: str, names: Iterable[str]) -> FileOp:
    try:
        current = (root / path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return FileOp(path, "create", content=text, kind="owned")
    except (OSError, UnicodeDecodeError) as exc:  # a directory, binary data, no permission
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        return FileOp(
            path,
            "skip",
            content=text,
            reason=f"cannot be read ({reason})",
            kind="owned",
            blocking=True,
        )
    if current == text:
        return FileOp(path, "identical", kind="owned")
    defined = _defined_names(current)
    if defined is None:
        return FileOp(
            path,
            "skip",
            content=text,
            old=current,
            reason="yours, but it does not parse",
            kind="owned",
            blocking=True,
        )
    missing = [name for name in names if name not in defined]
    if missing:
        reason = (
            f"yours, but it lacks {', '.join(missing)}, which the generated code imports; "
            "add it (`fortress generate --diff` shows Fortress's version)"
        )
        return FileOp(
            path, "skip", content=text, old=current, reason=reason, kind="owned", blocking=True
        )
    return FileOp(path, "identical", kind="owned")


def plan_owned(root: Path, files: dict[str, tuple[str, tuple[str, ...]]]) -> list[FileOp]:
    """One FileOp per user-owned file: create it when missing, otherwise keep it.

    Args:
        root: The project root.
        files: Per path, the formatted text Fortress would write and the names the
            generated code imports from it.

    Returns:
        The operations, in path order.
    """
    return [_owned_op(root, path, *files[path]) for path in sorted(files)]
