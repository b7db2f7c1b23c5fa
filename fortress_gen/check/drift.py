"""FTR501, FTR502: generated files and migrations out of step with the specs.

This asks the generator itself what `fortress generate` would do, through `plan_for_check`
alone, so the rule always agrees with `fortress generate --check`:

- FTR501: a generated file would be created (missing) or updated (the specs changed since),
  or the user edited a file whose generated text has since changed (a conflict to merge by
  hand). A file you edited while the specs still give the same text is not drift: editing
  generated code is allowed, and the other rules check it. A registration Fortress would
  add (router, model import) counts too.
- FTR502: the specs change the database schema and no migration for it exists yet.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fortress_gen.check.registry import RULES, Finding
from fortress_gen.plan.ops import Plan
from fortress_gen.spec.project import Project

__all__ = ["CODES", "drift_findings", "plan_for_check"]

CODES = ("FTR501", "FTR502")


def plan_for_check(project: Project) -> Plan:
    """The plan of a `fortress generate` of `project`, written nowhere.

    The one place `fortress check` calls the generator; re-wire it here when a faster
    check-only planner exists.
    """
    from fortress_gen.generate import plan_generation

    return plan_generation(project)


def drift_findings(root: Path, shown: Callable[[str], str]) -> list[Finding]:
    """Findings for every place the project is out of step with its specs.

    Args:
        root: The project root.
        shown: Turns a project-relative path into the path findings show.

    Raises:
        FortressError: The specs do not load (located, like `fortress generate` reports).
    """
    from fortress_gen.lock import digest
    from fortress_gen.spec.project import load_project

    plan = plan_for_check(load_project(root))
    findings: list[Finding] = []
    for op in plan.ops:
        detail: str | None = None
        if op.kind == "migration":
            if op.status == "create":
                findings.append(
                    Finding(
                        shown("fortress.lock"),
                        1,
                        1,
                        "FTR502",
                        f"{RULES['FTR502'].message}: `fortress generate` would write {op.path}",
                    )
                )
            continue
        if op.status == "create":
            detail = "missing; `fortress generate` would create it"
        elif op.status == "update":
            detail = "`fortress generate` would " + (
                "register the new code here" if op.kind == "patch" else "update it"
            )
        elif op.status == "conflict" and op.kind == "generated" and op.content is not None:
            record = plan.lock.generated(op.path)
            if record is None:
                detail = "not written by Fortress, and not what it would write here"
            elif record.sha256 != digest(op.content):
                detail = "edited, and the specs have changed what Fortress would write here"
        if detail is not None:
            findings.append(
                Finding(shown(op.path), 1, 1, "FTR501", f"{RULES['FTR501'].message}: {detail}")
            )
    return findings
