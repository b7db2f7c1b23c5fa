"""Helpers of the CLI tests: run `fortress` through its error funnel, projects, tree snapshots.

`run_main` calls `fortress_gen.cli.main` in-process (the function behind the console script,
where errors become messages and exit codes); `run_binary` runs the installed script in a
subprocess where the real process exit code and stderr matter.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from fortress_testing import new_project

from fortress_gen.cli import main

FORTRESS = Path(sys.executable).with_name("fortress")

CUSTOMER = """\
entity: Customer
fields:
  name: {type: str, max_length: 120}
  email: {type: email, unique: true}
"""
ORDER = """\
entity: Order
fields:
  total: decimal
relations:
  customer: {kind: many_to_one, target: Customer}
"""
CUSTOMER_FILES = (
    "app/models/Customer.py",
    "app/schemas/CustomerSchema.py",
    "app/repositories/CustomerRepository.py",
    "app/services/CustomerService.py",
    "app/api/v1/endpoints/customers.py",
    "tests/api/test_customers.py",
)


def make_project(
    destination: Path, cache_dir: Path, *, data: dict[str, str] | None = None, **specs: str
) -> Path:
    """A fresh project (the template rendered once per session) with the given spec files."""
    root = new_project(destination, cache_dir, data=data)
    for entity, text in specs.items():
        (root / "specs" / f"{entity}.yaml").write_text(text, encoding="utf-8")
    return root


@dataclass(frozen=True)
class Result:
    """What a `fortress` run printed and how it exited."""

    code: int
    out: str
    err: str


class Fortress:
    """Runs `fortress ARGS` in-process through `main()`, from a chosen working directory."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
        self._monkeypatch = monkeypatch
        self._capsys = capsys

    def __call__(self, *args: str, cwd: Path) -> Result:
        self._monkeypatch.chdir(cwd)
        self._monkeypatch.setattr(sys, "argv", ["fortress", *args])
        self._capsys.readouterr()
        code = 0
        try:
            main()
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        out, err = self._capsys.readouterr()
        return Result(code, out, err)


def run_binary(*args: str, cwd: Path) -> Result:
    """Run the installed `fortress` script in a subprocess (the real exit code and stderr)."""
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run(
        [str(FORTRESS), *args], cwd=cwd, capture_output=True, text=True, env=env, check=False
    )
    return Result(done.returncode, done.stdout, done.stderr)


Snapshot = dict[str, tuple[bytes, int, int] | None]


def snapshot(root: Path) -> Snapshot:
    """Every file's bytes, mtime and inode, and every directory, under `root`."""
    tree: Snapshot = {}
    for path in sorted(root.rglob("*")):
        key = path.relative_to(root).as_posix()
        if path.is_dir():
            tree[key + "/"] = None
        else:
            stat = path.stat()
            tree[key] = (path.read_bytes(), stat.st_mtime_ns, stat.st_ino)
    return tree


def changed_paths(before: Snapshot, after: Snapshot) -> list[str]:
    """The paths added, removed or changed (in bytes, mtime or inode) between two snapshots."""
    return sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))


def status_lines(err: str) -> dict[str, str]:
    """Path -> status verb, from the `   create  app/models/Order.py` lines of a run."""
    statuses: dict[str, str] = {}
    verbs = ("create", "update", "merge", "identical", "conflict", "delete", "skip")
    for line in err.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0] in verbs:
            statuses[parts[1]] = parts[0]
    return statuses
