"""Property tests of the whole pipeline: valid specs on disk -> generated project.

For any valid set of 1-3 entities (every field type, options that fit it, many-to-one
relations between them and to themselves) written as YAML into a fresh project:

- the library pipeline raises nothing but FortressError, and for these valid specs nothing
  but located spec errors (a FormatError would be a template bug);
- every generated `.py` compiles, without warnings (such as an invalid escape sequence);
- a second run plans nothing and changes nothing;
- two runs into two projects give byte-identical files.

Run heavier with ``FORTRESS_HYPOTHESIS_PROFILE=heavy``.
"""

from __future__ import annotations

import os
import tempfile
import warnings
from pathlib import Path

from fortress_testing import FROZEN_NOW, new_project
from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st
from spec_strategies import spec_sets

from fortress_gen.errors import SpecError, SpecErrors
from fortress_gen.generate import plan_generation
from fortress_gen.spec.model import EntitySpec
from fortress_gen.spec.project import load_project
from fortress_gen.spec.shorthand import dump_spec_yaml
from fortress_gen.write import apply_plan

_HEAVY = os.environ.get("FORTRESS_HYPOTHESIS_PROFILE") == "heavy"
SETTINGS = settings(
    max_examples=200 if _HEAVY else 15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


# --- the pipeline ---------------------------------------------------------------------------


def _project(destination: Path, cache: Path, style: str, specs: tuple[EntitySpec, ...]) -> Path:
    root = new_project(destination, cache, data={"style": style})
    for spec in specs:
        (root / "specs" / f"{spec.entity}.yaml").write_text(dump_spec_yaml(spec), "utf-8")
    return root


def _generate(root: Path) -> list[str] | None:
    """Run the pipeline; None if it refused the specs with located spec errors.

    Any other exception fails the test, a FortressError too: for valid specs in a fresh
    project, a FormatError (a template bug) or a PatchError is a bug as well.
    """
    try:
        plan = plan_generation(load_project(root), now=FROZEN_NOW)
    except (SpecError, SpecErrors) as exc:
        errors = exc.errors if isinstance(exc, SpecErrors) else [exc]
        for error in errors:
            assert error.location is not None, f"unlocated: {error}"
        note(f"refused: {exc}")
        event(f"refused: {type(exc).__name__}")
        return None
    return apply_plan(plan, root)


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@SETTINGS
@given(specs=spec_sets(), style=st.sampled_from(["fortress", "pep8"]))
def test_the_pipeline_on_any_valid_specs(
    template_cache: Path, specs: tuple[EntitySpec, ...], style: str
) -> None:
    for spec in specs:
        note(dump_spec_yaml(spec))
    with tempfile.TemporaryDirectory(prefix="fortress-prop-") as tmp:
        first = _project(Path(tmp) / "first", template_cache, style, specs)
        second = _project(Path(tmp) / "second", template_cache, style, specs)

        written = _generate(first)
        if written is None:
            assert _generate(second) is None  # refusals are deterministic too
            return
        assert any(path.endswith(".py") for path in written)
        files = _files(first)
        for path, data in files.items():
            if path.endswith(".py"):
                with warnings.catch_warnings():
                    warnings.simplefilter("error")  # e.g. an invalid escape sequence
                    compile(data.decode("utf-8"), path, "exec", dont_inherit=True)

        again = plan_generation(load_project(first), now=FROZEN_NOW)
        assert {op.path: op.status for op in again.ops if op.status != "identical"} == {}
        assert again.is_noop
        assert apply_plan(again, first) == []
        assert _files(first) == files

        assert _generate(second) == written
        assert _files(second) == files
