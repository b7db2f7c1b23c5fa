"""Hypothesis strategies for valid specs, shared by the property and end-to-end tests.

`entity_specs` draws one valid entity (every field type, options that fit it, lists,
relations to itself); `spec_sets` draws 1-3 of them with relations of every kind between them.
"""

from __future__ import annotations

import keyword
from typing import Any

from hypothesis import assume
from hypothesis import strategies as st

from fortress_gen.naming import pluralize, reserved_entity_reason, reserved_reason, snake_case
from fortress_gen.spec._fields import check_field
from fortress_gen.spec.model import (
    FIELD_TYPES,
    AccessSpec,
    CacheSpec,
    EntitySpec,
    FieldSpec,
    ListSpec,
    RelationSpec,
)
from fortress_gen.spec.relations import association_columns, association_table, ids_field
from fortress_gen.spec.resolve import list_columns

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
    if data.get("unique") and not data["writable"] and data.get("default") is not None:
        data["writable"] = True  # one default on every row: refused, see check_field
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
    operations = tuple(
        draw(
            st.lists(
                st.sampled_from(["list", "create", "get", "update", "delete"]),
                unique=True,
                min_size=1,
            )
        )
    )
    policies = st.sampled_from(["public", "authenticated", "admin"])
    owner_free = not {"owner", "owner_id"} & {*fields, *relations}
    access = draw(
        st.sampled_from(["public", "authenticated", "admin", *(["owner"] if owner_free else [])])
        | st.builds(
            AccessSpec,
            default=policies,
            **{op: st.none() | policies for op in operations},
        )
    )
    spec = EntitySpec(
        entity=entity,
        description=draw(st.none() | texts),
        id=draw(st.sampled_from(["int", "uuid"])),
        timestamps=draw(st.booleans()),
        soft_delete=draw(st.booleans()),
        access=access,
        operations=operations,
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
    raised = {"create": "created", "update": "updated", "delete": "deleted"}
    possible = [event for operation, event in raised.items() if operation in spec.operations]
    events = tuple(draw(st.lists(st.sampled_from(possible), unique=True))) if possible else ()
    cache = draw(st.none() | st.builds(CacheSpec, ttl=st.integers(1, 86400)))
    return spec.model_copy(update={"list": listing, "events": events, "cache": cache})


@st.composite
def spec_sets(draw: st.DrawFn) -> tuple[EntitySpec, ...]:
    """1-3 valid entities with relations of every kind between them and to themselves.

    A many_to_one or one_to_one to an entity drawn earlier may be required; one to itself or
    to a later entity is optional, so required relations never form a cycle. Relations may
    name a reverse (`back_populates`) on their target and nest it (`nested`).
    """
    specs = draw(
        st.lists(
            entity_specs().filter(lambda s: not _module_is_keyword(s.entity)),
            min_size=1,
            max_size=3,
            unique_by=lambda s: s.entity,
        )
    )
    result = []
    for index, spec in enumerate(specs):
        fields = {name: _with_example(field) for name, field in spec.fields.items()}
        taken = set(fields) | set(spec.relations)
        extra: dict[str, RelationSpec] = {}
        for name in draw(st.lists(names, max_size=2, unique=True)):
            if name in taken:
                continue
            target = draw(st.integers(0, len(specs) - 1))
            kind = draw(st.sampled_from(["many_to_one", "one_to_one", "many_to_many"]))
            nested = draw(st.booleans())
            if kind != "many_to_many" and draw(st.integers(0, 4)) == 0:
                extra[name] = RelationSpec(  # the built-in User: no reverse, never nested
                    kind=kind,
                    target="User",
                    required=draw(st.booleans()),
                    on_delete=draw(st.none() | st.sampled_from(["cascade", "restrict"])),
                )
                continue
            if kind == "many_to_many":
                mine, theirs = association_columns(spec, name)
                ids = ids_field(name)
                if mine == theirs or ids in fields or ids in taken or reserved_reason(ids):
                    continue
                extra[name] = RelationSpec(kind=kind, target=specs[target].entity, nested=nested)
                continue
            required = target < index and draw(st.booleans())
            choices = ["cascade", "restrict"] if required else ["cascade", "set_null", "restrict"]
            extra[name] = RelationSpec(
                kind=kind,
                target=specs[target].entity,
                required=required,
                on_delete=draw(st.none() | st.sampled_from(choices)),
                nested=nested,
            )
        relations = {**spec.relations, **extra}
        result.append(spec.model_copy(update={"fields": fields, "relations": relations}))
    return _with_reverse_sides(draw, result)


def _with_reverse_sides(draw: st.DrawFn, specs: list[EntitySpec]) -> tuple[EntitySpec, ...]:
    """Give some relations a `back_populates` that names nothing else on their target."""
    by_name = {spec.entity: spec for spec in specs}
    used: dict[str, set[str]] = {
        spec.entity: {
            *spec.fields,
            *spec.relations,
            *list_columns(spec),
            *(ids_field(n) for n, r in spec.relations.items() if r.kind == "many_to_many"),
        }
        for spec in specs
    }
    result = []
    for spec in specs:
        relations = {}
        for name, relation in spec.relations.items():
            back = draw(st.none() | names)
            if back is not None and relation.target in used and back not in used[relation.target]:
                used[relation.target].add(back)
                relation = relation.model_copy(update={"back_populates": back})
            relations[name] = relation
        result.append(spec.model_copy(update={"relations": relations}))
    tables = [spec.table_name for spec in result] + [
        association_table(spec, name)
        for spec in result
        for name, relation in spec.relations.items()
        if relation.kind == "many_to_many"
    ]
    assume(len(set(tables)) == len(tables) and by_name)
    return tuple(result)


def _module_is_keyword(entity: str) -> bool:
    """True for entities whose endpoints (`A` -> `as`) or pep8 model (`Class` -> `class`)
    module would be a Python keyword: such names are refused, so drawing them wastes examples.
    """
    snake = snake_case(entity)
    return keyword.iskeyword(pluralize(snake)) or keyword.iskeyword(snake)


def _with_example(field: FieldSpec) -> FieldSpec:
    """A field with a pattern also gets an example that matches it (and fits its lengths);
    a pattern without one is refused, so drawing it wastes examples.
    """
    if field.pattern is None or field.example is not None:
        return field
    example = "12345678" if field.pattern == r"\d+" else "abcdefgh"
    fitted = field.model_copy(update={"example": example})
    assume(not list(check_field(fitted)))
    return fitted
