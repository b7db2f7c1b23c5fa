"""render_dependencies: a change outside an entity's dependencies never changes its files.

`fortress generate` skips an entity whose fingerprint (its spec, plus DEPENDENCY_ATTRIBUTES
of the specs `render_dependencies` names) is unchanged. These tests render every entity of
the golden projects before and after changing what the fingerprint leaves out, and require
identical text; if a template starts reading more of a related spec, they fail.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fortress_gen.config import ProjectConfig
from fortress_gen.render.render import render_dependencies, render_entity
from fortress_gen.spec.loader import load_specs
from fortress_gen.spec.model import EntitySpec, ListSpec

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SPEC_SETS = sorted(p / "specs" for p in GOLDEN.iterdir() if (p / "specs").is_dir()) + sorted(
    p / "specs" for p in EXAMPLES.iterdir() if (p / "specs").is_dir()
)


def _entities(specs: Path) -> list[EntitySpec]:
    return sorted(
        (loaded.spec for loaded in load_specs(specs, specs.parent)), key=lambda e: e.entity
    )


def _outside_the_fingerprint(entity: EntitySpec) -> EntitySpec:
    """`entity` changed in every attribute DEPENDENCY_ATTRIBUTES leaves out (its fields are
    fingerprinted: a `nested` relation returns them)."""
    return entity.model_copy(
        update={
            "description": "Changed by the test.",
            "timestamps": not entity.timestamps,
            "soft_delete": not entity.soft_delete,
            "list": ListSpec(page_size=3, max_page_size=9),
            "events": () if entity.events else ("created",),
        }
    )


@pytest.mark.parametrize("specs", SPEC_SETS, ids=lambda p: p.parent.name)
def test_other_specs_change_an_entity_only_through_its_dependencies(specs: Path) -> None:
    entities = _entities(specs)
    config = ProjectConfig()
    for entity in entities:
        before = render_entity(entity, entities, config)
        dependencies = {d.entity for d in render_dependencies(entity, entities)}
        for other in entities:
            if other.entity == entity.entity:
                continue
            changed = [_outside_the_fingerprint(e) if e is other else e for e in entities]
            after = render_entity(entity, changed, config)
            assert after == before, (
                f"{entity.entity}'s files changed with {other.entity}'s "
                f"{'unfingerprinted attributes' if other.entity in dependencies else 'spec'}"
            )


def test_dependencies_follow_relations_both_ways() -> None:
    entities = _entities(EXAMPLES / "shop" / "specs")
    names = {e.entity: e for e in entities}
    order_deps = {d.entity for d in render_dependencies(names["Order"], entities)}
    assert "Customer" in order_deps  # Order -> Customer
    customer_deps = {d.entity for d in render_dependencies(names["Customer"], entities)}
    assert "Order" in customer_deps  # Customer <- Order


def test_a_fingerprinted_attribute_of_a_target_does_change_the_referrer() -> None:
    entities = _entities(EXAMPLES / "shop" / "specs")
    order = next(e for e in entities if e.entity == "Order")
    changed = [
        e.model_copy(update={"id": "uuid"}) if e.entity == "Customer" else e for e in entities
    ]
    config = ProjectConfig()
    assert render_entity(order, changed, config) != render_entity(order, entities, config)
