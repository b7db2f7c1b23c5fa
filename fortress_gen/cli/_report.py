"""Run a plan and report it: status lines, diffs, the summary and the exit code."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from datetime import datetime

from fortress_gen.cli._console import console
from fortress_gen.errors import ExitCode
from fortress_gen.generate import plan_generation
from fortress_gen.plan.ops import Plan
from fortress_gen.spec.project import Project
from fortress_gen.transaction import pending, recover
from fortress_gen.write import apply_plan

__all__ = ["run_generate"]


def _diff(plan: Plan) -> str:
    """Every write and deletion, and for each file left alone what Fortress would write."""
    chunks: list[str] = []
    changes = set(plan.changes)
    for op in plan.ops:
        if op not in changes and not (op.blocking and op.content is not None):
            continue
        old = (op.old or "").splitlines(keepends=True)
        new = (op.content or "").splitlines(keepends=True)
        source = f"a/{op.path}" if op.old is not None else "/dev/null"
        target = "/dev/null" if op.status == "delete" else f"b/{op.path}"
        chunks.extend(difflib.unified_diff(old, new, source, target))
    return "".join(chunks)


def _summary(plan: Plan, *, written: bool) -> str:
    counts: dict[str, int] = {}
    for op in plan.ops:
        counts[op.status] = counts.get(op.status, 0) + 1
    verbs = ("create", "update", "merge", "conflict", "delete", "skip")
    parts = [f"{counts[s]} {s}" for s in verbs if s in counts]
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
    allow_destructive: bool = False,
    planner: Callable[[], Plan] | None = None,
    fail_on_change: bool = False,
) -> int:
    """Plan, report and (unless checking or dry-running) apply a generation.

    Returns:
        The exit code: 0 done or nothing to do, 1 conflicts, or drift under `check`.
    """
    if pending(project.root) == "committed":
        if check or dry_run:
            console.error(
                "an interrupted `fortress generate` left its changes half-applied; "
                "run `fortress generate` to finish them"
            )
            return int(ExitCode.FINDINGS)
        finished = recover(project.root)
        console.info(f"Finished an interrupted run: {len(finished)} file(s).")
    elif not (check or dry_run):
        recover(project.root)  # undo what a run killed while staging left
    plan = (
        planner()
        if planner is not None
        else plan_generation(project, now=now, allow_destructive=allow_destructive)
    )
    for op in plan.ops:
        if op.status != "identical" or console.verbose:
            console.status(op.status, op.path, op.reason)
    if diff:
        console.result(_diff(plan))
    if plan.in_step and not plan.conflicts:
        if not plan.is_noop and not (check or dry_run):
            apply_plan(plan, project.root)  # the lock's fingerprints only
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
    if plan.conflicts:
        _conflict_note(plan)
        return int(ExitCode.FINDINGS)
    if fail_on_change:  # written: the user reviews and stages it
        console.note("files changed: review them and stage them (git add), then commit again")
        return int(ExitCode.FINDINGS)
    return int(ExitCode.OK)


def _conflict_note(plan: Plan) -> None:
    marked = [op.path for op in plan.conflicts if op.status == "conflict"]
    left = [op.path for op in plan.conflicts if op.status != "conflict"]
    if marked:
        console.note(
            f"{len(marked)} file(s) hold conflict markers where your edits and the new "
            "generated code change the same lines: resolve them (keep what you need "
            "between <<<<<<< yours and >>>>>>> fortress), then commit."
        )
    if left:
        console.note(
            f"{len(left)} file(s) were left as they are (see the reasons above); "
            "compare them with what Fortress would write using `fortress generate --diff`."
        )
