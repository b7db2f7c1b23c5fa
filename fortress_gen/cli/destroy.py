"""`fortress destroy`: remove an entity and what was generated for it."""

from __future__ import annotations

from pathlib import Path

import typer

from fortress_gen.cli._console import console
from fortress_gen.cli._options import NowOption, RootOption, parse_now, project_root

EPILOG = """\b
Examples:
  fortress destroy Order --dry-run --diff      see what would go
  fortress destroy Order --allow-destructive   remove it and drop its table
\b
Deletes specs/Order.yaml and the files generated for Order that you never edited (edited
ones stay, and are listed, unless --force), takes its router out of
<package>/api/v1/__init__.py and its model out of <package>/models/__init__.py keeping
every other line, and writes a new migration that drops its table. Dropping a table loses
its rows, so that needs --allow-destructive; without it nothing is written and the exit
code is 1. An entity other specs still refer to cannot be destroyed (exit 2).
"""


def command(
    name: str = typer.Argument(..., help="The entity to remove (e.g. Order)."),
    force: bool = typer.Option(
        False, "--force", help="Also delete generated files you edited (your edits are lost)."
    ),
    allow_destructive: bool = typer.Option(
        False, "--allow-destructive", help="Write the migration that drops the table."
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show the plan; write nothing."),
    diff: bool = typer.Option(False, "--diff", help="Print a unified diff of every change."),
    now: str | None = NowOption,
    root: Path | None = RootOption,
) -> None:
    """Remove an entity: its spec, its unedited files, its registrations; drop its table."""
    from fortress_gen.cli._report import run_generate
    from fortress_gen.destroy import plan_destroy
    from fortress_gen.spec.project import load_project

    project = load_project(project_root(root))
    moment = parse_now(now)
    code = run_generate(
        project,
        dry_run=dry_run,
        diff=diff,
        planner=lambda: plan_destroy(
            project, name, force=force, allow_destructive=allow_destructive, now=moment
        ),
    )
    if code == 0 and not dry_run:
        console.info(f"{name} is gone; run `alembic upgrade head` to drop its table.")
    raise typer.Exit(code)
