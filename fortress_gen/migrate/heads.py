"""Find the head of the project's Alembic history without importing Alembic or the project.

A new revision chains to the current head of `migrations/versions/`, which may be a
revision a person wrote by hand after Fortress's last one. The files are read with `ast`,
never imported, so a revision that would fail to import cannot break `fortress generate`.
"""

from __future__ import annotations

import ast
from pathlib import Path

from fortress_gen.errors import ProjectError

__all__ = ["current_head", "read_revision"]

_NAMES = ("revision", "down_revision")


def _literal(node: ast.expr) -> tuple[str, ...]:
    """The revision ids a `revision`/`down_revision` value names (None, a str or a tuple)."""
    value = ast.literal_eval(node)
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, tuple | list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ValueError(f"unexpected revision value {value!r}")


def read_revision(path: Path) -> tuple[str, tuple[str, ...]] | None:
    """The (revision, down revisions) a revision file declares, or None if it declares none.

    Raises:
        ProjectError: The file does not parse, or its ids are not plain literals.
    """
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except (SyntaxError, UnicodeDecodeError) as exc:
        raise ProjectError(
            f"{path.as_posix()}: cannot read this migration: {exc}",
            hint="fix the file, or move it out of migrations/versions",
        ) from exc
    found: dict[str, tuple[str, ...]] = {}
    for statement in tree.body:
        target = value = None
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target, value = statement.targets[0], statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            target, value = statement.target, statement.value
        if isinstance(target, ast.Name) and value is not None and target.id in _NAMES:
            try:
                found[target.id] = _literal(value)
            except ValueError as exc:
                raise ProjectError(
                    f"{path.as_posix()}:{statement.lineno}: {target.id} must be a literal ({exc})"
                ) from exc
    if len(found.get("revision", ())) != 1:
        return None
    return found["revision"][0], found.get("down_revision", ())


def current_head(versions: Path) -> str | None:
    """The one head revision of `versions`, or None when there is no revision yet.

    Raises:
        ProjectError: The history has several heads (two branches that need a merge).
    """
    if not versions.is_dir():
        return None
    revisions: dict[str, tuple[str, ...]] = {}
    for path in sorted(versions.glob("*.py")):
        declared = read_revision(path)
        if declared is not None:
            revisions[declared[0]] = declared[1]
    parents = {parent for downs in revisions.values() for parent in downs}
    heads = sorted(set(revisions) - parents)
    if len(heads) > 1:
        raise ProjectError(
            f"migrations/versions has {len(heads)} heads ({', '.join(heads)})",
            hint="merge them first with `alembic merge heads -m merge`",
        )
    return heads[0] if heads else None
