"""fortress.lock: what Fortress generated last time, so it can tell a user's edit from its own.

The lock is committed with the project. It is JSON with sorted keys and one entry per line,
so diffs stay readable. It records per generated file its entity and the SHA-256 of the text
Fortress wrote; the schema snapshot as of the last migration and that migration's revision;
and the Fortress and formatter versions that produced it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fortress_gen.errors import ProjectError

__all__ = ["LOCK_FILE", "FileRecord", "Lock", "digest", "read_lock", "render_lock"]

LOCK_FILE = "fortress.lock"
_FORMAT_VERSION = 1


def digest(text: str) -> str:
    """The SHA-256 of a file's text, as stored in the lock."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class FileRecord:
    """One generated file: the entity it belongs to (None for project-wide files) and its hash."""

    entity: str | None
    sha256: str


@dataclass(frozen=True)
class Lock:
    """The state of the last successful `fortress generate`."""

    fortress: str = ""
    formatter: str = ""
    files: dict[str, FileRecord] = field(default_factory=dict)
    migration_head: str | None = None
    snapshot: dict[str, Any] | None = None

    def generated(self, path: str) -> FileRecord | None:
        """The record of a file Fortress generated, or None."""
        return self.files.get(path)


def read_lock(root: Path) -> Lock:
    """Read `fortress.lock` under `root`; an absent lock is an empty one.

    Raises:
        ProjectError: If the lock exists but is not a lock Fortress wrote.
    """
    path = root / LOCK_FILE
    if not path.is_file():
        return Lock()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        version = data.get("version", _FORMAT_VERSION)
        if not isinstance(version, int) or version > _FORMAT_VERSION:
            raise ProjectError(
                f"{LOCK_FILE} was written by a newer Fortress (lock format {version}; "
                f"this Fortress reads format {_FORMAT_VERSION})",
                hint="upgrade Fortress: pip install -U fortress-gen",
            )
        files = {
            name: FileRecord(entity=record.get("entity"), sha256=record["sha256"])
            for name, record in data.get("files", {}).items()
        }
        migrations = data.get("migrations", {})
        return Lock(
            fortress=data.get("fortress", ""),
            formatter=data.get("formatter", ""),
            files=files,
            migration_head=migrations.get("head"),
            snapshot=migrations.get("snapshot"),
        )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ProjectError(
            f"{LOCK_FILE} is not a valid lock file: {exc}",
            hint="restore it from version control; it records what Fortress generated",
        ) from exc


def render_lock(lock: Lock) -> str:
    """The lock as sorted, indented JSON with a trailing newline."""
    data = {
        "version": _FORMAT_VERSION,
        "fortress": lock.fortress,
        "formatter": lock.formatter,
        "files": {
            name: {"entity": record.entity, "sha256": record.sha256}
            for name, record in sorted(lock.files.items())
        },
        "migrations": {"head": lock.migration_head, "snapshot": lock.snapshot},
    }
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
