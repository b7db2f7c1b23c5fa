"""End to end: spec sets drawn at random pass every gate of the project they generate.

The examples (examples/, tests/golden/) are chosen by people; this draws valid sets of 1-3
entities from the same strategies as the property tests (every field type and option,
relations between them and to themselves) and runs the generated project's own ruff,
mypy --strict, tests and Alembic upgrade/check on SQLite. The draw is derandomized, so a
run is repeatable; `FORTRESS_HYPOTHESIS_PROFILE=heavy` draws more sets.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from fortress_testing import generate, new_project
from gates import DATABASE_GATES, run_gate, static_gates
from hypothesis import HealthCheck, Phase, assume, given, note, settings
from spec_strategies import spec_sets

from fortress_gen.errors import SpecError, SpecErrors
from fortress_gen.spec.model import EntitySpec
from fortress_gen.spec.shorthand import dump_spec_yaml

pytestmark = pytest.mark.e2e

_HEAVY = os.environ.get("FORTRESS_HYPOTHESIS_PROFILE") == "heavy"


@settings(
    max_examples=12 if _HEAVY else 3,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.generate],  # each example runs whole toolchains: too slow to shrink
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(specs=spec_sets())
def test_a_random_spec_set_passes_every_gate(
    specs: tuple[EntitySpec, ...], template_cache: Path
) -> None:
    with tempfile.TemporaryDirectory(prefix="fortress-random-") as tmp:
        root = new_project(Path(tmp) / "project", template_cache)
        for spec in specs:
            text = dump_spec_yaml(spec)
            note(f"specs/{spec.entity}.yaml:\n{text}")
            (root / "specs" / f"{spec.entity}.yaml").write_text(text, "utf-8")
        try:
            generate(root)
        except (SpecError, SpecErrors) as exc:
            note(f"refused: {exc}")
            assume(False)
        gates = static_gates("app")
        for name in ("ruff check", "format", "mypy", "fortress check"):
            run_gate(root, gates[name])
        url = f"sqlite+aiosqlite:///{Path(tmp) / 'app.db'}"
        for command in DATABASE_GATES:
            run_gate(root, command, DATABASE_URL=url, TEST_DATABASE_URL=url)
