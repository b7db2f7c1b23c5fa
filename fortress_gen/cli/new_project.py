"""`fortress new-project`: make a runnable FastAPI project from the copier template."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from fortress_gen.cli._console import console
from fortress_gen.errors import FortressError

EPILOG = """\b
Examples:
  fortress new-project shop
  fortress new-project shop --data package=shop_api --data style=pep8
  copier copy <this repository> shop      (the same template, straight from git)
\b
Answers: project_name, package (default app), style (fortress|pep8), formatter (ruff|black),
database (sqlite|postgresql). Without a terminal on stdin, defaults are taken.
The project runs on SQLite with no services: `pip install -e '.[dev]' && pytest`.
"""


def _parse_data(items: list[str]) -> dict[str, str]:
    data: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise FortressError(
                f"--data '{item}' is not key=value", hint="e.g. --data package=shop"
            )
        data[key.strip()] = value.strip()
    return data


def command(
    name: Path = typer.Argument(..., help="The directory to create; its name is the title."),
    data: list[str] = typer.Option(
        [], "--data", "-d", help="A template answer as key=value; repeatable."
    ),
) -> None:
    """Create a new project that runs on SQLite with no services."""
    from fortress_gen.project import create_project  # imported when the command runs

    answers = _parse_data(data)
    answers.setdefault("project_name", name.name)
    interactive = sys.stdin.isatty() and not data
    path = create_project(name, data=answers, defaults=not interactive)
    console.status("create", path.as_posix())
    console.info(
        "\nNext:\n"
        f"  cd {path.as_posix()}\n"
        "  pip install -e '.[dev]'\n"
        "  fortress new-entity Customer name:str email:email:unique\n"
        "  alembic upgrade head && pytest\n"
    )
    raise typer.Exit(0)
