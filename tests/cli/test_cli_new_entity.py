"""`fortress new-entity`: the spec it writes, the layers it generates, and what it refuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from cli_support import (
    CUSTOMER,
    CUSTOMER_FILES,
    Fortress,
    changed_paths,
    make_project,
    snapshot,
    status_lines,
)
from fortress_testing import fortress_migrations

from fortress_gen.spec.shorthand import MODELINE_PREFIX


def lock_head(project: Path) -> str:
    lock = json.loads((project / "fortress.lock").read_text(encoding="utf-8"))
    head: str = lock["migrations"]["head"]
    return head


@pytest.fixture
def fortress(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Fortress:
    return Fortress(monkeypatch, capsys)


@pytest.fixture
def project(tmp_path: Path, template_cache: Path) -> Path:
    return make_project(tmp_path / "shop", template_cache)


def test_new_entity_writes_the_spec_and_every_layer(fortress: Fortress, project: Path) -> None:
    result = fortress(
        "new-entity", "Customer", "name:str[120]", "email:email:unique", "notes:text?", cwd=project
    )
    assert result.code == 0, result.err

    spec = (project / "specs/Customer.yaml").read_text(encoding="utf-8")
    assert spec.startswith(MODELINE_PREFIX + "../.fortress/entity.schema.json\n")
    assert yaml.safe_load(spec) == {
        "entity": "Customer",
        "fields": {
            "name": {"type": "str", "max_length": 120},
            "email": {"type": "email", "unique": True},
            "notes": "text?",
        },
    }
    assert (project / ".fortress/entity.schema.json").is_file()

    model = (project / "app/models/Customer.py").read_text(encoding="utf-8")
    assert "class Customer(" in model
    assert "name: Mapped[str] = mapped_column(sa.String(length=120))" in model
    assert "notes: Mapped[str | None]" in model
    schemas = (project / "app/schemas/CustomerSchema.py").read_text(encoding="utf-8")
    for name in ("CustomerCreate", "CustomerUpdate", "CustomerResponse"):
        assert f"class {name}(" in schemas
    assert "class CustomerRepository" in (project / CUSTOMER_FILES[2]).read_text(encoding="utf-8")
    assert "class CustomerService" in (project / CUSTOMER_FILES[3]).read_text(encoding="utf-8")
    assert "router = APIRouter(" in (project / CUSTOMER_FILES[4]).read_text(encoding="utf-8")
    assert (project / "tests/api/test_customers.py").is_file()
    registry = (project / "app/api/v1/__init__.py").read_text(encoding="utf-8")
    assert "api_router.include_router(customers.router)" in registry
    models = (project / "app/models/__init__.py").read_text(encoding="utf-8")
    assert "from app.models.Customer import Customer" in models

    migrations = fortress_migrations(project)
    assert [m.name for m in migrations] == [
        f"20260101_000000_{lock_head(project)}_create_customers.py"
    ]
    migration = migrations[0].read_text(encoding="utf-8")
    assert 'op.create_table(\n        "customers",' in migration
    assert 'sa.Column("name", sa.String(length=120), nullable=False)' in migration

    lock = json.loads((project / "fortress.lock").read_text(encoding="utf-8"))
    assert set(CUSTOMER_FILES) <= set(lock["files"])

    statuses = status_lines(result.err)
    assert statuses["specs/Customer.yaml"] == "create"
    assert all(statuses[path] == "create" for path in CUSTOMER_FILES)

    before = snapshot(project)
    again = fortress("generate", cwd=project)
    assert again.code == 0, again.err
    assert "nothing changed" in again.err
    assert changed_paths(before, snapshot(project)) == []


def test_new_entity_spec_only_writes_only_the_spec(fortress: Fortress, project: Path) -> None:
    before = snapshot(project)
    result = fortress("new-entity", "Customer", "name:str", "--spec-only", cwd=project)
    assert result.code == 0, result.err
    assert changed_paths(before, snapshot(project)) == ["specs/Customer.yaml"]


def test_new_entity_of_an_existing_entity_is_refused(fortress: Fortress, project: Path) -> None:
    assert fortress("new-entity", "Customer", "name:str", cwd=project).code == 0
    before = snapshot(project)
    result = fortress("new-entity", "Customer", "title:str", cwd=project)
    assert result.code == 2
    assert "error: specs/Customer.yaml already exists" in result.err
    assert changed_paths(before, snapshot(project)) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["Order", "number:str", "total:money"],
            "argument 2 'total:money': 'money' is not a field type (allowed: str, text,",
        ),
        (["Order", "total"], "argument 1 'total'"),
        (["Order", "total:decimal:sometimes"], "argument 1 'total:decimal:sometimes'"),
        (["order", "total:int"], "'order' is not PascalCase"),
        (["Order", "customer:ref[Nope]"], "no entity 'Nope' in this project"),
        (["Order", "class:int"], "class"),
    ],
    ids=["bad-type", "no-type", "bad-option", "bad-name", "unknown-target", "keyword"],
)
def test_a_bad_shorthand_writes_nothing(
    fortress: Fortress, project: Path, args: list[str], message: str
) -> None:
    before = snapshot(project)
    result = fortress("new-entity", *args, cwd=project)
    assert result.code == 2, result.err
    assert message in result.err
    assert "Traceback" not in result.err and "internal error" not in result.err
    assert changed_paths(before, snapshot(project)) == []


def test_a_bad_time_is_refused_before_the_spec_is_written(
    fortress: Fortress, project: Path
) -> None:
    before = snapshot(project)
    result = fortress("new-entity", "Customer", "name:str", "--now", "soon", cwd=project)
    assert result.code == 2
    assert "--now: 'soon' is not a date and time" in result.err
    assert changed_paths(before, snapshot(project)) == []
    # BUG (fortress_gen/cli/new_entity.py): `--now` is parsed only after the spec was written,
    # so the run reports `create specs/Customer.yaml` for a file it then deletes again.
    assert "create  specs/Customer.yaml" not in result.err


def test_a_broken_spec_elsewhere_removes_the_new_spec(fortress: Fortress, project: Path) -> None:
    (project / "specs/Order.yaml").write_text("entity: Order\nfields: {total: money}\n")
    before = snapshot(project)
    result = fortress("new-entity", "Customer", "name:str", cwd=project)
    assert result.code == 2
    assert "specs/Order.yaml:2:17: fields.total" in result.err
    assert changed_paths(before, snapshot(project)) == []


def test_new_entity_options_reach_the_spec(fortress: Fortress, project: Path) -> None:
    result = fortress(
        "new-entity",
        "Tag",
        "label:str[40]:unique",
        "--uuid",
        "--no-timestamps",
        "--soft-delete",
        "--description",
        "A label.",
        "--spec-only",
        cwd=project,
    )
    assert result.code == 0, result.err
    data = yaml.safe_load((project / "specs/Tag.yaml").read_text(encoding="utf-8"))
    assert data == {
        "entity": "Tag",
        "description": "A label.",
        "id": "uuid",
        "timestamps": False,
        "soft_delete": True,
        "fields": {"label": {"type": "str", "max_length": 40, "unique": True}},
    }


def test_the_modeline_follows_the_specs_folder(fortress: Fortress, project: Path) -> None:
    config = project / "fortress.yaml"
    text = config.read_text(encoding="utf-8").replace("specs: specs", "specs: design/specs")
    config.write_text(text, encoding="utf-8")
    result = fortress("new-entity", "Customer", "name:str", "--spec-only", cwd=project)
    assert result.code == 0, result.err
    spec = (project / "design/specs/Customer.yaml").read_text(encoding="utf-8")
    # BUG (fortress_gen/cli/new_entity.py): `dump_spec_yaml(spec)` always uses the default
    # `../.fortress/...` ref; it should pass `schema_ref=schema_ref(config.specs)`.
    assert spec.startswith(MODELINE_PREFIX + "../../.fortress/entity.schema.json\n")


def test_a_second_entity_gets_a_second_migration(fortress: Fortress, project: Path) -> None:
    (project / "specs/Customer.yaml").write_text(CUSTOMER, encoding="utf-8")
    assert fortress("generate", cwd=project).code == 0
    result = fortress("new-entity", "Order", "total:decimal", "customer:ref[Customer]", cwd=project)
    assert result.code == 0, result.err
    names = {p.name.split("_", 3)[3] for p in fortress_migrations(project)}
    assert names == {"create_customers.py", "create_orders.py"}
    # The first entity's files are not touched; only the registries change.
    statuses = status_lines(result.err)
    assert not any(path in statuses for path in CUSTOMER_FILES)
    assert statuses["app/api/v1/__init__.py"] == "update"
    assert statuses["app/models/Order.py"] == "create"


@pytest.mark.parametrize(
    ("style", "entity", "module"),
    [
        ("fortress", "A", "app/api/v1/endpoints/as.py"),
        ("fortress", "I", "app/api/v1/endpoints/is.py"),
        ("pep8", "Class", "app/models/class.py"),
        ("pep8", "Import", "app/models/import.py"),
    ],
)
def test_an_entity_whose_module_is_a_keyword(
    fortress: Fortress, tmp_path: Path, template_cache: Path, style: str, entity: str, module: str
) -> None:
    # BUG (fortress_gen/naming.py `reserved_entity_reason` / render/paths.py): the module of
    # `A` is `endpoints/as.py` (plural `as`), of `Class` in pep8 style `models/class.py`.
    # Validation accepts the name. Then, at HEAD, libcst crashes on
    # `api_router.include_router(as.router)` (internal error, exit 3, spec left behind); with
    # the string-splicing patch/ of the working tree, Fortress exits 0 having written an
    # `app/api/v1/__init__.py` that does not parse (`from app.api.v1.endpoints import as`).
    # In pep8 style ruff fails on `from app.models.class import Class` ("the formatter failed
    # on generated code: " with an empty detail, blamed on the templates).
    # Expected: a spec error naming the entity, and nothing written.
    root = make_project(tmp_path / "shop", template_cache, data={"style": style})
    before = snapshot(root)
    result = fortress("new-entity", entity, "x:int", cwd=root)
    for path in root.rglob("*.py"):
        compile(path.read_text(encoding="utf-8"), str(path), "exec")
    assert "internal error" not in result.err
    assert "formatter failed" not in result.err
    assert result.code == 2, result.err
    assert entity in result.err
    assert changed_paths(before, snapshot(root)) == []
    assert not (root / module).exists()
