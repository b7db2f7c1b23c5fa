"""apply_plan and the transaction: staged first, committed by a journal, finished by recover."""

from __future__ import annotations

import errno
import json
from collections.abc import Callable
from pathlib import Path

import fortress_testing
import pytest

from fortress_gen import transaction
from fortress_gen.errors import WriteError
from fortress_gen.generate import plan_generation
from fortress_gen.lock import LOCK_FILE, Lock
from fortress_gen.plan.ops import FileOp, Plan
from fortress_gen.spec.project import load_project
from fortress_gen.transaction import JOURNAL, Change, commit, pending, recover
from fortress_gen.write import apply_plan

CUSTOMER = "entity: Customer\nfields:\n  name: str\n  email: {type: email, unique: true}\n"
ORDER = "entity: Order\nfields:\n  total: decimal\nrelations:\n  customer: {target: Customer}\n"


Tree = dict[str, tuple[bytes, int, int] | None]


def _tree(root: Path) -> Tree:
    """Every file (bytes, mtime, inode) and every directory under `root`."""
    tree: Tree = {}
    for path in sorted(root.rglob("*")):
        key = path.relative_to(root).as_posix()
        if path.is_dir():
            tree[key + "/"] = None
        else:
            stat = path.stat()
            tree[key] = (path.read_bytes(), stat.st_mtime_ns, stat.st_ino)
    return tree


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _plan(*ops: FileOp, lock_text: str = '{"version": 2}\n') -> Plan:
    return Plan(ops=ops, lock=Lock(), lock_text=lock_text, lock_changed=True)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A small tree: three files with content, and a directory to add files to."""
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg/a.py").write_text("a = 1\n", encoding="utf-8")
    (tmp_path / "pkg/b.py").write_text("b = 1\n", encoding="utf-8")
    (tmp_path / "pkg/old.py").write_text("old = 1\n", encoding="utf-8")
    (tmp_path / LOCK_FILE).write_text("{}\n", encoding="utf-8")
    return tmp_path


def _ops() -> tuple[FileOp, ...]:
    return (
        FileOp("pkg/a.py", "update", content="a = 2\n", old="a = 1\n"),
        FileOp("pkg/b.py", "merge", content="b = 2\n", old="b = 1\n"),
        FileOp("pkg/new/c.py", "create", content="c = 2\n"),
        FileOp("deep/er/d.py", "create", content="d = 2\n"),
        FileOp("pkg/e.py", "conflict", content="<<<<<<< yours\n", old="e\n"),
        FileOp("pkg/old.py", "delete", old="old = 1\n"),
        FileOp("pkg/same.py", "identical"),
        FileOp("pkg/mine.py", "skip", content="never written\n", old="mine\n", blocking=True),
    )


AFTER = {
    "pkg/a.py": b"a = 2\n",
    "pkg/b.py": b"b = 2\n",
    "pkg/new/c.py": b"c = 2\n",
    "deep/er/d.py": b"d = 2\n",
    "pkg/e.py": b"<<<<<<< yours\n",
    LOCK_FILE: b'{"version": 2}\n',
}


def test_apply_plan_writes_changes_deletions_and_the_lock(tree: Path) -> None:
    written = apply_plan(_plan(*_ops()), tree)
    assert written == [
        "pkg/a.py",
        "pkg/b.py",
        "pkg/new/c.py",
        "deep/er/d.py",
        "pkg/e.py",
        "pkg/old.py",
    ]
    assert _files(tree) == AFTER
    assert pending(tree) is None


def test_line_endings_are_written_as_lf(tree: Path) -> None:
    apply_plan(_plan(FileOp("pkg/a.py", "update", content="x = 1\ny = 2\n")), tree)
    assert (tree / "pkg/a.py").read_bytes() == b"x = 1\ny = 2\n"


def test_every_file_is_staged_and_committed_before_any_is_replaced(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[tuple[str, str]] = []
    stage = transaction._write
    real_replace = Path.replace

    def recording_stage(path: Path, text: str, *, durable: bool = False) -> None:
        if path.name.startswith("transaction.json"):
            events.append(("journal", json.loads(text)["state"]))
        else:
            events.append(("stage", path.relative_to(tree).as_posix()))
        stage(path, text, durable=durable)

    def recording_replace(self: Path, target: Path) -> Path:
        if Path(target).name != "transaction.json":
            if not any(kind == "replace" for kind, _ in events):
                assert (tree / "pkg/a.py").read_text(encoding="utf-8") == "a = 1\n"
                assert pending(tree) == "committed"
            events.append(("replace", Path(target).relative_to(tree).as_posix()))
        return real_replace(self, target)

    monkeypatch.setattr(transaction, "_write", recording_stage)
    monkeypatch.setattr(Path, "replace", recording_replace)
    apply_plan(_plan(*_ops()), tree)

    kinds = [kind for kind, _ in events]
    assert kinds == ["journal"] + ["stage"] * 6 + ["journal"] + ["replace"] * 6
    assert events[-1] == ("replace", LOCK_FILE)  # the lock goes last


def _fail_on_call(number: int, real: Callable[..., object], error: BaseException) -> object:
    calls = {"n": 0}

    def failing(*args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] == number:
            raise error
        return real(*args, **kwargs)

    return failing


@pytest.mark.parametrize("failing_call", [2, 4, 6, 7])
def test_a_failure_while_staging_changes_nothing(
    tree: Path, monkeypatch: pytest.MonkeyPatch, failing_call: int
) -> None:
    before = _tree(tree)
    error = OSError(errno.ENOSPC, "No space left on device", "somewhere")
    failing = _fail_on_call(failing_call, transaction._write, error)
    monkeypatch.setattr(transaction, "_write", failing)
    with pytest.raises(WriteError, match="could not write somewhere: No space left on device"):
        apply_plan(_plan(*_ops()), tree)
    assert _tree(tree) == before  # no file changed, no temp file, no journal, no new directory


def test_an_interrupt_while_staging_changes_nothing(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _tree(tree)
    failing = _fail_on_call(4, transaction._write, KeyboardInterrupt())
    monkeypatch.setattr(transaction, "_write", failing)
    with pytest.raises(KeyboardInterrupt):
        apply_plan(_plan(*_ops()), tree)
    assert _tree(tree) == before


def test_a_target_under_a_file_is_a_write_error_and_changes_nothing(tree: Path) -> None:
    (tree / "blocker").write_text("a file, not a directory\n", encoding="utf-8")
    before = _tree(tree)
    ops = (*_ops()[:3], FileOp("blocker/x.py", "create", content="x = 1\n"))
    with pytest.raises(WriteError, match="could not write"):
        apply_plan(_plan(*ops), tree)
    assert _tree(tree) == before


def test_a_failed_replace_is_finished_by_recover(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    error = PermissionError(errno.EACCES, "Permission denied")
    with monkeypatch.context() as patch:
        patch.setattr(Path, "replace", _fail_on_call(5, Path.replace, error))
        with pytest.raises(WriteError, match=r"could not replace pkg/new/c\.py: Permission denied"):
            apply_plan(_plan(*_ops()), tree)
    assert (tree / "pkg/a.py").read_text(encoding="utf-8") == "a = 2\n"  # already replaced
    assert (tree / LOCK_FILE).read_text(encoding="utf-8") == "{}\n"  # the lock goes last
    assert pending(tree) == "committed"
    assert sorted(recover(tree)) == [*sorted(AFTER), "pkg/old.py"]
    assert _files(tree) == AFTER
    assert pending(tree) is None


def test_recover_undoes_a_transaction_killed_while_staging(tree: Path) -> None:
    before = _files(tree)
    (tree / ".fortress").mkdir()
    changes = [Change("pkg/a.py", "a = 3\n"), Change("pkg/b.py", None)]
    (tree / JOURNAL).write_text(
        json.dumps({"state": "staging", "changes": [{"path": "pkg/a.py", "delete": False}]}),
        encoding="utf-8",
    )
    (tree / "pkg/a.py.fortress-tmp").write_text("a = 3\n", encoding="utf-8")
    assert pending(tree) == "staging"
    assert recover(tree) == []
    assert _files(tree) == before
    commit(tree, changes)  # and the next transaction runs normally
    assert (tree / "pkg/a.py").read_text(encoding="utf-8") == "a = 3\n"
    assert not (tree / "pkg/b.py").exists()


def test_a_failed_run_on_a_project_is_finished_by_the_next(
    tmp_path: Path, template_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    conftest = fortress_testing
    broken = conftest.new_project(tmp_path / "broken", template_cache)
    clean = conftest.new_project(tmp_path / "clean", template_cache)
    for root in (broken, clean):
        (root / "specs/Customer.yaml").write_text(CUSTOMER, encoding="utf-8")
        (root / "specs/Order.yaml").write_text(ORDER, encoding="utf-8")
    conftest.generate(clean)

    before = _tree(broken)
    plan = plan_generation(load_project(broken), now=conftest.FROZEN_NOW)
    assert len(plan.changes) > 3
    with monkeypatch.context() as patch:
        error = OSError(errno.ENOSPC, "No space left on device", "x")
        patch.setattr(transaction, "_write", _fail_on_call(3, transaction._write, error))
        with pytest.raises(WriteError):
            apply_plan(plan, broken)
    assert _tree(broken) == before

    with monkeypatch.context() as patch:
        patch.setattr(Path, "replace", _fail_on_call(4, Path.replace, OSError(errno.EIO, "EIO")))
        with pytest.raises(WriteError):
            apply_plan(plan, broken)
    assert pending(broken) == "committed"

    conftest.generate(broken)  # the next run finishes the job
    files = {p for p in _tree(broken) if not p.endswith("/")}
    assert files == {p for p in _tree(clean) if not p.endswith("/")}
    for path in files:
        assert (broken / path).read_bytes() == (clean / path).read_bytes(), path
