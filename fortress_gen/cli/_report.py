"""Run a plan and report it: status lines, diffs, the summary and the exit code."""

from __future__ import annotations

import difflib
from datetime import datetime

from fortress_gen.cli._console import console
from fortress_gen.errors import ExitCode
from fortress_gen.generate import plan_generation
from fortress_gen.plan.ops import Plan
from fortress_gen.spec.project import Project
from fortress_gen.write import apply_plan

__all__ = ["run_generate"]


def _diff(plan: Plan) -> str:
    """Every write, and for each conflict what Fortress would have written instead."""
    chunks: list[str] = []
    changes = set(plan.changes)
    for op in plan.ops:
        if op not in changes and not (op.status == "conflict" and op.content is not None):
            continue
        old = (op.old or "").splitlines(keepends=True)
        new = (op.content or "").splitlines(keepends=True)
        source = f"a/{op.path}" if op.old is not None else "/dev/null"
        chunks.extend(difflib.unified_diff(old, new, source, f"b/{op.path}"))
    return "".join(chunks)


def _summary(plan: Plan, *, written: bool) -> str:
    counts: dict[str, int] = {}
    for op in plan.ops:
        counts[op.status] = counts.get(op.status, 0) + 1
    parts = [f"{counts[s]} {s}" for s in ("create", "update", "conflict", "skip") if s in counts]
    if "identical" in counts:
        parts.append(f"{counts['identical']} identical")
    prefix = "" if written else "would "
    return prefix + ", ".join(parts) if parts else "nothing to do"


def run_generate(
    project: Project,
    *,
    now: datetime | None = None,
    check: bool = False,
    dry_run: bool = False,
    diff: bool = False,
) -> int:
    """Plan, report and (unless checking or dry-running) apply a generation.

    Returns:
        The exit code: 0 done or nothing to do, 1 conflicts, or drift under `check`.
    """
    plan = plan_generation(project, now=now)
    for op in plan.ops:
        if op.status != "identical" or console.verbose:
            console.status(op.status, op.path, op.reason)
    if diff:
        console.result(_diff(plan))
    if plan.is_noop and not plan.conflicts:
        console.info("Everything is in step with the specs; nothing changed.")
        return int(ExitCode.OK)
    if plan.is_noop:
        console.info(_summary(plan, written=True) + "; nothing else to change.")
        _conflict_note(plan)
        return int(ExitCode.FINDINGS)
    if check or dry_run:
        console.info(_summary(plan, written=False) + "; nothing was written.")
        return int(ExitCode.FINDINGS) if check or plan.conflicts else int(ExitCode.OK)
    apply_plan(plan, project.root)
    console.info(_summary(plan, written=True) + ".")
    _access_note(project, plan)
    if plan.conflicts:
        _conflict_note(plan)
        return int(ExitCode.FINDINGS)
    return int(ExitCode.OK)


def _conflict_note(plan: Plan) -> None:
    console.note(
        f"{len(plan.conflicts)} file(s) were left as they are because you changed them; "
        "compare them with what Fortress would write using `fortress generate --diff`."
    )


def _access_note(project: Project, plan: Plan) -> None:
    """Say so when a spec asks for access rules that this version does not enforce yet."""
    created = {
        record.entity
        for op in plan.ops
        if op.status == "create" and (record := plan.lock.generated(op.path)) is not None
    }
    guarded = sorted(
        e.entity for e in project.entities if e.entity in created and e.access != "public"
    )
    if guarded:
        console.note(
            f"access rules are not enforced yet: the endpoints of {', '.join(guarded)} "
            "are public until authentication is generated"
        )
