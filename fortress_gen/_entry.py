"""The `fortress` console script: the no-op fast path, then the CLI.

`fortress generate --check` runs on every commit (pre-commit) and in CI. When nothing can
have changed (`fortress_gen.fastpath`), it answers here, before typer, pydantic and Jinja are
imported (together about 0.3 s); otherwise the full CLI runs. A plain `fortress check`
command line runs without typer too (`fortress_gen.check.command`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["main"]

_FAST_FORMS: tuple[set[str], ...] = ({"--check"}, {"--fail-on-change"}, set())


def _answered_fast(argv: list[str]) -> bool:
    if not argv or argv[0] != "generate" or set(argv[1:]) not in _FAST_FORMS:
        return False
    if os.environ.get("FORTRESS_NO_FAST_PATH"):
        return False
    from fortress_gen.fastpath import IN_STEP_MESSAGE, find_root, in_step

    root = find_root(Path.cwd())
    if root is None or not in_step(root):
        return False
    sys.stderr.write(IN_STEP_MESSAGE + "\n")
    return True


def main() -> None:
    """Run `fortress`."""
    if _answered_fast(sys.argv[1:]):
        return
    if sys.argv[1:2] == ["check"]:
        from fortress_gen.check.command import answer

        answer(sys.argv[2:])  # exits, unless the command line needs typer
    from fortress_gen.cli import main as cli_main

    cli_main()
