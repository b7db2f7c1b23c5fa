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
\b
Writes per entity the model, schemas, repository, service, endpoints and tests; registers
the router in <package>/api/v1/__init__.py and the model in <package>/models/__init__.py;
adds a migration to migrations/versions/ when the schema changed; updates fortress.lock.
A file you edited is never overwritten: it is listed as a conflict and the exit code is 1.
An entity with `events:` gets <package>/tasks/{Entity}Tasks.py once; it is yours after that.
"""


def command(
    check: bool = typer.Option(
        False, "--check", help="Change nothing; exit 1 if any file would change."
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show the plan; write nothing."),
    diff: bool = typer.Option(False, "--diff", help="Print a unified diff of every write."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List unchanged files too."),
    now: str | None = NowOption,
    root: Path | None = RootOption,
) -> None:
    """Generate every layer of every entity in specs/, keeping your edits."""
    # The pipeline is imported when the command runs, so `--help` stays fast.
    from fortress_gen.cli._report import run_generate
    from fortress_gen.spec.project import load_project

    console.verbose = verbose
    project = load_project(project_root(root))
    code = run_generate(project, now=parse_now(now), check=check, dry_run=dry_run, diff=diff)
    raise typer.Exit(code)
