"""`fortress destroy`: the plan that removes an entity, symmetric to generating it.

It is the generate plan of the project without the entity, plus the deletion of its spec:
its unedited generated files go, edited ones stay (or go too with `force`), its router
registration and model import are taken out of the user-owned modules (libcst, keeping
every other line), the shared test factories lose it, and a migration drops its table —
written only with `allow_destructive`, since that loses the table's rows. Migration
history is never rewritten: the drop is a new revision.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from fortress_gen.errors import ProjectError
from fortress_gen.generate import plan_generation
from fortress_gen.lock import read_lock
from fortress_gen.plan.ops import FileOp, Plan
from fortress_gen.spec.project import Project

__all__ = ["plan_destroy"]


def plan_destroy(
    project: Project,
    name: str,
    *,
    force: bool = False,
    allow_destructive: bool = False,
    now: datetime | None = None,
) -> Plan:
    """Plan the removal of entity `name` and everything generated for it.

    Args:
        project: The loaded project.
        name: The entity to remove.
        force: Delete its generated files even where the user edited them.
        allow_destructive: Write the migration that drops its table.
        now: The migration time; default `SOURCE_DATE_EPOCH`, else the clock.

    Returns:
        The plan; nothing has been written.

    Raises:
        ProjectError: No such entity, or other entities still refer to it.
        DestructiveChangeError: Its table exists and `allow_destructive` is false.
    """
    project.entity(name)  # raises, listing the known entities
    referrers = sorted(
        f"{other.entity}.{relation_name}"
        for other in project.entities
        if other.entity != name
        for relation_name, relation in other.relations.items()
        if relation.target == name
    )
    if referrers:
        raise ProjectError(
            f"cannot destroy {name}: {', '.join(referrers)} still refer(s) to it",
            hint="remove those relations from their specs, or destroy those entities, first",
        )
    spec_file = project.root / project.loaded_spec(name).path
    remaining = replace(
        project,
        entities=tuple(e for e in project.entities if e.entity != name),
        loaded=tuple(loaded for loaded in project.loaded if loaded.spec.entity != name),
    )
    plan = plan_generation(
        remaining,
        now=now,
        allow_destructive=allow_destructive,
        excluded_specs=frozenset({spec_file.name}),
    )
    lock = read_lock(project.root)
    ops = [
        FileOp(op.path, "delete", old=op.old, reason="removed with --force, edits and all")
        if force
        and op.status == "skip"
        and op.old is not None
        and (record := lock.generated(op.path)) is not None
        and record.entity == name
        and op.path not in plan.lock.files
        else op
        for op in plan.ops
    ]
    spec_path = spec_file.relative_to(project.root).as_posix()
    ops.append(
        FileOp(
            spec_path,
            "delete",
            old=spec_file.read_text(encoding="utf-8"),
            reason="the spec",
            kind="spec",
        )
    )
    return replace(plan, ops=tuple(sorted(ops, key=lambda op: op.path)))
