"""The merge matrix: what regeneration does with each kind of user change, line by line.

Every case adds the user's own lines to generated files, changes the specs so that those
files change too, regenerates through the CLI, and then checks the status, the exit code,
and that every line the user wrote is still in the tree, or that the run said why not.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import CUSTOMER, Fortress, make_project, status_lines

SCHEMA = "app/schemas/CustomerSchema.py"
# A new field changes every file of the entity; "limit" changes only the schemas module.
CHANGED = CUSTOMER + "  phone: {type: str, max_length: 30, required: false}\n"
MINE = "# our own line: keep me\n"


@pytest.fixture
def fortress(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Fortress:
    return Fortress(monkeypatch, capsys)


@pytest.fixture
def project(tmp_path: Path, template_cache: Path, fortress: Fortress) -> Path:
    root = make_project(tmp_path / "shop", template_cache, Customer=CUSTOMER)
    assert fortress("generate", cwd=root).code == 0
    return root


def _change_specs(root: Path) -> None:
    (root / "specs/Customer.yaml").write_text(CHANGED, encoding="utf-8")


def _user_lines_anywhere(root: Path) -> int:
    return sum(
        path.read_text(encoding="utf-8").count(MINE)
        for path in root.rglob("*.py")
        if ".fortress" not in path.parts
    )


def test_no_edit_is_updated(fortress: Fortress, project: Path) -> None:
    _change_specs(project)
    result = fortress("generate", cwd=project)
    assert result.code == 0, result.err
    assert status_lines(result.err)[SCHEMA] == "update"
    assert "phone" in (project / SCHEMA).read_text(encoding="utf-8")


def test_non_overlapping_edits_merge(fortress: Fortress, project: Path) -> None:
    schema = project / SCHEMA
    schema.write_text(MINE + schema.read_text(encoding="utf-8"), encoding="utf-8")
    _change_specs(project)
    result = fortress("generate", cwd=project)
    assert result.code == 0, result.err
    assert status_lines(result.err)[SCHEMA] == "merge"
    text = schema.read_text(encoding="utf-8")
    assert text.startswith(MINE) and "phone" in text and "<<<<<<<" not in text


def test_overlapping_edits_conflict_keeping_both_sides(fortress: Fortress, project: Path) -> None:
    schema = project / SCHEMA
    original = schema.read_text(encoding="utf-8")
    anchor = "class CustomerCreate("
    assert anchor in original
    schema.write_text(original.replace(anchor, MINE + anchor, 1), encoding="utf-8")
    # The new field lands in the same class body: reorder the fields so the hunks touch.
    _change_specs(project)
    result = fortress("generate", cwd=project)
    text = schema.read_text(encoding="utf-8")
    assert MINE in text and "phone" in text
    if status_lines(result.err)[SCHEMA] == "conflict":
        assert result.code == 1
        assert "<<<<<<< yours" in text and ">>>>>>> fortress" in text
        assert "hold conflict markers" in result.err
    else:  # git merged them cleanly: still nothing lost
        assert status_lines(result.err)[SCHEMA] == "merge"


def test_same_line_edits_always_conflict(fortress: Fortress, project: Path) -> None:
    schema = project / SCHEMA
    original = schema.read_text(encoding="utf-8")
    schema.write_text(original.replace("default=20", "default=30"), encoding="utf-8")
    (project / "specs/Customer.yaml").write_text(
        CUSTOMER + "list:\n  page_size: 7\n", encoding="utf-8"
    )
    result = fortress("generate", cwd=project)
    assert result.code == 1
    assert status_lines(result.err) == {SCHEMA: "conflict"}
    text = schema.read_text(encoding="utf-8")
    assert "default=30" in text and "default=7" in text


def test_a_deleted_file_is_not_brought_back_and_the_run_says_so(
    fortress: Fortress, project: Path
) -> None:
    (project / SCHEMA).unlink()
    _change_specs(project)
    result = fortress("generate", cwd=project)
    assert result.code == 0, result.err
    assert status_lines(result.err)[SCHEMA] == "skip"
    assert "you deleted or moved it" in result.err
    assert not (project / SCHEMA).exists()


def test_a_moved_file_stays_where_the_user_put_it(fortress: Fortress, project: Path) -> None:
    moved = project / "app/schemas/customer_contract.py"
    (project / SCHEMA).rename(moved)
    moved.write_text(moved.read_text(encoding="utf-8") + MINE, encoding="utf-8")
    _change_specs(project)
    result = fortress("generate", cwd=project)
    assert result.code == 0, result.err
    assert status_lines(result.err)[SCHEMA] == "skip"
    assert "a moved copy does not get the specs' changes" in result.err
    assert moved.read_text(encoding="utf-8").endswith(MINE)
    assert _user_lines_anywhere(project) == 1


def test_edited_files_of_a_removed_entity_are_kept_and_listed(
    fortress: Fortress, project: Path
) -> None:
    service = project / "app/services/CustomerService.py"
    service.write_text(service.read_text(encoding="utf-8") + MINE, encoding="utf-8")
    (project / "specs/Customer.yaml").unlink()
    result = fortress("generate", "--allow-destructive", cwd=project)
    assert result.code == 0, result.err
    statuses = status_lines(result.err)
    assert statuses["app/services/CustomerService.py"] == "skip"
    assert statuses["app/models/Customer.py"] == "delete"
    assert "kept because you edited it" in result.err
    assert _user_lines_anywhere(project) == 1


def test_a_renamed_entity_moves_its_files_and_keeps_edited_ones(
    fortress: Fortress, project: Path
) -> None:
    service = project / "app/services/CustomerService.py"
    service.write_text(service.read_text(encoding="utf-8") + MINE, encoding="utf-8")
    (project / "specs/Customer.yaml").unlink()
    client = CUSTOMER.replace("entity: Customer\n", "entity: Client\nrenamed_from: Customer\n")
    (project / "specs/Client.yaml").write_text(client, encoding="utf-8")
    result = fortress("generate", cwd=project)
    assert result.code == 0, result.err
    statuses = status_lines(result.err)
    assert statuses["app/models/Client.py"] == "create"
    assert statuses["app/models/Customer.py"] == "delete"
    assert statuses["app/services/CustomerService.py"] == "skip"
    assert "kept because you edited it" in result.err
    assert _user_lines_anywhere(project) == 1
    routers = (project / "app/api/v1/__init__.py").read_text(encoding="utf-8")
    assert "clients.router" in routers and "customers" not in routers
    [migration] = (project / "migrations/versions").glob("*_rename_table_customers_to_clients*")
    assert 'op.rename_table("customers", "clients")' in migration.read_text(encoding="utf-8")
    assert fortress("generate", "--check", cwd=project).code == 0
