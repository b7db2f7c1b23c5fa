"""Property tests for specs: dump/load round trips, and located errors for any broken input.

Run heavier with ``FORTRESS_HYPOTHESIS_PROFILE=heavy``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from fortress_gen.config import ProjectConfig
from fortress_gen.errors import FortressError, SpecErrors
from fortress_gen.naming import reserved_entity_reason, reserved_reason
from fortress_gen.spec._fields import check_field
from fortress_gen.spec.loader import load_spec_text
from fortress_gen.spec.model import (
    FIELD_TYPES,
    CacheSpec,
    EntitySpec,
    FieldSpec,
    ListSpec,
    RelationSpec,
)
from fortress_gen.spec.resolve import list_columns, resolve_project
from fortress_gen.spec.shorthand import dump_spec_yaml

_HEAVY = os.environ.get("FORTRESS_HYPOTHESIS_PROFILE") == "heavy"
SETTINGS = settings(
    max_examples=1000 if _HEAVY else 50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)

# --- strategies -----------------------------------------------------------------------------

names = st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True).filter(
    lambda n: reserved_reason(n) is None and not n.endswith("_id") and "__" not in n
)
entity_names = st.from_regex(r"[A-Z][A-Za-z0-9]{0,10}", fullmatch=True).filter(
    lambda n: reserved_entity_reason(n) is None
)
texts = st.text(
    st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x85\u2028\u2029"),
    max_size=30,
)
enum_values = st.lists(
    st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True), min_size=1, max_size=5, unique=True
)


@st.composite
def field_specs(draw: st.DrawFn) -> FieldSpec:
    """A FieldSpec of any type, with options that fit the type."""
    kind = draw(st.sampled_from(FIELD_TYPES))
    data: dict[str, Any] = {"type": kind, "required": draw(st.booleans())}
    if kind not in ("json", "bytes"):
        data["unique"] = draw(st.booleans())
        data["index"] = draw(st.booleans())
    data["description"] = draw(st.none() | texts)
    if kind in ("str", "text", "email", "url"):
        data["max_length"] = draw(st.none() | st.integers(8, 400))
        data["min_length"] = draw(st.none() | st.integers(0, 8))
        if kind in ("str", "text"):
            data["pattern"] = draw(st.sampled_from([None, "^[a-z]*$", r"\d+"]))
    if kind in ("int", "bigint"):
        low = draw(st.none() | st.integers(-1000, 1000))
        data["ge"] = low
        data["le"] = None if low is None else low + draw(st.integers(0, 1000))
        data["default"] = draw(st.none() | st.just(low if low is not None else 0))
    if kind == "float":
        data["gt"] = draw(st.none() | st.floats(-1e6, 1e6, allow_nan=False))
        data["example"] = draw(st.none() | st.just((data["gt"] or 0.0) + 1.5))
    if kind == "decimal":
        digits = draw(st.integers(3, 20))
        data["max_digits"] = digits
        data["decimal_places"] = draw(st.integers(0, 2))
        data["default"] = draw(st.none() | st.sampled_from([0, 1, 1.5, "12.25"]))
    if kind == "enum":
        values = draw(enum_values)
        data["values"] = values
        data["default"] = draw(st.none() | st.sampled_from(values))
    if kind == "bool":
        data["default"] = draw(st.none() | st.booleans())
    if kind == "date":
        data["default"] = draw(st.none() | st.dates().map(lambda d: d.isoformat()))
    if kind == "str" and data.get("pattern") is None:
        data["default"] = draw(st.none() | st.from_regex(r"[a-z ]{0,8}", fullmatch=True))
    data["secret"] = draw(st.booleans())
    data["writable"] = True if data["secret"] else draw(st.booleans())
    if data["required"] and not data["writable"] and data.get("default") is None:
        data["writable"] = True
    field = FieldSpec.model_validate(data)
    assume(not list(check_field(field)))
    return field


@st.composite
def entity_specs(draw: st.DrawFn) -> EntitySpec:
    """A valid single-entity spec; relations only point at the entity itself (optional)."""
    entity = draw(entity_names)
    field_names = draw(st.lists(names, max_size=6, unique=True))
    fields = {name: draw(field_specs()) for name in field_names}
    rel_names = draw(st.lists(names.filter(lambda n: n not in fields), max_size=2, unique=True))
    relations = {
        name: RelationSpec(
            target=entity,
            required=False,
            on_delete=draw(st.sampled_from([None, "cascade", "set_null", "restrict"])),
        )
        for name in rel_names
        if f"{name}_id" not in fields
    }
    spec = EntitySpec(
        entity=entity,
        description=draw(st.none() | texts),
        id=draw(st.sampled_from(["int", "uuid"])),
        timestamps=draw(st.booleans()),
        soft_delete=draw(st.booleans()),
        access=draw(st.sampled_from(["public", "authenticated", "admin"])),
        operations=tuple(
            draw(
                st.lists(
                    st.sampled_from(["list", "create", "get", "update", "delete"]),
                    unique=True,
                    min_size=1,
                )
            )
        ),
        fields=fields,
        relations=relations,
    )
    columns = list_columns(spec)
    filterable = [
        c
        for c, kind in columns.items()
        if kind not in ("json", "bytes") and not (c in fields and fields[c].secret)
    ]
    sortable = [
        c
        for c in filterable
        if columns[c] != "text"
        and (c not in fields or fields[c].required)
        and not (c.endswith("_id") and c[:-3] in relations)
    ]
    page = draw(st.integers(1, 200))
    listing = ListSpec(
        page_size=page,
        max_page_size=draw(st.integers(page, 1000)),
        filters=tuple(draw(st.lists(st.sampled_from(filterable), unique=True, max_size=3))),
        sort=tuple(
            draw(st.sampled_from(["", "-"])) + name
            for name in draw(st.lists(st.sampled_from(sortable), unique=True, max_size=3))
        ),
    )
    return spec.model_copy(update={"list": listing})


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
