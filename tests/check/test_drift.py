"""FTR501/FTR502: `fortress check` asks the generator what `fortress generate` would change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fortress_testing import REPO, new_project

from fortress_gen.check.runner import run_check
from fortress_gen.errors import FortressError

COUPON = "entity: Coupon\nfields:\n  code: {type: str, max_length: 20, unique: true}\n"


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    root = tmp_path / "shop"
    shutil.copytree(
        REPO / "examples" / "shop", root, ignore=shutil.ignore_patterns(".fortress_cache")
    )
    return root


def _drift(root: Path, **options: object) -> list[tuple[str, str, str]]:
    result = run_check(root, select=["FTR5"], cwd=root, **options)  # type: ignore[arg-type]
    return [(f.path, f.code, f.message.split(": ", 1)[1]) for f in result.findings]


def test_a_generated_project_has_no_drift(shop: Path) -> None:
    assert _drift(shop) == []


def test_a_new_spec_means_missing_files_a_registration_and_a_migration(shop: Path) -> None:
    (shop / "specs" / "Coupon.yaml").write_text(COUPON, "utf-8")
    found = _drift(shop)
    (migration,) = [(path, text) for path, code, text in found if code == "FTR502"]
    assert migration[0] == "fortress.lock"
    assert migration[1].startswith("`fortress generate` would write migrations/versions/2026")
    assert migration[1].endswith("_create_coupons.py")
    missing = "missing; `fortress generate` would create it"
    for path in (
        "app/models/Coupon.py",
        "app/schemas/CouponSchema.py",
        "app/repositories/CouponRepository.py",
        "app/services/CouponService.py",
        "app/api/v1/endpoints/coupons.py",
        "tests/api/test_coupons.py",
    ):
        assert (path, "FTR501", missing) in found
    assert (
        "app/api/v1/__init__.py",
        "FTR501",
        "`fortress generate` would change the registrations here",
    ) in found
    assert (
        "app/models/__init__.py",
        "FTR501",
        "`fortress generate` would change the registrations here",
    ) in found


@pytest.mark.parametrize(
    ("specs", "slug"),
    [
        ({"Coupon": COUPON}, "create_coupons"),
        (
            {
                "Coupon": COUPON,
                "Voucher": "entity: Voucher\nfields:\n  code: str\nrelations:\n"
                "  coupon: {kind: many_to_one, target: Coupon}\n",
            },
            "create_coupons_vouchers",
        ),
        (
            {
                "Review": "entity: Review\nfields:\n  stars: {type: int, ge: 1, le: 5}\n"
                "relations:\n  customer: {kind: many_to_one, target: Customer}\n"
            },
            "create_reviews",
        ),
    ],
)
def test_every_new_table_needs_the_migration(shop: Path, specs: dict[str, str], slug: str) -> None:
    for entity, text in specs.items():
        (shop / "specs" / f"{entity}.yaml").write_text(text, "utf-8")
    (migration,) = [text for path, code, text in _drift(shop) if code == "FTR502"]
    assert migration.endswith(f"_{slug}.py")


def test_a_spec_change_the_generator_refuses_is_reported_like_generate_does(shop: Path) -> None:
    spec = shop / "specs" / "Customer.yaml"
    spec.write_text(spec.read_text("utf-8").replace("fields:\n", "fields:\n  vip: bool\n"), "utf-8")
    with pytest.raises(FortressError) as raised:
        _drift(shop)
    assert "specs/Customer.yaml:5:3: fields.vip: a required field added" in str(raised.value)


def test_a_changed_spec_means_files_to_update_and_edited_ones_to_merge(shop: Path) -> None:
    spec = shop / "specs" / "Customer.yaml"
    spec.write_text(
        spec.read_text("utf-8").replace("Someone who buys", "A person who buys"), "utf-8"
    )
    service = shop / "app" / "services" / "CustomerService.py"
    service.write_text(service.read_text("utf-8") + "\n# a note of ours\n", "utf-8")
    found = dict(((path, code), text) for path, code, text in _drift(shop))
    assert found[("app/models/Customer.py", "FTR501")] == "`fortress generate` would update it"
    assert ("fortress.lock", "FTR502") not in found


def test_editing_a_generated_file_is_not_drift(shop: Path) -> None:
    service = shop / "app" / "services" / "OrderService.py"
    service.write_text(service.read_text("utf-8") + "\n# a note of ours\n", "utf-8")
    assert _drift(shop) == []


def test_an_edited_file_whose_generated_text_changed_is_drift(shop: Path) -> None:
    spec = shop / "specs" / "Customer.yaml"
    spec.write_text(
        spec.read_text("utf-8").replace("Someone who buys", "A person who buys"), "utf-8"
    )
    model = shop / "app" / "models" / "Customer.py"
    model.write_text(model.read_text("utf-8") + "\n# a note of ours\n", "utf-8")
    found = dict(((path, code), text) for path, code, text in _drift(shop))
    assert found[("app/models/Customer.py", "FTR501")] == (
        "edited, and the specs changed it since: `fortress generate` would merge them"
    )


def test_drift_is_checked_only_for_the_whole_project(shop: Path) -> None:
    (shop / "specs" / "Coupon.yaml").write_text(COUPON, "utf-8")
    assert run_check(shop, [shop / "app"], select=["FTR5"], cwd=shop).findings == ()
    assert run_check(shop, [shop], select=["FTR5"], cwd=shop).findings != ()


def test_the_cached_plan_is_reused_only_while_its_inputs_are_unchanged(shop: Path) -> None:
    assert _drift(shop) == []
    assert _drift(shop) == []  # from the cache
    (shop / "specs" / "Coupon.yaml").write_text(COUPON, "utf-8")
    assert any(code == "FTR502" for _, code, _ in _drift(shop))
    (shop / "specs" / "Coupon.yaml").unlink()
    assert _drift(shop) == []
    model = shop / "app" / "models" / "Order.py"
    model.unlink()
    assert _drift(shop) == []  # a generated file the user deleted is not recreated: not drift


def test_a_bad_spec_is_a_located_error(shop: Path) -> None:
    (shop / "specs" / "Broken.yaml").write_text(
        "entity: Broken\nfields:\n  x: {type: nope}\n", "utf-8"
    )
    with pytest.raises(FortressError) as raised:
        _drift(shop)
    assert "Broken.yaml:3" in str(raised.value)


def test_a_fresh_project_without_entities_has_no_drift(
    tmp_path: Path, template_cache: Path
) -> None:
    root = new_project(tmp_path / "fresh", template_cache)
    assert _drift(root) == []
