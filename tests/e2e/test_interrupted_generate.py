"""Kill `fortress generate` at random points: never a mixed tree.

Each round copies a generated project whose specs have just changed (a new entity, a changed
field, a removed entity: files to create, update, merge and delete, a migration, new merge
bases and stale ones), starts `fortress generate` on it as a user would, and SIGKILLs it
after a random delay: spread over a whole run in a third of the rounds, and in the others
a few milliseconds after the journal appears or is committed, to land in the short staging
and replacing phases. Then the tree must be one of:

- the old tree (killed before the journal was committed; leftovers are only `.fortress-tmp`
  files and a `staging` journal, which the next run's `recover` removes), or
- the new tree, at once or after `recover` rolls a committed journal forward,

byte for byte, as an uninterrupted run leaves it. Rounds: FORTRESS_KILL_ROUNDS (default 24).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fortress_testing import FROZEN_EPOCH, generate, new_project

from fortress_gen.transaction import pending, recover

pytestmark = pytest.mark.e2e

CUSTOMER = (
    "entity: Customer\nfields:\n"
    "  name: {type: str, max_length: 120}\n  email: {type: email, unique: true}\n"
)
ORDER = "entity: Order\nfields:\n  total: decimal\nrelations:\n  customer: {target: Customer}\n"
NOTE = "entity: Note\nfields:\n  body: text\n"
TAG = "entity: Tag\nfields:\n  label: {type: str, max_length: 40}\n"
ROUNDS = int(os.environ.get("FORTRESS_KILL_ROUNDS", "24"))


def _files(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
        and "__pycache__" not in path.parts
        and not path.name.endswith(".fortress-tmp")
        and path.relative_to(root).as_posix() != ".fortress/transaction.json"
    }


def _run(root: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(FROZEN_EPOCH)}
    return subprocess.Popen(
        [sys.executable, "-m", "fortress_gen", "generate", "--allow-destructive"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


@pytest.fixture(scope="module")
def before(tmp_path_factory: pytest.TempPathFactory, template_cache: Path) -> Path:
    """A generated project whose specs then changed: the tree a killed run starts from."""
    root = new_project(tmp_path_factory.mktemp("kill") / "shop", template_cache)
    for name, text in (("Customer", CUSTOMER), ("Order", ORDER), ("Note", NOTE)):
        (root / "specs" / f"{name}.yaml").write_text(text, encoding="utf-8")
    generate(root)
    service = root / "app/services/CustomerService.py"
    service.write_text(service.read_text(encoding="utf-8") + "\n# my own rule\n", "utf-8")
    (root / "specs/Note.yaml").unlink()
    (root / "specs/Tag.yaml").write_text(TAG, encoding="utf-8")
    (root / "specs/Customer.yaml").write_text(
        CUSTOMER.replace("max_length: 120", "max_length: 120, description: Full name"), "utf-8"
    )
    return root


def test_a_killed_run_leaves_the_old_tree_or_the_new_one(before: Path, tmp_path: Path) -> None:
    old = _files(before)
    reference = tmp_path / "reference"
    shutil.copytree(before, reference)
    started = time.monotonic()
    result = _run(reference).wait(timeout=120)
    duration = time.monotonic() - started
    assert result == 0, result
    new = _files(reference)
    assert new != old

    rng = random.Random(20261129)
    outcomes: dict[str, int] = {}
    for round_number in range(ROUNDS):
        root = tmp_path / f"round{round_number}"
        shutil.copytree(before, root)
        process = _run(root)
        if round_number % 3 == 0:
            time.sleep(rng.uniform(0.0, duration * 1.2))
        else:  # aim at the short write phase: wait for the journal, then a little more
            wanted = "staging" if round_number % 3 == 1 else "committed"
            deadline = time.monotonic() + 60
            while pending(root) != wanted and process.poll() is None:
                assert time.monotonic() < deadline
                time.sleep(0.0005)
            time.sleep(rng.uniform(0.0, 0.004))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        state = pending(root)
        if state == "committed":
            recover(root)
            assert _files(root) == new, f"round {round_number}: rolled forward, not the new tree"
            outcome = "committed, finished by recover"
        else:
            tree = _files(root)
            assert tree in (old, new), f"round {round_number}: a mixed tree ({state=})"
            outcome = "old tree" if tree == old else "new tree"
            if state == "staging":
                recover(root)
                assert _files(root) == old
        assert pending(root) is None
        assert not list(root.rglob("*.fortress-tmp")) or outcome == "old tree"
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    print(f"{ROUNDS} killed runs: {outcomes}")
    assert sum(outcomes.values()) == ROUNDS
