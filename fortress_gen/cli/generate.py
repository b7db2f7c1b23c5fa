"""`fortress generate`: bring every generated file and the migrations in step with the specs."""

from __future__ import annotations

from pathlib import Path

import typer

from fortress_gen.cli._console import console
from fortress_gen.cli._options import NowOption, RootOption, parse_now, project_root

EPILOG = """\b
Examples:
  fortress generate                 bring every file in step with specs/
  fortress generate --check         for CI and pre-commit: exit 1 if anything would change
  fortress generate --dry-run --diff
  fortress generate --fail-on-change  the pre-commit hook: write, exit 1 if anything changed
\b
Writes per entity the model, schemas, repository, service, endpoints and tests; registers
the router in <package>/api/v1/__init__.py and the model in <package>/models/__init__.py;
adds a migration to migrations/versions/ when the schema changed; updates fortress.lock.
A file you edited is merged three ways (last generated / yours / new): edits on other lines
merge silently ("merge"); edits on the same lines get git-style conflict markers, are listed
("conflict") and the exit code is 1. A generated file you deleted is not recreated ("skip").
Files no spec produces any more are deleted if you never edited them ("delete").
A migration that drops tables or columns needs --allow-destructive.
"""


def command(
    check: bool = typer.Option(
        False, "--check", help="Change nothing; exit 1 if any file would change."
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show the plan; write nothing."),
    fail_on_change: bool = typer.Option(
        False,
        "--fail-on-change",
        help="Write, then exit 1 if any file was written (the pre-commit hook).",
    ),
    diff: bool = typer.Option(False, "--diff", help="Print a unified diff of every write."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List unchanged files too."),
    allow_destructive: bool = typer.Option(
        False,
        "--allow-destructive",
        help="Allow a migration that drops tables or columns (their data is lost).",
    ),
    now: str | None = NowOption,
    root: Path | None = RootOption,
) -> None:
    """Generate every layer of every entity in specs/, keeping your edits."""
    # The pipeline is imported when the command runs, so `--help` stays fast.
    from fortress_gen.cli._report import run_generate
    from fortress_gen.spec.project import load_project

    console.verbose = verbose
    project = load_project(project_root(root))
    code = run_generate(
        project,
        now=parse_now(now),
        check=check,
        dry_run=dry_run,
        diff=diff,
        allow_destructive=allow_destructive,
        fail_on_change=fail_on_change,
    )
    raise typer.Exit(code)
