"""Property tests for specs: dump/load round trips, and located errors for any broken input.

Run heavier with ``FORTRESS_HYPOTHESIS_PROFILE=heavy``.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spec_strategies import entity_names, entity_specs, names, texts

from fortress_gen.config import ProjectConfig
from fortress_gen.errors import FortressError, SpecErrors
from fortress_gen.spec.loader import load_spec_text
from fortress_gen.spec.model import (
    CacheSpec,
    EntitySpec,
    RelationSpec,
)
from fortress_gen.spec.resolve import resolve_project
from fortress_gen.spec.shorthand import dump_spec_yaml

_HEAVY = os.environ.get("FORTRESS_HYPOTHESIS_PROFILE") == "heavy"
SETTINGS = settings(
    max_examples=1000 if _HEAVY else 50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


def _path(spec: EntitySpec) -> Path:
    return Path(f"specs/{spec.entity}.yaml")


# --- properties -----------------------------------------------------------------------------


@SETTINGS
@given(entity_specs())
def test_dump_load_round_trip(spec: EntitySpec) -> None:
    text = dump_spec_yaml(spec)
    assert load_spec_text(text, _path(spec)).spec == spec
    assert dump_spec_yaml(load_spec_text(text, _path(spec)).spec) == text


@st.composite
def model_valid_specs(draw: st.DrawFn) -> EntitySpec:
    """Specs the model accepts, including parts resolve rejects (cache, events, kinds)."""
    spec = draw(entity_specs())
    relations = {
        name: RelationSpec(
            kind=draw(st.sampled_from(["many_to_one", "one_to_one", "many_to_many"])),
            target=draw(entity_names),
            required=draw(st.booleans()),
            back_populates=draw(st.none() | names),
        )
        for name in draw(st.lists(names, max_size=3, unique=True))
    }
    return spec.model_copy(
        update={
            "relations": relations,
            "cache": draw(st.none() | st.integers(1, 3600).map(lambda ttl: CacheSpec(ttl=ttl))),
            "events": tuple(
                draw(st.lists(st.sampled_from(["created", "updated", "deleted"]), unique=True))
            ),
            "list": spec.list.model_copy(
                update={"pagination": draw(st.sampled_from(["cursor", "offset"]))}
            ),
            "table": draw(st.none() | names),
            "route": draw(st.none() | st.from_regex(r"[a-z0-9]+(/[a-z0-9]+)?", fullmatch=True)),
        }
    )


@SETTINGS
@given(model_valid_specs())
def test_dump_load_round_trip_of_every_part(spec: EntitySpec) -> None:
    spec = EntitySpec.model_validate(spec.model_dump(exclude_none=True))  # fill table/route
    assert load_spec_text(dump_spec_yaml(spec), _path(spec)).spec == spec


@SETTINGS
@given(entity_specs())
def test_valid_specs_resolve(spec: EntitySpec) -> None:
    loaded = load_spec_text(dump_spec_yaml(spec), _path(spec))
    project = resolve_project(Path(), ProjectConfig(), [loaded])
    assert project.entities == (spec,)


def _check_located(text: str, path: Path) -> None:
    try:
        loaded = load_spec_text(text, path)
        resolve_project(Path(), ProjectConfig(), [loaded])
    except SpecErrors as exc:
        assert exc.errors
        for error in exc.errors:
            assert error.location is not None
            assert error.location.path == path
            assert "\n" not in error.message
            assert "pydantic" not in str(error).lower()
    except FortressError as exc:  # pragma: no cover - any other FortressError is a bug too
        raise AssertionError(f"unexpected {type(exc).__name__}: {exc}") from exc


_JUNK = st.sampled_from(
    [
        "",
        ":",
        "- ",
        "{",
        "}",
        "[",
        "]",
        "\t",
        "&a ",
        "*a",
        "!!binary ",
        "? ",
        "---",
        "'",
        '"',
        "#",
        "<<: ",
        "%YAML 1.1",
        "\x00",
        "~",
        "yes",
        "1e9",
        "  ",
        "\n",
    ]
)


@st.composite
def mutated_texts(draw: st.DrawFn) -> tuple[str, Path]:
    """A valid spec's text with a few lines dropped, duplicated, or junk spliced in."""
    spec = draw(entity_specs())
    lines = dump_spec_yaml(spec).splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 3))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["drop", "dup", "splice", "indent", "retype"]))
        line = lines[index]
        if action == "drop" and len(lines) > 1:
            del lines[index]
        elif action == "dup":
            lines.insert(index, line)
        elif action == "splice":
            at = draw(st.integers(0, len(line)))
            lines[index] = line[:at] + draw(_JUNK) + line[at:]
        elif action == "indent":
            lines[index] = draw(st.sampled_from(["  ", "   ", ""])) + line.lstrip()
        else:
            key, _, _ = line.partition(":")
            lines[index] = f"{key}: {draw(st.sampled_from(['[]', '{}', '7', 'no', 'x', '']))}\n"
    return "".join(lines), _path(spec)


@SETTINGS
@given(mutated_texts())
def test_mutated_text_gives_located_errors(case: tuple[str, Path]) -> None:
    _check_located(*case)


_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=6,
)


@st.composite
def mutated_documents(draw: st.DrawFn) -> tuple[str, Path]:
    """A valid spec as data with keys dropped, values replaced and unknown keys added."""
    spec = draw(entity_specs())
    data = yaml.safe_load(dump_spec_yaml(spec))
    for _ in range(draw(st.integers(1, 3))):
        target = data
        while isinstance(target, dict) and target and draw(st.booleans()):
            child = target[draw(st.sampled_from(sorted(target)))]
            if not isinstance(child, dict) or not child:
                break
            target = child
        if not isinstance(target, dict) or not target:
            continue
        key = draw(st.sampled_from(sorted(target)))
        action = draw(st.sampled_from(["drop", "replace", "add"]))
        if action == "drop":
            del target[key]
        elif action == "replace":
            target[key] = draw(_VALUES)
        else:
            target[draw(names)] = draw(_VALUES)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return text, _path(spec)


@SETTINGS
@given(mutated_documents())
def test_mutated_documents_give_located_errors(case: tuple[str, Path]) -> None:
    _check_located(*case)


@SETTINGS
@given(st.text(max_size=200))
def test_garbage_gives_located_errors(text: str) -> None:
    _check_located(text, Path("specs/Order.yaml"))
