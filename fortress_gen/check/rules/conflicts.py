"""FTR503: unresolved merge-conflict markers, in any text file (a three-way merge leaves them).

A line starting with ``<<<<<<<`` (then a space or the line end) opens a conflict; inside it,
``|||||||``, ``=======`` and ``>>>>>>>`` lines are markers too. A ``=======`` line outside a
conflict (a reStructuredText or Markdown underline) is not.
"""

from __future__ import annotations

from collections.abc import Iterator

from fortress_gen.check.registry import RULES, Finding

__all__ = ["CODES", "check_text"]

CODES = ("FTR503",)

_OPEN, _BASE, _SPLIT, _CLOSE = "<<<<<<<", "|||||||", "=======", ">>>>>>>"


def _is_marker(line: str, marker: str) -> bool:
    return line.startswith(marker) and (len(line) == 7 or line[7] in " \t")


def check_text(path: str, text: str) -> Iterator[Finding]:
    """Report every conflict-marker line of a file's text."""
    if _OPEN not in text:
        return
    inside = False
    for number, line in enumerate(text.splitlines(), start=1):
        if _is_marker(line, _OPEN):
            inside = True
        elif inside and _is_marker(line, _CLOSE):
            inside = False
        elif not (inside and (_is_marker(line, _BASE) or line.rstrip() == _SPLIT)):
            continue
        shown = line.rstrip()
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        yield Finding(path, number, 1, "FTR503", f"{RULES['FTR503'].message}: `{shown}`")
