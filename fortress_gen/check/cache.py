"""The check cache: a file's findings are reused while it and what its rules read are unchanged.

Like ruff's cache, it lives in the project (``.fortress_cache/``, which ignores itself in
git) and only ever saves time: an entry is used when the file's bytes, and the bytes of every
project module its rules looked at (a helper that raises ``HTTPException``, a session alias),
are what they were, under the same Fortress, rules, package, style and entities. Entries hold
every rule's findings before selection and ignores, so changing those needs no new run.
Drift keeps one entry: the hash of every input of the generator's plan.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fortress_gen import __version__

__all__ = ["CACHE_DIR", "Cache", "digest"]

CACHE_DIR = ".fortress_cache"
_FILE = "check.json"

Raw = list[tuple[int, int, str, str]]  # line, column, code, message


def digest(data: bytes) -> str:
    """The hash that identifies a file's content in the cache."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _rules_digest() -> str:
    """The rules' own code: an edited rule must not reuse the findings of the old one."""
    package = Path(__file__).parent
    h = hashlib.blake2b(digest_size=16)
    for path in sorted(package.rglob("*.py")):
        h.update(path.relative_to(package).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


@dataclass
class Cache:
    """The cache of one project; `load` it, `get`/`put` entries, then `save`."""

    root: Path
    key: str
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    drift: dict[str, Any] | None = None
    changed: bool = False

    @classmethod
    def load(cls, root: Path, context: list[str]) -> Cache:
        """The cache of `root` for this context; empty when absent, stale or unreadable."""
        h = hashlib.blake2b(digest_size=16)
        for part in (__version__, sys.version, _rules_digest(), *context):
            h.update(part.encode())
            h.update(b"\0")
        key = h.hexdigest()
        try:
            data = json.loads((root / CACHE_DIR / _FILE).read_text("utf-8"))
        except (OSError, ValueError):
            return cls(root, key)
        if not isinstance(data, dict) or data.get("key") != key:
            return cls(root, key)
        return cls(root, key, dict(data.get("files", {})), data.get("drift"))

    def get(self, relpath: str, sha: str, dep_sha: Any) -> Raw | None:
        """The cached findings of a file, if it and its dependencies are unchanged."""
        entry = self.files.get(relpath)
        if entry is None or entry.get("sha") != sha:
            return None
        if any(dep_sha(module) != value for module, value in entry.get("deps", {}).items()):
            return None
        return [tuple(item) for item in entry["findings"]]

    def put(self, relpath: str, sha: str, deps: dict[str, str], findings: Raw) -> None:
        """Remember a file's findings."""
        self.files[relpath] = {"sha": sha, "deps": deps, "findings": [list(f) for f in findings]}
        self.changed = True

    def save(self, keep: set[str] | None = None) -> None:
        """Write the cache (with `keep`, only the entries of those files); never fails."""
        if not self.changed and (keep is None or set(self.files) <= keep):
            return
        files = {p: e for p, e in self.files.items() if keep is None or p in keep}
        data = {"key": self.key, "files": files, "drift": self.drift}
        directory = self.root / CACHE_DIR
        try:
            directory.mkdir(exist_ok=True)
            ignore = directory / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# Made by fortress check; safe to delete.\n*\n", "utf-8")
            fd, temp = tempfile.mkstemp(dir=directory, prefix=".check-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as stream:
                json.dump(data, stream, separators=(",", ":"))
            Path(temp).replace(directory / _FILE)
        except OSError:
            return
