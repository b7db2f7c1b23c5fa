"""fortress.lock: what Fortress generated last time, so it can tell a user's edit from its own.

The lock is committed with the project. It is JSON with sorted keys and one entry per line,
so diffs stay readable. It records:

- per generated file its entity and the SHA-256 of the text Fortress wrote; that text itself
  is kept beside the lock in `.fortress/base/<sha256>` (see `fortress_gen.basestore`) and is
  the base of the three-way merge when both the user and the specs changed the file;
- per user-owned file Fortress patches (router registration, model imports) the hash after
  the patch, so a later run knows nobody touched it since;
- the fingerprints of what the last run read (`inputs`: the generator, the project settings,
  the specs as a whole and each entity with what its files depend on), which let a run skip
  entities whose inputs did not change and a no-op `generate --check` answer without
  rendering anything;
- the schema snapshot as of the last migration and that migration's revision;
- the Fortress and formatter versions that produced it.

Format 1 (the walking skeleton's) is still read: it has no inputs and no patches, so the
first run after an upgrade renders everything and records them.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fortress_gen.errors import ProjectError

__all__ = ["LOCK_FILE", "FileRecord", "Inputs", "Lock", "digest", "read_lock", "render_lock"]

LOCK_FILE = "fortress.lock"
_FORMAT_VERSION = 2


def digest(text: str) -> str:
    """The SHA-256 of a file's text, as stored in the lock."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class FileRecord:
    """One generated file: the entity it belongs to (None for project-wide files) and its hash."""

    entity: str | None
    sha256: str


@dataclass(frozen=True)
class Inputs:
    """Fingerprints of what a run read; equal fingerprints mean equal output.

    Attributes:
        generator: Fortress's code and templates.
        project: The settings that shape every file (fortress.yaml, the formatter's version
            and configuration).
        specs_dir: The folder of specs, relative to the root (from fortress.yaml).
        specs: The spec files as bytes, for the no-op fast path.
        entities: Per entity, its spec and the specs its files depend on, with `generator`
            and `project` folded in.
    """

    generator: str = ""
    project: str = ""
    specs_dir: str = "specs"
    specs: str = ""
    entities: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Lock:
    """The state of the last successful `fortress generate`."""

    fortress: str = ""
    formatter: str = ""
    files: dict[str, FileRecord] = field(default_factory=dict)
    patches: dict[str, str] = field(default_factory=dict)
    inputs: Inputs | None = None
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
        return parse_lock(path.read_text(encoding="utf-8"))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ProjectError(
            f"{LOCK_FILE} is not a valid lock file: {exc}",
            hint="restore it from version control; it records what Fortress generated",
        ) from exc


def parse_lock(text: str) -> Lock:
    """The lock a text holds (see `read_lock`); raises ValueError & co. on a malformed one."""
    data = json.loads(text)
    version = data.get("version", 1)
    if not isinstance(version, int) or version > _FORMAT_VERSION:
        raise ProjectError(
            f"{LOCK_FILE} was written by a newer Fortress (lock format {version}; "
            f"this Fortress reads formats up to {_FORMAT_VERSION})",
            hint="upgrade Fortress: pip install -U fortress-gen",
        )
    files = {
        name: FileRecord(entity=record.get("entity"), sha256=record["sha256"])
        for name, record in data.get("files", {}).items()
    }
    raw_inputs = data.get("inputs")
    inputs = (
        Inputs(
            generator=str(raw_inputs["generator"]),
            project=str(raw_inputs["project"]),
            specs_dir=str(raw_inputs["specs_dir"]),
            specs=str(raw_inputs["specs"]),
            entities={str(k): str(v) for k, v in raw_inputs["entities"].items()},
        )
        if raw_inputs
        else None
    )
    migrations = data.get("migrations", {})
    return Lock(
        fortress=data.get("fortress", ""),
        formatter=data.get("formatter", ""),
        files=files,
        patches={str(k): str(v) for k, v in data.get("patches", {}).items()},
        inputs=inputs,
        migration_head=migrations.get("head"),
        snapshot=migrations.get("snapshot"),
    )


def render_lock(lock: Lock) -> str:
    """The lock as sorted, indented JSON with a trailing newline."""
    data: dict[str, Any] = {
        "version": _FORMAT_VERSION,
        "fortress": lock.fortress,
        "formatter": lock.formatter,
        "files": {
            name: {"entity": record.entity, "sha256": record.sha256}
            for name, record in sorted(lock.files.items())
        },
        "patches": dict(sorted(lock.patches.items())),
        "inputs": None
        if lock.inputs is None
        else {
            "generator": lock.inputs.generator,
            "project": lock.inputs.project,
            "specs_dir": lock.inputs.specs_dir,
            "specs": lock.inputs.specs,
            "entities": dict(sorted(lock.inputs.entities.items())),
        },
        "migrations": {"head": lock.migration_head, "snapshot": lock.snapshot},
    }
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
