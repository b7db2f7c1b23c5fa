"""Three-way merge of a generated file: last generated (base), the user's file, the new text.

Uses `git merge-file`, as copier does: the same algorithm, conflict style and markers users
already know from git. Only files that both the user and the specs changed get here.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from fortress_gen.errors import ProjectError

__all__ = ["MARKER_NEW", "MARKER_YOURS", "Merged", "merge_three"]

MARKER_YOURS = "yours"
MARKER_BASE = "last generated"
MARKER_NEW = "fortress"


@dataclass(frozen=True, slots=True)
class Merged:
    """The merged text, and how many conflict blocks it holds (0: a clean merge)."""

    text: str
    conflicts: int


def _git() -> str:
    git = shutil.which("git")
    if git is None:
        raise ProjectError(
            "merging your edits with the regenerated files needs git (`git merge-file`)",
            hint="install git, or revert your edits to the listed files",
        )
    return git


def merge_three(base: str, yours: str, new: str) -> Merged:
    """Merge the change base -> new into `yours`.

    Args:
        base: What Fortress generated last time.
        yours: The file as the user left it.
        new: What Fortress generates now.

    Returns:
        The merged text; conflicting regions carry git-style markers
        (``<<<<<<< yours`` / ``||||||| last generated`` / ``>>>>>>> fortress``).
    """
    with tempfile.TemporaryDirectory(prefix="fortress-merge-") as scratch:
        files = []
        for name, text in (("yours", yours), ("base", base), ("new", new)):
            path = Path(scratch, name)
            path.write_text(text, encoding="utf-8", newline="")
            files.append(str(path))
        result = subprocess.run(
            [
                _git(),
                "merge-file",
                "--stdout",
                "--diff3",
                "-L",
                MARKER_YOURS,
                "-L",
                MARKER_BASE,
                "-L",
                MARKER_NEW,
                *files,
            ],
            capture_output=True,
            check=False,
        )
    if result.returncode < 0 or result.returncode > 127:
        raise ProjectError(f"git merge-file failed: {result.stderr.decode(errors='replace')}")
    return Merged(result.stdout.decode("utf-8"), result.returncode)
