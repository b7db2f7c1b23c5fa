"""Loading a whole project: files, order, helpers and source locations."""

from __future__ import annotations

from pathlib import Path

import pytest

from fortress_gen.errors import Location, ProjectError
from fortress_gen.spec.loader import load_spec_file, load_specs
from fortress_gen.spec.project import load_project

ORDER = """\
entity: Order
id: uuid
fields:
  number: {type: str, max_length: 32, unique: true}
  status: {type: enum, values: [pending, paid, shipped], default: pending, index: true}
  total: {type: decimal, max_digits: 12, decimal_places: 2, ge: 0}
  placed_at: {type: datetime}
  notes: {type: text, required: false}
  rating: int
  type: str
  date: date?
relations:
  customer: {kind: many_to_one, target: Customer, required: true, on_delete: cascade}
list:
  page_size: 20
  max_page_size: 100
  filters: [status, customer_id, type]
  sort: [-placed_at, total, created_at]
"""
CUSTOMER = """\
entity: Customer
fields:
  name: str
relations:
  referrer: {target: Customer, required: false}
  first_order: {target: Order, required: false, back_populates: first_of}
"""


@pytest.fixture
def project_root(tmp_path: Path) -> Path:
    (tmp_path / "fortress.yaml").write_text("package: shop\n", encoding="utf-8")
    specs = tmp_path / "specs"
    specs.mkdir()
    (specs / "Order.yaml").write_text(ORDER, encoding="utf-8")
    (specs / "Customer.yml").write_text(CUSTOMER, encoding="utf-8")
    (specs / "README.md").write_text("not a spec", encoding="utf-8")
    (specs / ".Draft.yaml").write_text("broken: [", encoding="utf-8")
    return tmp_path


def test_load_project(project_root: Path) -> None:
    project = load_project(project_root)
    assert project.config.package == "shop"
    assert project.entity_names == ("Customer", "Order")
    assert project.entity("Order").id == "uuid"
    assert project.entity("Order").fields["number"].max_length == 32
    assert project.spec_path("Customer") == Path("specs/Customer.yml")
    assert project.spec_path("Tag") == Path("specs/Tag.yaml")
    assert project.specs_dir == project_root / "specs"
    assert [(r.entity, r.name) for r in project.referrers("Customer")] == [
        ("Customer", "referrer"),
        ("Order", "customer"),
    ]
    assert project.loaded_spec("Order").path == Path("specs/Order.yaml")


def test_unknown_entity(project_root: Path) -> None:
    project = load_project(project_root)
    with pytest.raises(ProjectError) as info:
        project.entity("Tag")
    assert str(info.value) == "no entity 'Tag' in this project (known: Customer, Order)"


def test_load_specs_sorted_by_file_name(project_root: Path) -> None:
    loaded = load_specs(project_root / "specs", project_root)
    assert [item.path.as_posix() for item in loaded] == ["specs/Customer.yml", "specs/Order.yaml"]


def test_locate(project_root: Path) -> None:
    item = load_spec_file(project_root / "specs" / "Order.yaml", project_root)
    path = Path("specs/Order.yaml")
    assert item.locate("fields", "total", "ge") == Location(path, 6, 65)
    assert item.locate("fields", "total", key=True) == Location(path, 6, 3)
    assert item.locate("fields", "rating") == Location(path, 9, 11)
    assert item.locate("list", "filters", 1) == Location(path, 17, 21)
    # falls back to the nearest parent the file spells out
    assert item.locate("fields", "rating", "type") == Location(path, 9, 11)
    assert item.locate("table") == Location(path, 1, 1)


def test_missing_specs_folder(tmp_path: Path) -> None:
    (tmp_path / "fortress.yaml").write_text("specs: design\n", encoding="utf-8")
    with pytest.raises(ProjectError) as info:
        load_project(tmp_path)
    assert str(info.value) == (
        "the specs folder design does not exist (create it, or set `specs:` in fortress.yaml)"
    )


def test_not_utf8(project_root: Path) -> None:
    (project_root / "specs" / "Bad.yaml").write_bytes(b"entity: \xff\n")
    with pytest.raises(Exception) as info:
        load_project(project_root)
    assert str(info.value) == "specs/Bad.yaml: not UTF-8 text (byte 8)"
