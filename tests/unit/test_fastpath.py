"""The no-op fast path says "in step" only when the full pipeline would change nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fortress_testing import FROZEN_NOW, generate, new_project

from fortress_gen.fastpath import find_root, in_step
from fortress_gen.generate import plan_generation
from fortress_gen.lock import LOCK_FILE
from fortress_gen.spec.project import load_project
from fortress_gen.transaction import JOURNAL

CUSTOMER = "entity: Customer\nfields:\n  name: {type: str, max_length: 120}\n"
ORDER = "entity: Order\nfields:\n  total: decimal\nrelations:\n  customer: {target: Customer}\n"


@pytest.fixture
def project(tmp_path: Path, template_cache: Path) -> Path:
    root = new_project(tmp_path / "shop", template_cache)
    (root / "specs/Customer.yaml").write_text(CUSTOMER, encoding="utf-8")
    (root / "specs/Order.yaml").write_text(ORDER, encoding="utf-8")
    generate(root)
    return root


def _full_path_noop(root: Path) -> bool:
    plan = plan_generation(load_project(root), now=FROZEN_NOW)
    return plan.is_noop and not plan.conflicts


def test_in_step_right_after_a_run(project: Path) -> None:
    assert in_step(project)
    assert _full_path_noop(project)
    assert find_root(project / "app" / "models") == project


def test_an_edited_generated_file_is_still_in_step(project: Path) -> None:
    service = project / "app/services/CustomerService.py"
    service.write_text(service.read_text(encoding="utf-8") + "# mine\n", encoding="utf-8")
    assert in_step(project)
    assert _full_path_noop(project)


@pytest.mark.parametrize(
    "change",
    [
        "spec",
        "spec_whitespace",
        "new_spec",
        "patched_file",
        "pyproject",
        "fortress_yaml",
        "journal",
        "old_lock",
        "formatter",
        "no_lock",
    ],
)
def test_anything_else_falls_through_to_the_full_path(project: Path, change: str) -> None:
    lock_path = project / LOCK_FILE
    if change == "spec":
        (project / "specs/Customer.yaml").write_text(
            CUSTOMER.replace("120", "160"), encoding="utf-8"
        )
    elif change == "spec_whitespace":
        (project / "specs/Customer.yaml").write_text(CUSTOMER + "\n", encoding="utf-8")
    elif change == "new_spec":
        (project / "specs/Note.yaml").write_text("entity: Note\nfields:\n  body: text\n")
    elif change == "patched_file":
        routers = project / "app/api/v1/__init__.py"
        routers.write_text(routers.read_text(encoding="utf-8") + "# mine\n", encoding="utf-8")
    elif change == "pyproject":
        pyproject = project / "pyproject.toml"
        pyproject.write_text(pyproject.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    elif change == "fortress_yaml":
        config = project / "fortress.yaml"
        config.write_text(config.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    elif change == "journal":
        (project / JOURNAL).write_text('{"state": "committed", "changes": []}\n')
    elif change == "old_lock":
        data = json.loads(lock_path.read_text(encoding="utf-8"))
        data["version"] = 1
        del data["inputs"]
        lock_path.write_text(json.dumps(data), encoding="utf-8")
    elif change == "formatter":
        data = json.loads(lock_path.read_text(encoding="utf-8"))
        data["formatter"] = "ruff 0.0.1"
        lock_path.write_text(json.dumps(data), encoding="utf-8")
    elif change == "no_lock":
        lock_path.unlink()
    assert not in_step(project)


def test_a_file_left_alone_keeps_the_fast_path_off(tmp_path: Path, template_cache: Path) -> None:
    root = new_project(tmp_path / "shop", template_cache)
    (root / "specs/Customer.yaml").write_text(CUSTOMER, encoding="utf-8")
    (root / "app/models/Customer.py").write_text("# my own model\n", encoding="utf-8")
    generate(root)  # the model is in the way: left alone, exit 1
    assert not in_step(root)
    assert not _full_path_noop(root)


def test_a_reformatted_spec_is_not_drift_and_the_next_run_refreshes_the_fingerprint(
    project: Path,
) -> None:
    (project / "specs/Customer.yaml").write_text("# our customers\n" + CUSTOMER, "utf-8")
    assert not in_step(project)
    plan = plan_generation(load_project(project), now=FROZEN_NOW)
    assert plan.in_step and plan.fingerprints_only and not plan.is_noop
    generate(project)
    assert in_step(project)
