"""`fortress destroy`: the symmetric inverse of generating an entity, migration included."""

from __future__ import annotations

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

ORDER_FILES = (
    "app/models/Order.py",
    "app/schemas/OrderSchema.py",
    "app/repositories/OrderRepository.py",
    "app/services/OrderService.py",
    "app/api/v1/endpoints/orders.py",
    "tests/api/test_orders.py",
)


@pytest.fixture
def fortress(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Fortress:
    return Fortress(monkeypatch, capsys)


@pytest.fixture
def project(tmp_path: Path, template_cache: Path, fortress: Fortress) -> Path:
    root = make_project(tmp_path / "shop", template_cache, Customer=CUSTOMER, Order=ORDER)
    result = fortress("generate", cwd=root)
    assert result.code == 0, result.err
    return root


def _migrations(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "migrations/versions").glob("*.py"))


def test_an_entity_others_refer_to_is_refused(fortress: Fortress, project: Path) -> None:
    before = snapshot(project)
    result = fortress("destroy", "Customer", "--allow-destructive", cwd=project)
    assert result.code == 2
    assert "cannot destroy Customer: Order.customer still refer(s) to it" in result.err
    assert changed_paths(before, snapshot(project)) == []


def test_an_unknown_entity_is_a_usage_error(fortress: Fortress, project: Path) -> None:
    result = fortress("destroy", "Invoice", cwd=project)
    assert result.code == 2
    assert "no entity 'Invoice'" in result.err and "Customer, Order" in result.err


def test_without_the_flag_nothing_is_written_and_the_exit_code_is_1(project: Path) -> None:
    before = snapshot(project)
    result = run_binary("destroy", "Order", cwd=project)
    assert result.code == 1
    assert "would lose data: drops table orders and its rows" in result.err
    assert "--allow-destructive" in result.err
    assert changed_paths(before, snapshot(project)) == []


def test_destroy_removes_files_registrations_and_writes_a_drop_migration(
    fortress: Fortress, project: Path
) -> None:
    migrations = _migrations(project)
    result = fortress("destroy", "Order", "--allow-destructive", cwd=project)
    assert result.code == 0, result.err
    statuses = status_lines(result.err)
    for path in ORDER_FILES:
        assert statuses[path] == "delete"
        assert not (project / path).exists()
    assert statuses["specs/Order.yaml"] == "delete"
    assert not (project / "specs/Order.yaml").exists()
    for path in CUSTOMER_FILES:
        assert (project / path).is_file()
    routers = (project / "app/api/v1/__init__.py").read_text(encoding="utf-8")
    assert "orders" not in routers and "customers.router" in routers
    models = (project / "app/models/__init__.py").read_text(encoding="utf-8")
    assert "Order" not in models and "Customer" in models
    [new] = sorted(set(_migrations(project)) - set(migrations))
    assert new.endswith("_drop_orders.py")
    body = (project / "migrations/versions" / new).read_text(encoding="utf-8")
    assert 'op.drop_table("orders")' in body
    assert 'op.create_table(\n        "orders"' in body  # the downgrade brings it back
    factories = (project / "tests/api/factories.py").read_text(encoding="utf-8")
    assert "create_order" not in factories

    check = run_binary("generate", "--check", cwd=project)
    assert check.code == 0, check.err
    full = fortress("generate", "--check", cwd=project)
    assert full.code == 0, full.err


def test_edited_files_stay_unless_forced(fortress: Fortress, project: Path, tmp_path: Path) -> None:
    service = project / "app/services/OrderService.py"
    service.write_text(service.read_text(encoding="utf-8") + "# my rule\n", encoding="utf-8")
    result = fortress("destroy", "Order", "--allow-destructive", cwd=project)
    assert result.code == 0, result.err
    assert status_lines(result.err)["app/services/OrderService.py"] == "skip"
    assert "kept because you edited it" in result.err
    assert service.read_text(encoding="utf-8").endswith("# my rule\n")
    assert fortress("generate", "--check", cwd=project).code == 0


def test_force_deletes_edited_files_too(fortress: Fortress, project: Path) -> None:
    service = project / "app/services/OrderService.py"
    service.write_text(service.read_text(encoding="utf-8") + "# my rule\n", encoding="utf-8")
    result = fortress("destroy", "Order", "--allow-destructive", "--force", cwd=project)
    assert result.code == 0, result.err
    assert status_lines(result.err)["app/services/OrderService.py"] == "delete"
    assert not service.exists()


def test_dry_run_shows_the_plan_and_writes_nothing(fortress: Fortress, project: Path) -> None:
    before = snapshot(project)
    result = fortress("destroy", "Order", "--allow-destructive", "--dry-run", "--diff", cwd=project)
    assert result.code == 0, result.err
    assert "--- a/app/models/Order.py\n+++ /dev/null\n" in result.out
    assert "-from app.models.Order import Order\n" in result.out
    assert changed_paths(before, snapshot(project)) == []
