"""The only printer: status verbs, errors and summaries; colour on a terminal, plain when piped."""

from __future__ import annotations

import os
import sys
from typing import TextIO

__all__ = ["Console", "console"]

_STYLES = {
    "create": "32",
    "update": "33",
    "identical": "2",
    "conflict": "31;1",
    "skip": "35",
    "error": "31;1",
    "note": "36",
}


class Console:
    """Writes status lines to stderr and results to stdout, like copier and alembic do."""

    def __init__(self, out: TextIO | None = None, err: TextIO | None = None) -> None:
        self._out = out
        self._err = err
        self.verbose = False

    @property
    def out(self) -> TextIO:
        return self._out or sys.stdout

    @property
    def err(self) -> TextIO:
        return self._err or sys.stderr

    def _colour(self, stream: TextIO, style: str, text: str) -> str:
        if os.environ.get("NO_COLOR") or not stream.isatty():
            return text
        return f"\033[{_STYLES.get(style, '0')}m{text}\033[0m"

    def status(self, verb: str, path: str, reason: str | None = None) -> None:
        """One line per file: `   create  app/models/Order.py`."""
        line = f"{self._colour(self.err, verb, f'{verb:>10}')}  {path}"
        if reason:
            line += f"  ({reason})"
        print(line, file=self.err)

    def info(self, text: str) -> None:
        """A plain line on stderr (summaries, next steps)."""
        print(text, file=self.err)

    def note(self, text: str) -> None:
        """A note the user should read, on stderr."""
        print(f"{self._colour(self.err, 'note', 'note:')} {text}", file=self.err)

    def error(self, text: str) -> None:
        """An error, on stderr."""
        print(f"{self._colour(self.err, 'error', 'error:')} {text}", file=self.err)

    def result(self, text: str) -> None:
        """Output a caller may pipe (a diff, the JSON Schema), on stdout."""
        self.out.write(text)


console = Console()
