"""apply_plan: every file is staged before any is replaced, and a failure changes nothing."""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path

import fortress_testing
import pytest

from fortress_gen import write
from fortress_gen.errors import WriteError
from fortress_gen.generate import plan_generation
from fortress_gen.lock import LOCK_FILE, Lock
from fortress_gen.plan.ops import FileOp, Plan
from fortress_gen.spec.project import load_project
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


def _plan(*ops: FileOp, lock_text: str = '{"version": 1}\n') -> Plan:
    return Plan(ops=ops, lock=Lock(), lock_text=lock_text, lock_changed=True)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A small tree: two files with content, and a directory to add files to."""
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg/a.py").write_text("a = 1\n", encoding="utf-8")
    (tmp_path / "pkg/b.py").write_text("b = 1\n", encoding="utf-8")
    (tmp_path / LOCK_FILE).write_text("{}\n", encoding="utf-8")
    return tmp_path


def _five_ops() -> tuple[FileOp, ...]:
    return (
        FileOp("pkg/a.py", "update", content="a = 2\n", old="a = 1\n"),
        FileOp("pkg/b.py", "update", content="b = 2\n", old="b = 1\n"),
        FileOp("pkg/new/c.py", "create", content="c = 2\n"),
        FileOp("deep/er/d.py", "create", content="d = 2\n"),
        FileOp("pkg/e.py", "create", content="e = 2\n"),
        FileOp("pkg/same.py", "identical"),
        FileOp("pkg/mine.py", "conflict", content="never written\n", old="mine\n"),
    )


def test_apply_plan_writes_changes_and_the_lock(tree: Path) -> None:
    written = apply_plan(_plan(*_five_ops()), tree)
    assert written == ["pkg/a.py", "pkg/b.py", "pkg/new/c.py", "deep/er/d.py", "pkg/e.py"]
    assert (tree / "pkg/a.py").read_text(encoding="utf-8") == "a = 2\n"
    assert (tree / "deep/er/d.py").read_text(encoding="utf-8") == "d = 2\n"
    assert (tree / LOCK_FILE).read_text(encoding="utf-8") == '{"version": 1}\n'
    assert not (tree / "pkg/same.py").exists()
    assert not (tree / "pkg/mine.py").exists()
    assert not list(tree.rglob("*.fortress-tmp"))


def test_line_endings_are_written_as_lf(tree: Path) -> None:
    apply_plan(_plan(FileOp("pkg/a.py", "update", content="x = 1\ny = 2\n")), tree)
    assert (tree / "pkg/a.py").read_bytes() == b"x = 1\ny = 2\n"


def test_every_file_is_staged_before_any_is_replaced(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[tuple[str, str]] = []
    stage = write._stage

    def recording_stage(target: Path, text: str) -> Path:
        events.append(("stage", target.relative_to(tree).as_posix()))
        return stage(target, text)

    real_replace = Path.replace

    def recording_replace(self: Path, target: Path) -> Path:
        if not any(kind == "replace" for kind, _ in events):
            # At the first replace, every staged file is on disk and no target has changed.
            assert len(list(tree.rglob("*.fortress-tmp"))) == 6
            assert (tree / "pkg/a.py").read_text(encoding="utf-8") == "a = 1\n"
        events.append(("replace", Path(target).relative_to(tree).as_posix()))
        return real_replace(self, target)

    monkeypatch.setattr(write, "_stage", recording_stage)
    monkeypatch.setattr(Path, "replace", recording_replace)
    apply_plan(_plan(*_five_ops()), tree)

    kinds = [kind for kind, _ in events]
    assert kinds == ["stage"] * 6 + ["replace"] * 6
    assert events[5] == ("stage", LOCK_FILE)
    assert events[-1] == ("replace", LOCK_FILE)  # the lock goes last


def _fail_on_call(number: int, real: Callable[..., object], error: BaseException) -> object:
    calls = {"n": 0}

    def failing(*args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] == number:
            raise error
        return real(*args, **kwargs)

    return failing


@pytest.mark.parametrize("failing_call", [1, 3, 5, 6])
def test_a_failure_while_staging_changes_nothing(
    tree: Path, monkeypatch: pytest.MonkeyPatch, failing_call: int
) -> None:
    before = _tree(tree)
    error = OSError(errno.ENOSPC, "No space left on device", "somewhere")
    monkeypatch.setattr(write, "_stage", _fail_on_call(failing_call, write._stage, error))
    with pytest.raises(WriteError, match="could not write somewhere: No space left on device"):
        apply_plan(_plan(*_five_ops()), tree)
    assert _tree(tree) == before  # no file changed, no temp file, no new directory


def test_a_failure_halfway_through_a_staged_file_leaves_no_temp_file(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _tree(tree)
    error = OSError(errno.EIO, "Input/output error")
    monkeypatch.setattr(write.os, "fsync", _fail_on_call(3, write.os.fsync, error))
    with pytest.raises(WriteError):
        apply_plan(_plan(*_five_ops()), tree)
    assert _tree(tree) == before


def test_an_interrupt_while_staging_changes_nothing(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _tree(tree)
    monkeypatch.setattr(write, "_stage", _fail_on_call(4, write._stage, KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        apply_plan(_plan(*_five_ops()), tree)
    assert _tree(tree) == before


def test_a_target_under_a_file_is_a_write_error_and_changes_nothing(tree: Path) -> None:
    (tree / "blocker").write_text("a file, not a directory\n", encoding="utf-8")
    before = _tree(tree)
    ops = (*_five_ops()[:3], FileOp("blocker/x.py", "create", content="x = 1\n"))
    with pytest.raises(WriteError, match="could not write"):
        apply_plan(_plan(*ops), tree)
    assert _tree(tree) == before


def test_a_failed_replace_leaves_no_temp_file_and_keeps_the_old_lock(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    error = PermissionError(errno.EACCES, "Permission denied")
    monkeypatch.setattr(Path, "replace", _fail_on_call(3, Path.replace, error))
    with pytest.raises(WriteError, match=r"could not replace pkg/new/c\.py: Permission denied"):
        apply_plan(_plan(*_five_ops()), tree)
    assert (tree / "pkg/a.py").read_text(encoding="utf-8") == "a = 2\n"  # already replaced
    assert (tree / LOCK_FILE).read_text(encoding="utf-8") == "{}\n"
    assert not list(tree.rglob("*.fortress-tmp"))


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
        patch.setattr(write, "_stage", _fail_on_call(3, write._stage, error))
        with pytest.raises(WriteError):
            apply_plan(plan, broken)
    assert _tree(broken) == before

    with monkeypatch.context() as patch:
        patch.setattr(Path, "replace", _fail_on_call(4, Path.replace, OSError(errno.EIO, "EIO")))
        with pytest.raises(WriteError):
            apply_plan(plan, broken)
    assert not list(broken.rglob("*.fortress-tmp"))

    conftest.generate(broken)  # the next run finishes the job
    files = {p for p in _tree(broken) if not p.endswith("/")}
    assert files == {p for p in _tree(clean) if not p.endswith("/")}
    for path in files:
        assert (broken / path).read_bytes() == (clean / path).read_bytes(), path
