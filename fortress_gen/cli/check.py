"""`fortress check`: the architecture validator (rules documented in docs/rules.md)."""

from __future__ import annotations

from pathlib import Path

import typer

from fortress_gen.cli._console import console
from fortress_gen.cli._options import RootOption

EPILOG = """\b
Examples:
  fortress check                          the whole project, drift included
  fortress check app/services             some folders or files
  fortress check --format github          annotations for GitHub Actions
  fortress check --select FTR1 --ignore FTR107
\b
Output: path:line:col: CODE message, then a help line. Exit 0 clean, 1 findings, 2 usage.
Silence one line with `# fortress: ignore[FTR101]`; choose rules and per-file ignores in
[tool.fortress] of pyproject.toml. `fortress check --list-rules` lists every rule.
Changes no file; keeps a cache in .fortress_cache/ (ignored by git, safe to delete).
"""

FORMAT_HELP = "text (like ruff), json, github (Actions annotations) or sarif (2.1.0)."


def command(
    paths: list[Path] | None = typer.Argument(
        None,
        help="Files or folders to check (default: the whole project).",
        show_default=False,
        metavar="PATHS",
    ),
    output_format: str = typer.Option("text", "--format", help=FORMAT_HELP, metavar="FORMAT"),
    select: list[str] | None = typer.Option(
        None,
        "--select",
        help="Codes or prefixes to run, comma-separated (replaces the config).",
        metavar="CODES",
    ),
    ignore: list[str] | None = typer.Option(
        None,
        "--ignore",
        help="Codes or prefixes to leave out, comma-separated (repeatable).",
        metavar="CODES",
    ),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the cache."),
    no_hints: bool = typer.Option(False, "--no-hints", help="Text format: no help lines."),
    list_rules: bool = typer.Option(False, "--list-rules", help="List every rule and exit."),
    root: Path | None = RootOption,
) -> None:
    """Check the code against the architecture, the seed's rules and the specs."""
    from fortress_gen.check.command import CheckOptions, run
    from fortress_gen.errors import ExitCode

    if list_rules:
        from fortress_gen.check.registry import RULES

        console.result("".join(f"{r.code}  {r.name:<40} {r.message}\n" for r in RULES.values()))
        raise typer.Exit(int(ExitCode.OK))
    options = CheckOptions(
        list(paths or ()), output_format, select, ignore, no_cache, no_hints, root
    )
    raise typer.Exit(run(options))
