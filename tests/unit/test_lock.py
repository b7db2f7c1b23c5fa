"""fortress.lock: sorted, diff-friendly JSON that reads back as it was written."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest

from fortress_gen.errors import ExitCode, ProjectError
from fortress_gen.lock import (
    LOCK_FILE,
    FileRecord,
    Inputs,
    Lock,
    digest,
    read_lock,
    render_lock,
)

SNAPSHOT = {"format": 1, "tables": {"orders": {"columns": ["id", "total"]}}}


def _lock() -> Lock:
    return Lock(
        fortress="0.1.0",
        formatter="ruff 0.17.6",
        files={
            "b/z.py": FileRecord(entity="Order", sha256="2" * 64),
            "a/y.py": FileRecord(entity=None, sha256="1" * 64),
            "b/a.py": FileRecord(entity="Customer", sha256="3" * 64),
        },
        migration_head="0123456789ab",
        snapshot=SNAPSHOT,
    )


def test_an_absent_lock_is_empty(tmp_path: Path) -> None:
    lock = read_lock(tmp_path)
    assert lock == Lock()
    assert lock.generated("app/models/Order.py") is None
    assert lock.migration_head is None and lock.snapshot is None


def test_render_then_read_round_trips(tmp_path: Path) -> None:
    (tmp_path / LOCK_FILE).write_text(render_lock(_lock()), encoding="utf-8")
    assert read_lock(tmp_path) == _lock()
    assert read_lock(tmp_path).generated("b/z.py") == FileRecord("Order", "2" * 64)


def test_the_lock_is_sorted_indented_json_with_one_trailing_newline() -> None:
    text = render_lock(_lock())
    data = json.loads(text)
    assert text == json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert list(data) == [
        "files",
        "formatter",
        "fortress",
        "inputs",
        "migrations",
        "patches",
        "version",
    ]
    assert list(data["files"]) == ["a/y.py", "b/a.py", "b/z.py"]
    assert data["files"]["a/y.py"] == {"entity": None, "sha256": "1" * 64}
    assert data["migrations"] == {"head": "0123456789ab", "snapshot": SNAPSHOT}
    assert data["version"] == 2
    assert '\n    "a/y.py": {\n' in text  # one entry per line: diffs stay readable


def test_rendering_does_not_depend_on_insertion_order() -> None:
    reordered = Lock(
        fortress="0.1.0",
        formatter="ruff 0.17.6",
        files=dict(reversed(list(_lock().files.items()))),
        migration_head="0123456789ab",
        snapshot={"tables": SNAPSHOT["tables"], "format": 1},
    )
    assert render_lock(reordered) == render_lock(_lock())


def test_non_ascii_is_kept_readable() -> None:
    lock = Lock(snapshot={"tables": {"t": {"comment": "Größe"}}})
    assert '"Größe"' in render_lock(lock)


def test_digest_is_the_sha256_of_the_utf8_text() -> None:
    assert digest("é\n") == hashlib.sha256("é\n".encode()).hexdigest()
    assert digest("a\n") != digest("a\r\n")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "not json",
        "<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> theirs\n",
        "[]",
        '{"files": []}',
        '{"files": {"a.py": {"entity": null}}}',
        '{"files": {"a.py": "deadbeef"}}',
        '{"migrations": []}',
    ],
    ids=["empty", "garbage", "merge-markers", "list", "files-list", "no-hash", "bad-record", "m"],
)
def test_a_broken_lock_is_a_project_error(tmp_path: Path, text: str) -> None:
    (tmp_path / LOCK_FILE).write_text(text, encoding="utf-8")
    with pytest.raises(ProjectError) as caught:
        read_lock(tmp_path)
    assert caught.value.exit_code == ExitCode.USAGE
    assert str(caught.value).startswith("fortress.lock is not a valid lock file: ")
    assert "restore it from version control" in str(caught.value)


def test_a_lock_that_is_not_utf8_is_a_project_error(tmp_path: Path) -> None:
    (tmp_path / LOCK_FILE).write_bytes(b"\xff\xfe{}")
    with pytest.raises(ProjectError, match="not a valid lock file"):
        read_lock(tmp_path)


def test_missing_sections_read_as_empty(tmp_path: Path) -> None:
    (tmp_path / LOCK_FILE).write_text('{"version": 1}\n', encoding="utf-8")
    assert read_lock(tmp_path) == Lock()


def test_a_lock_from_a_newer_fortress_is_refused(tmp_path: Path) -> None:
    (tmp_path / "fortress.lock").write_text('{"version": 99, "files": {}}\n')
    with pytest.raises(ProjectError, match="newer Fortress"):
        read_lock(tmp_path)


def test_inputs_and_patches_round_trip(tmp_path: Path) -> None:
    lock = replace(
        _lock(),
        patches={"app/models/__init__.py": "4" * 64},
        inputs=Inputs(
            generator="5" * 64,
            project="6" * 64,
            specs_dir="specs",
            specs="7" * 64,
            entities={"Order": "8" * 64, "Customer": "9" * 64},
        ),
    )
    (tmp_path / LOCK_FILE).write_text(render_lock(lock), encoding="utf-8")
    assert read_lock(tmp_path) == lock


def test_a_format_1_lock_still_reads_without_inputs(tmp_path: Path) -> None:
    old = {
        "version": 1,
        "fortress": "0.1.0",
        "formatter": "ruff 0.17.6",
        "files": {"app/x.py": {"entity": "Order", "sha256": "2" * 64}},
        "migrations": {"head": "0123456789ab", "snapshot": SNAPSHOT},
    }
    (tmp_path / LOCK_FILE).write_text(json.dumps(old), encoding="utf-8")
    lock = read_lock(tmp_path)
    assert lock.inputs is None and lock.patches == {}
    assert lock.files == {"app/x.py": FileRecord("Order", "2" * 64)}
    assert lock.migration_head == "0123456789ab"
