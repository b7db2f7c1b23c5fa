"""Plan the edits of user-owned files: router registration and the models package."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import partial
from pathlib import Path, PurePosixPath

from fortress_gen.patch import AlreadyPresent, Patched, PatchResult, Skipped
from fortress_gen.patch.model_imports import ensure_model_imported, remove_model_import
from fortress_gen.patch.router import ensure_router_registered, remove_router_registration
from fortress_gen.plan.ops import FileOp
from fortress_gen.render.paths import entity_paths
from fortress_gen.spec.project import Project

__all__ = ["plan_patches"]

Edit = Callable[[str], PatchResult]


def _patch_file(root: Path, path: str, edits: list[Edit]) -> FileOp:
    """Apply `edits` in order to one file's text; one FileOp for the file as a whole."""
    target = root / path
    try:
        original = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        return FileOp(
            path,
            "skip",
            reason="missing; cannot register the entities in it",
            kind="patch",
            blocking=True,
        )
    except (OSError, UnicodeDecodeError) as exc:  # a directory, binary data, no permission
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        return FileOp(
            path,
            "skip",
            reason=f"cannot be read ({reason}); left as it is",
            kind="patch",
            blocking=True,
        )
    text = original
    for edit in edits:
        result = edit(text)
        if isinstance(result, Skipped):
            return FileOp(
                path, "skip", old=original, reason=result.reason, kind="patch", blocking=True
            )
        if isinstance(result, Patched):
            text = result.code
        else:
            assert isinstance(result, AlreadyPresent)
    if text == original:
        return FileOp(path, "identical", old=original, kind="patch")
    return FileOp(path, "update", content=text, old=original, kind="patch")


def plan_patches(
    project: Project, removed: Mapping[str, Iterable[str]] | None = None
) -> list[FileOp]:
    """Register every entity's router and import every model, keeping the user's lines.

    Args:
        project: The loaded project.
        removed: Entities whose specs are gone, with the files the lock says they had;
            their router registration and model import are taken out.

    Returns:
        One FileOp for `api/v1/__init__.py` and one for `models/__init__.py`.
    """
    package = project.config.package
    routers: list[Edit] = []
    models: list[Edit] = []
    endpoints_dir = f"{package}/api/v1/endpoints/"
    models_dir = f"{package}/models/"
    for name, files in sorted((removed or {}).items()):
        for path in sorted(files):
            stem = PurePosixPath(path).stem
            if path.startswith(endpoints_dir) and path.count("/") == endpoints_dir.count("/"):
                routers.append(partial(remove_router_registration, package=package, module=stem))
            elif path.startswith(models_dir) and path.count("/") == models_dir.count("/"):
                models.append(
                    partial(remove_model_import, package=package, module=stem, class_name=name)
                )
    for entity in project.entities:
        paths = entity_paths(entity, project.config)
        module = paths.endpoints.name
        routers.append(partial(ensure_router_registered, package=package, module=module))
        models.append(
            partial(
                ensure_model_imported,
                package=package,
                module=paths.model.name,
                class_name=entity.entity,
            )
        )
    root = project.root
    return [
        _patch_file(root, f"{package}/api/v1/__init__.py", routers),
        _patch_file(root, f"{package}/models/__init__.py", models),
    ]
