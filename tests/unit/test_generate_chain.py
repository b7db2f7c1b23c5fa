"""A new revision chains to the real head, and patched files stay formatted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from fortress_testing import generate, new_project

from fortress_gen.errors import DestructiveChangeError
from fortress_gen.migrate.heads import current_head, read_revision

HAND_WRITTEN = '''"""A revision a person wrote with `alembic revision`."""

revision: str = "0123456789ab"
down_revision: str | None = "{parent}"


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
'''


def _spec(root: Path, name: str) -> None:
    (root / "specs" / f"{name}.yaml").write_text(f"entity: {name}\nfields:\n  title: str\n")


def test_a_new_revision_follows_a_hand_written_one(tmp_path: Path, template_cache: Path) -> None:
    root = new_project(tmp_path / "p", template_cache)
    _spec(root, "Alpha")
    generate(root)
    versions = root / "migrations" / "versions"
    first = current_head(versions)
    assert first is not None
    (versions / "20260101_000001_0123456789ab_tweak.py").write_text(
        HAND_WRITTEN.format(parent=first)
    )
    _spec(root, "Beta")
    written = generate(root)
    [new] = [p for p in written if p.startswith("migrations/versions/")]
    declared = read_revision(root / new)
    assert declared is not None
    assert declared[1] == ("0123456789ab",)
    assert current_head(versions) == declared[0]


def test_registrations_keep_a_formatted_file_formatted(
    tmp_path: Path, template_cache: Path
) -> None:
    root = new_project(tmp_path / "p", template_cache)
    names = ["Aardvark", "Buffalo", "Chameleon", "Dromedary", "Echidna", "Flamingo", "Gazelle"]
    for name in names:
        _spec(root, name)
    generate(root)
    registry = root / "app" / "api" / "v1" / "__init__.py"
    assert "from app.api.v1.endpoints import (\n" in registry.read_text()
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", str(registry)],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert generate(root) == []


def test_removing_an_entity_needs_the_flag_and_nothing_is_written_without_it(
    tmp_path: Path, template_cache: Path
) -> None:
    root = new_project(tmp_path / "p", template_cache)
    _spec(root, "Alpha")
    _spec(root, "Beta")
    generate(root)
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    (root / "specs" / "Beta.yaml").unlink()
    with pytest.raises(
        DestructiveChangeError, match="would lose data: drops table betas"
    ) as caught:
        generate(root)
    assert caught.value.exit_code == 1
    assert "--allow-destructive" in (caught.value.hint or "")
    after = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    del before[root / "specs" / "Beta.yaml"]
    assert after == before
