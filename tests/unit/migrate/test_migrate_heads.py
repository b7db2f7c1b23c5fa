"""current_head: the head of a versions folder, read with ast, never imported."""

from __future__ import annotations

from pathlib import Path

import pytest

from fortress_gen.errors import ProjectError
from fortress_gen.migrate.heads import current_head


def _revision(folder: Path, name: str, revision: str, down: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.py").write_text(
        f'"""A revision."""\n\nrevision: str = "{revision}"\n'
        f"down_revision: str | None = {down}\n\nimport does_not_exist\n"
    )


def test_no_folder_or_no_revision_has_no_head(tmp_path: Path) -> None:
    assert current_head(tmp_path / "versions") is None
    (tmp_path / "versions").mkdir()
    (tmp_path / "versions" / "notes.py").write_text("x = 1\n")
    assert current_head(tmp_path / "versions") is None


def test_head_follows_a_revision_written_by_hand(tmp_path: Path) -> None:
    versions = tmp_path / "versions"
    _revision(versions, "a", "aaa", "None")
    _revision(versions, "b", "bbb", '"aaa"')
    _revision(versions, "c", "ccc", '"bbb"')
    assert current_head(versions) == "ccc"


def test_a_merge_revision_joins_two_branches(tmp_path: Path) -> None:
    versions = tmp_path / "versions"
    _revision(versions, "a", "aaa", "None")
    _revision(versions, "b", "bbb", '"aaa"')
    _revision(versions, "c", "ccc", '"aaa"')
    _revision(versions, "m", "mmm", '("bbb", "ccc")')
    assert current_head(versions) == "mmm"


def test_two_heads_are_refused(tmp_path: Path) -> None:
    versions = tmp_path / "versions"
    _revision(versions, "a", "aaa", "None")
    _revision(versions, "b", "bbb", '"aaa"')
    _revision(versions, "c", "ccc", '"aaa"')
    with pytest.raises(ProjectError, match="2 heads"):
        current_head(versions)


def test_a_broken_revision_is_reported_not_raised(tmp_path: Path) -> None:
    versions = tmp_path / "versions"
    versions.mkdir()
    (versions / "bad.py").write_text("revision = (\n")
    with pytest.raises(ProjectError, match="cannot read this migration"):
        current_head(versions)
