"""`fortress generate`: --check, --dry-run, --diff, and never overwriting a user's edits."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import (
    CUSTOMER,
    CUSTOMER_FILES,
    ORDER,
    Fortress,
    changed_paths,
    make_project,
    run_binary,
    snapshot,
    status_lines,
)

SCHEMA = "app/schemas/CustomerSchema.py"
SERVICE = "app/services/CustomerService.py"
PAGED = CUSTOMER + "list:\n  page_size: 7\n"  # changes the schemas module, not the database


@pytest.fixture
def fortress(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Fortress:
    return Fortress(monkeypatch, capsys)


@pytest.fixture
def project(tmp_path: Path, template_cache: Path, fortress: Fortress) -> Path:
    """A project whose Customer spec has been generated once."""
    root = make_project(tmp_path / "shop", template_cache, Customer=CUSTOMER)
    result = fortress("generate", cwd=root)
    assert result.code == 0, result.err
    return root


def _edit_spec(root: Path, text: str, entity: str = "Customer") -> None:
    (root / "specs" / f"{entity}.yaml").write_text(text, encoding="utf-8")


def _lock(root: Path) -> dict[str, dict[str, dict[str, str]]]:
    data: dict[str, dict[str, dict[str, str]]] = json.loads(
        (root / "fortress.lock").read_text(encoding="utf-8")
    )
    return data


# --- --check, --dry-run, --diff ------------------------------------------------------------


def test_check_passes_when_in_step(fortress: Fortress, project: Path) -> None:
    before = snapshot(project)
    result = fortress("generate", "--check", cwd=project)
    assert result.code == 0, result.err
    assert "nothing changed" in result.err
    assert changed_paths(before, snapshot(project)) == []


def test_check_fails_when_a_spec_changed_and_writes_nothing(
    fortress: Fortress, project: Path
) -> None:
    _edit_spec(project, PAGED)
    before = snapshot(project)
    result = fortress("generate", "--check", cwd=project)
    assert changed_paths(before, snapshot(project)) == []
    assert status_lines(result.err) == {SCHEMA: "update"}
    assert "would 1 update" in result.err
    assert "nothing was written" in result.err
    # Regression: `app(standalone_mode=False)` returns the code of `typer.Exit(code)` rather
    # than raising it, and `main` dropped it: drift under --check and conflicts exited 0.
    assert result.code == 1


def test_check_fails_for_a_new_spec(fortress: Fortress, project: Path) -> None:
    _edit_spec(project, ORDER, "Order")
    before = snapshot(project)
    result = run_binary("generate", "--check", cwd=project)
    assert changed_paths(before, snapshot(project)) == []
    statuses = status_lines(result.err)
    assert statuses["app/models/Order.py"] == "create"
    assert [p for p, s in statuses.items() if p.startswith("migrations/")] != []
    assert result.code == 1  # the console script's own exit code


def test_dry_run_lists_statuses_and_writes_nothing(fortress: Fortress, project: Path) -> None:
    _edit_spec(project, PAGED)
    _edit_spec(project, ORDER, "Order")
    before = snapshot(project)
    result = fortress("generate", "--dry-run", cwd=project)
    assert result.code == 0, result.err
    assert changed_paths(before, snapshot(project)) == []
    statuses = status_lines(result.err)
    assert statuses[SCHEMA] == "update"
    assert statuses["app/models/Order.py"] == "create"
    assert statuses["app/api/v1/__init__.py"] == "update"
    assert SERVICE not in statuses  # identical files are listed only with --verbose
    counts = [list(statuses.values()).count(verb) for verb in ("create", "update")]
    assert f"would {counts[0]} create, {counts[1]} update, " in result.err
    assert result.err.endswith(" identical; nothing was written.\n")

    verbose = fortress("generate", "--dry-run", "--verbose", cwd=project)
    assert status_lines(verbose.err)[SERVICE] == "identical"
    assert changed_paths(before, snapshot(project)) == []


def test_diff_prints_unified_diffs(fortress: Fortress, project: Path) -> None:
    _edit_spec(project, PAGED)
    _edit_spec(project, ORDER, "Order")
    before = snapshot(project)
    result = fortress("generate", "--dry-run", "--diff", cwd=project)
    assert result.code == 0, result.err
    assert changed_paths(before, snapshot(project)) == []
    assert f"--- a/{SCHEMA}\n+++ b/{SCHEMA}\n@@ " in result.out
    assert "-    limit: int = Field(default=20, ge=1, le=100)\n" in result.out
    assert "+    limit: int = Field(default=7, ge=1, le=100)\n" in result.out
    assert "--- /dev/null\n+++ b/app/models/Order.py\n" in result.out
    assert "+class Order(" in result.out
    assert "+from app.models.Order import Order\n" in result.out

    written = fortress("generate", "--diff", cwd=project)
    assert written.code == 0, written.err
    assert written.out == result.out
    assert "limit: int = Field(default=7" in (project / SCHEMA).read_text(encoding="utf-8")


# --- the user's edits ------------------------------------------------------------------------


def test_an_edited_file_the_specs_do_not_change_is_left_as_it_is(
    fortress: Fortress, project: Path
) -> None:
    service = project / SERVICE
    edited = service.read_bytes() + b"\n\n# my own business rule\n"
    service.write_bytes(edited)
    recorded = _lock(project)["files"][SERVICE]["sha256"]
    _edit_spec(project, PAGED)

    result = fortress("generate", cwd=project)
    assert result.code == 0, result.err
    assert service.read_bytes() == edited
    assert status_lines(result.err) == {SCHEMA: "update"}
    assert "limit: int = Field(default=7" in (project / SCHEMA).read_text(encoding="utf-8")
    assert _lock(project)["files"][SERVICE]["sha256"] == recorded
    assert not list(project.rglob("*.fortress-tmp"))

    again = fortress("generate", "--check", cwd=project)
    assert again.code == 0, again.err
    assert "in step" in again.err
    assert service.read_bytes() == edited


def test_edits_and_spec_changes_on_other_lines_merge(fortress: Fortress, project: Path) -> None:
    schema = project / SCHEMA
    edited = schema.read_text(encoding="utf-8") + "\n\n# my own note\n"
    schema.write_text(edited, encoding="utf-8")
    _edit_spec(project, PAGED)

    result = fortress("generate", cwd=project)
    assert result.code == 0, result.err
    assert status_lines(result.err) == {SCHEMA: "merge"}
    merged = schema.read_text(encoding="utf-8")
    assert merged.endswith("# my own note\n")
    assert "limit: int = Field(default=7" in merged
    assert _lock(project)["files"][SCHEMA]["sha256"] != ""
    before = snapshot(project)
    again = fortress("generate", cwd=project)
    assert again.code == 0, again.err
    assert changed_paths(before, snapshot(project)) == []


def test_overlapping_edits_get_conflict_markers_and_exit_1(
    fortress: Fortress, project: Path
) -> None:
    schema = project / SCHEMA
    mine = schema.read_text(encoding="utf-8").replace("default=20", "default=30")
    schema.write_text(mine, encoding="utf-8")
    _edit_spec(project, PAGED)

    result = run_binary("generate", cwd=project)
    assert result.code == 1, result.err
    assert status_lines(result.err) == {SCHEMA: "conflict"}
    assert "hold conflict markers" in result.err
    text = schema.read_text(encoding="utf-8")
    assert "<<<<<<< yours\n" in text and ">>>>>>> fortress\n" in text
    assert "default=30" in text and "default=7" in text  # neither side is lost

    again = fortress("generate", "--check", cwd=project)
    assert again.code == 0, again.err  # what remains is the user's to resolve


def test_a_missing_merge_base_leaves_the_file_and_exits_1(
    fortress: Fortress, project: Path
) -> None:
    schema = project / SCHEMA
    recorded = _lock(project)["files"][SCHEMA]["sha256"]
    (project / ".fortress/base" / recorded).unlink()
    schema.write_text("# mine\n", encoding="utf-8")
    _edit_spec(project, PAGED)
    result = fortress("generate", cwd=project)
    assert result.code == 1
    assert status_lines(result.err) == {SCHEMA: "skip"}
    assert "missing from .fortress/base; left as it is" in result.err
    assert "in step" not in result.err
    assert schema.read_text(encoding="utf-8") == "# mine\n"


def test_diff_shows_what_a_file_left_alone_would_have_been(
    fortress: Fortress, tmp_path: Path, template_cache: Path
) -> None:
    root = make_project(tmp_path / "shop", template_cache, Customer=CUSTOMER)
    (root / SERVICE).parent.mkdir(parents=True, exist_ok=True)
    (root / SERVICE).write_text("# mine\n", encoding="utf-8")
    result = fortress("generate", "--dry-run", "--diff", cwd=root)
    assert status_lines(result.err)[SERVICE] == "skip"
    assert f"--- a/{SERVICE}\n+++ b/{SERVICE}\n" in result.out
    assert "-# mine\n" in result.out
    assert "+class CustomerService" in result.out


def test_a_deleted_generated_file_is_not_recreated(fortress: Fortress, project: Path) -> None:
    (project / "tests/api/test_customers.py").unlink()
    _edit_spec(project, PAGED)
    result = fortress("generate", cwd=project)
    assert result.code == 0, result.err
    assert status_lines(result.err) == {
        SCHEMA: "update",
        "tests/api/test_customers.py": "skip",
    }
    assert "you deleted or moved it after it was generated; not recreated" in result.err
    assert not (project / "tests/api/test_customers.py").exists()
    assert "tests/api/test_customers.py" in _lock(project)["files"]
    before = snapshot(project)
    assert fortress("generate", cwd=project).code == 0
    assert changed_paths(before, snapshot(project)) == []


def test_a_file_fortress_never_generated_is_left_alone(
    fortress: Fortress, tmp_path: Path, template_cache: Path
) -> None:
    root = make_project(tmp_path / "shop", template_cache, Customer=CUSTOMER)
    mine = root / "app/models/Customer.py"
    mine.write_bytes(b"# my own model\r\n")
    result = fortress("generate", cwd=root)
    assert mine.read_bytes() == b"# my own model\r\n"
    statuses = status_lines(result.err)
    assert statuses["app/models/Customer.py"] == "skip"
    assert "exists but was not generated by Fortress" in result.err
    for path in CUSTOMER_FILES[1:]:
        assert statuses[path] == "create"
        assert (root / path).is_file()
    assert "app/models/Customer.py" not in _lock(root)["files"]
    assert result.code == 1


def test_a_file_that_is_not_text_is_left_alone_not_a_crash(
    fortress: Fortress, project: Path
) -> None:
    binary = b"\xff\xfe\x00binary"
    (project / SERVICE).write_bytes(binary)
    (project / "tests/api/test_customers.py").unlink()
    (project / "tests/api/test_customers.py").mkdir()
    _edit_spec(project, PAGED)
    result = fortress("generate", cwd=project)
    assert "internal error" not in result.err
    assert status_lines(result.err) == {
        SCHEMA: "update",
        SERVICE: "skip",
        "tests/api/test_customers.py": "skip",
    }
    assert (project / SERVICE).read_bytes() == binary
    assert (project / "tests/api/test_customers.py").is_dir()


def test_a_changed_column_writes_a_migration(fortress: Fortress, project: Path) -> None:
    _edit_spec(project, CUSTOMER.replace("max_length: 120", "max_length: 200"))
    result = fortress("generate", cwd=project)
    assert result.code == 0, result.err
    created = [path for path, verb in status_lines(result.err).items() if verb == "create"]
    (migration,) = [path for path in created if path.startswith("migrations/versions/")]
    assert migration.endswith("_alter_customers_name.py")
    assert "type_=sa.String(length=200)" in (project / migration).read_text()


def test_a_dropped_field_is_refused_saying_what_it_loses(fortress: Fortress, project: Path) -> None:
    _edit_spec(project, CUSTOMER.replace("  email: {type: email, unique: true}\n", ""))
    before = snapshot(project)
    result = fortress("generate", cwd=project)
    assert result.code == 1
    assert "the migration would lose data: drops column customers.email and its data" in result.err
    assert "--allow-destructive" in result.err
    assert changed_paths(before, snapshot(project)) == []
    allowed = fortress("generate", "--allow-destructive", cwd=project)
    assert allowed.code == 0, allowed.err
    assert status_lines(allowed.err)


def test_a_required_field_without_default_is_located(fortress: Fortress, project: Path) -> None:
    _edit_spec(project, CUSTOMER + "  age: int\n")
    before = snapshot(project)
    result = fortress("generate", cwd=project)
    assert result.code == 2
    assert (
        "specs/Customer.yaml:5:3: fields.age: a required field added to the existing table"
        " customers needs a value for the rows it may hold (give it a `default:`, which"
    ) in result.err
    assert changed_paths(before, snapshot(project)) == []


# --- malformed specs -------------------------------------------------------------------------

BAD_SPECS = {
    "yaml-syntax": (
        "entity: Order\nfields:\n  total: {type: int\n",
        "specs/Order.yaml:4:1: invalid YAML",
    ),
    "unknown-key": (
        "entity: Order\nfields:\n  total: int\ncolour: red\n",
        "specs/Order.yaml:4:1: unknown key 'colour' (allowed: entity, description,",
    ),
    "bad-field-type": (
        "entity: Order\nfields:\n  total: {type: money}\n",
        "specs/Order.yaml:3:17: fields.total.type: 'money' is not a field type (allowed: str,",
    ),
    "bad-value": (
        "entity: Order\ntimestamps: maybe\nfields:\n  total: int\n",
        "specs/Order.yaml:2:13: timestamps: expected true or false, got 'maybe'",
    ),
    "option-of-another-type": (
        "entity: Order\nfields:\n  total: {type: int, max_length: 3}\n",
        "specs/Order.yaml:3:34: fields.total.max_length: int fields have no max_length",
    ),
    "unknown-target": (
        "entity: Order\nrelations:\n  buyer: {kind: many_to_one, target: Buyer}\n",
        "specs/Order.yaml:3:38: relations.buyer.target: no entity 'Buyer' in this project",
    ),
    "duplicate-key": (
        "entity: Order\nfields:\n  total: int\n  total: str\n",
        "specs/Order.yaml:4:3: fields: duplicate key 'total', first at line 3",
    ),
    "wrong-file-name": (
        "entity: Purchase\nfields:\n  total: int\n",
        "specs/Order.yaml:1:9: entity: 'Purchase' does not match the file name 'Order.yaml'",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_SPECS))
@pytest.mark.parametrize("args", [["generate"], ["generate", "--check"]], ids=["run", "check"])
def test_a_malformed_spec_is_located_and_changes_nothing(
    fortress: Fortress, project: Path, case: str, args: list[str]
) -> None:
    text, message = BAD_SPECS[case]
    _edit_spec(project, text, "Order")
    _edit_spec(project, PAGED)  # something that would otherwise be written
    before = snapshot(project)
    result = fortress(*args, cwd=project)
    assert result.code == 2, result.err
    assert result.err.startswith("error: " + message), result.err
    assert "Traceback" not in result.err and "internal error" not in result.err
    assert result.out == ""
    assert changed_paths(before, snapshot(project)) == []


def test_every_error_is_reported_at_once(fortress: Fortress, project: Path) -> None:
    _edit_spec(project, BAD_SPECS["unknown-key"][0], "Order")
    _edit_spec(project, BAD_SPECS["bad-value"][0].replace("Order", "Invoice"), "Invoice")
    before = snapshot(project)
    result = run_binary("generate", cwd=project)
    assert result.code == 2
    lines = result.err.splitlines()
    assert lines[0].startswith("error: specs/Invoice.yaml:2:13: timestamps:")
    assert lines[1].startswith("error: specs/Order.yaml:4:1: unknown key 'colour'")
    assert lines[2] == "2 errors; nothing was written."
    assert changed_paths(before, snapshot(project)) == []


def test_a_pattern_without_an_example_is_a_located_error(fortress: Fortress, project: Path) -> None:
    # BUG (fortress_gen/render/samples.py:157): the check runs while rendering tests and
    # raises a SpecError without a location ("field 'code' has a pattern but no example
    # that matches it"): no file, line or entity. It belongs with the field checks of
    # spec/_fields.py, located at the field.
    _edit_spec(
        project, "entity: Order\nfields:\n  code: {type: str, pattern: '^[A-Z]+$'}\n", "Order"
    )
    before = snapshot(project)
    result = fortress("generate", cwd=project)
    assert result.code == 2
    assert "pattern" in result.err
    assert changed_paths(before, snapshot(project)) == []
    assert result.err.startswith("error: specs/Order.yaml:3:"), result.err


@pytest.mark.parametrize(
    ("now", "stamp"),
    [
        ("2030-05-06T09:08:09+02:00", "20300506_070809_"),
        ("2030-05-06 07:08:09", "20300506_070809_"),
    ],
)
def test_now_names_the_migration(fortress: Fortress, project: Path, now: str, stamp: str) -> None:
    _edit_spec(project, ORDER, "Order")
    result = fortress("generate", "--now", now, cwd=project)
    assert result.code == 0, result.err
    [created] = [p for p, s in status_lines(result.err).items() if p.startswith("migrations/")]
    assert created.startswith(f"migrations/versions/{stamp}")
    assert created.endswith("_create_orders.py")
    assert (project / created).is_file()
