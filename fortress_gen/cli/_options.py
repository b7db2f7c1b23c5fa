"""Options shared by several commands."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import typer

from fortress_gen.errors import FortressError

__all__ = ["NOW_HELP", "parse_now", "project_root"]

NOW_HELP = "Migration time (ISO 8601, UTC if no offset); default SOURCE_DATE_EPOCH, else now."
ROOT_HELP = "The project directory (default: the nearest parent with a fortress.yaml)."

RootOption = typer.Option(None, "--root", "-C", help=ROOT_HELP, show_default=False)
NowOption = typer.Option(None, "--now", help=NOW_HELP, show_default=False)


def project_root(root: Path | None) -> Path:
    """The project root: `--root`, else the nearest parent directory with a fortress.yaml."""
    from fortress_gen.root import find_project_root

    return find_project_root(root if root is not None else Path.cwd())


def parse_now(value: str | None) -> datetime | None:
    """Parse `--now`; None means "use SOURCE_DATE_EPOCH or the clock"."""
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise FortressError(
            f"--now: '{value}' is not a date and time",
            hint="use ISO 8601, e.g. 2026-01-31T12:00:00Z",
        ) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
