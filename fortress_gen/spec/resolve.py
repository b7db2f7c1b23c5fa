"""Whole-project checks: names, clashes, targets, cycles and per-field consistency."""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence, Set
from pathlib import Path

from fortress_gen.config import ProjectConfig
from fortress_gen.errors import SpecError, SpecErrors, UnsupportedFeatureError
from fortress_gen.naming import (
    RESERVED_ROUTES,
    RESERVED_TABLE_NAMES,
    reserved_entity_reason,
    reserved_reason,
)
from fortress_gen.spec._fields import check_field, check_list, list_columns
from fortress_gen.spec.loader import LoadedSpec
from fortress_gen.spec.model import AccessSpec, EntitySpec, RelationSpec
from fortress_gen.spec.project import Project
from fortress_gen.spec.relations import (
    association_columns,
    association_table,
    ids_field,
    is_collection,
)

__all__ = ["BUILTIN_USER", "list_columns", "resolve_project"]

BUILTIN_USER = "User"


def _at(item: LoadedSpec, *loc: str | int) -> Sequence[str | int]:
    """`loc` when the file spells it out, else ``("entity",)`` (for filled-in defaults)."""
    return loc if loc in item.marks.values else ("entity",)


def _error(
    item: LoadedSpec,
    loc: Sequence[str | int],
    message: str,
    hint: str | None = None,
    *,
    key: bool = False,
    unsupported: bool = False,
    label: str | None = None,
) -> SpecError:
    prefix = label or ".".join(str(part) for part in loc)
    cls = UnsupportedFeatureError if unsupported else SpecError
    return cls(f"{prefix}: {message}", location=item.locate(*loc, key=key), hint=hint)


def _check_names(item: LoadedSpec) -> Iterator[SpecError]:
    spec = item.spec
    reason = reserved_entity_reason(spec.entity)
    if reason:
        yield _error(
            item, ("entity",), f"{spec.entity!r} is reserved: {reason}", "choose another name"
        )
    elif spec.table_name in RESERVED_TABLE_NAMES or spec.table_name.startswith("sqlite_"):
        yield _error(
            item,
            _at(item, "table"),
            f"the table {spec.table_name!r} belongs to the generated project itself",
            "set another `table:`",
            label="table",
        )
    if not reason and spec.route_name.split("/")[0] in RESERVED_ROUTES:
        yield _error(
            item,
            _at(item, "route"),
            f"the route {spec.route_name!r} is served by the generated project itself",
            "set another `route:`",
            label="route",
        )
    seen: set[str] = set()
    for index, operation in enumerate(spec.operations):
        if operation in seen:
            yield _error(item, ("operations", index), f"{operation!r} is listed twice")
        seen.add(operation)
    for kind, names in (("fields", spec.fields), ("relations", spec.relations)):
        for name in names:
            reason = reserved_reason(name)
            if reason:
                loc = (kind, name)
                yield _error(
                    item, loc, f"{name!r} is reserved: {reason}", "choose another name", key=True
                )
    if spec.owned:
        for kind, name in (("fields", "owner"), ("fields", "owner_id"), ("relations", "owner")):
            if name in getattr(spec, kind):
                yield _error(
                    item,
                    (kind, name),
                    f"{name!r} is taken: `access: owner` adds an owner relation to User",
                    "choose another name",
                    key=True,
                )
    for name in spec.fields:
        if name in spec.relations:
            yield _error(
                item, ("relations", name), f"a field is also named {name!r}", "rename one", key=True
            )
        if name.endswith("_id") and spec.relations.get(name[:-3], None) is not None:
            yield _error(
                item,
                ("fields", name),
                f"{name!r} is the foreign key column of relation {name[:-3]!r}",
                "rename the field; the relation adds this column itself",
                key=True,
            )


def _check_relations(
    item: LoadedSpec, known: Sequence[str], owned: Set[str]
) -> Iterator[SpecError]:
    spec = item.spec
    for name, rel in spec.relations.items():
        loc = ("relations", name)
        if rel.target in owned and not spec.owned:
            yield _error(
                item,
                (*loc, "target"),
                f"{rel.target} is `access: owner`: only the owner of a row may point at it",
                f"give {spec.entity} `access: owner` too, so its rows name only their owner's",
            )
        if name.endswith("_id"):
            yield _error(
                item,
                loc,
                f"a relation name ends in _id: its column would be {name}_id",
                f"name it after the target, like {name[:-3]!r}; the column is {name!r}",
                key=True,
            )
        elif not is_collection(rel) and reserved_reason(f"{name}_id"):
            yield _error(
                item,
                loc,
                f"its column {name}_id is reserved: {reserved_reason(f'{name}_id')}",
                "choose another name",
                key=True,
            )
        if rel.target == BUILTIN_USER:
            if is_collection(rel):
                yield _error(
                    item,
                    (*loc, "kind"),
                    "a many_to_many relation to the built-in User is not generated",
                    f"add an entity with a many_to_one relation to User and one to {spec.entity}",
                    unsupported=True,
                )
            if rel.back_populates is not None:
                yield _error(
                    item,
                    (*loc, "back_populates"),
                    "the built-in User is not generated from a spec: it gets no reverse relation",
                    f"remove `back_populates`; query {spec.entity} by {name}_id instead",
                )
            if rel.nested:
                yield _error(
                    item,
                    (*loc, "nested"),
                    "a nested User would expose account data in every response",
                    f"remove `nested`; responses carry {name}_id",
                )
        elif rel.target not in known:
            close = difflib.get_close_matches(rel.target, known, n=1)
            guess = f"did you mean {close[0]!r}? " if close else ""
            listed = ", ".join(known) + f" and the built-in {BUILTIN_USER}"
            yield _error(
                item,
                (*loc, "target"),
                f"no entity {rel.target!r} in this project",
                f"{guess}known entities: {listed}",
            )
        if is_collection(rel):
            yield from _check_many_to_many(item, name, rel)
            continue
        if rel.target == spec.entity and rel.required:
            yield _error(
                item,
                (*loc, "required") if (*loc, "required") in item.marks.values else loc,
                "a relation to the entity itself must be `required: false`",
                "the first row has nothing to point at",
            )
        if rel.on_delete == "set_null" and rel.required:
            yield _error(
                item,
                (*loc, "on_delete"),
                "`on_delete: set_null` needs `required: false`",
                "a required foreign key cannot be set to null; use cascade or restrict",
            )


def _check_many_to_many(item: LoadedSpec, name: str, rel: RelationSpec) -> Iterator[SpecError]:
    spec = item.spec
    loc = ("relations", name)
    if rel.on_delete is not None:
        yield _error(
            item,
            (*loc, "on_delete"),
            "a many_to_many relation has no foreign key of its own to act on",
            "remove `on_delete`: association rows are deleted with either side",
        )
    mine, theirs = association_columns(spec, name)
    if mine == theirs:
        yield _error(
            item,
            loc,
            f"both columns of its association table would be named {mine!r}",
            f"name the relation after the role of the other side, not {spec.entity}",
            key=True,
        )
    ids = ids_field(name)
    if reserved_reason(ids):
        yield _error(
            item,
            loc,
            f"its id list {ids!r} is reserved: {reserved_reason(ids)}",
            "choose another name",
            key=True,
        )
    elif ids in spec.fields or ids in list_columns(spec):
        yield _error(
            item,
            loc,
            f"its id list {ids!r} clashes with a field of {spec.entity}",
            "rename the relation or the field",
            key=True,
        )


def _check_list(item: LoadedSpec) -> Iterator[SpecError]:
    if item.spec.list.pagination == "offset":
        yield _error(
            item,
            ("list", "pagination"),
            "offset pagination is not generated yet",
            "remove it to use cursor pagination",
            unsupported=True,
        )
    for loc, message, hint in check_list(item.spec):
        yield _error(item, loc, message, hint)


_ACCESS_GROUPS = {"read": ("list", "get"), "write": ("create", "update", "delete")}


def _check_access(item: LoadedSpec) -> Iterator[SpecError]:
    """Per-operation keys name generated operations; `owner` is only the entity's policy."""
    spec = item.spec
    if not isinstance(spec.access, AccessSpec):
        return
    access = spec.access
    keys = [key for key in AccessSpec.model_fields if getattr(access, key) is not None]
    for key in keys:
        if key == "default":
            continue
        loc = ("access", key)
        covers = _ACCESS_GROUPS.get(key, (key,))
        if not set(covers) & set(spec.operations):
            yield _error(
                item,
                loc,
                f"{key!r} names no operation of {spec.entity}: `operations:` leaves out "
                + " and ".join(repr(op) for op in covers),
                "remove the key or add the operation to `operations:`",
                key=True,
            )
        elif access.default == "owner":
            yield _error(
                item,
                loc,
                "`default: owner` scopes every operation to the caller; it takes no overrides",
                "use `access: owner`, or a default of public, authenticated or admin",
                key=True,
            )
        elif getattr(access, key) == "owner":
            yield _error(
                item,
                loc,
                "'owner' is a policy of the whole entity, not of one operation",
                "use public, authenticated or admin here, or `access: owner` for the entity",
            )


_EVENT_OPERATIONS = {"created": "create", "updated": "update", "deleted": "delete"}


def _check_events(item: LoadedSpec) -> Iterator[SpecError]:
    """An event is listed once and needs the operation that raises it."""
    spec = item.spec
    seen: set[str] = set()
    for index, event in enumerate(spec.events):
        if event in seen:
            yield _error(item, ("events", index), f"{event!r} is listed twice")
        seen.add(event)
        operation = _EVENT_OPERATIONS[event]
        if operation not in spec.operations:
            yield _error(
                item,
                ("events", index),
                f"{event!r} needs the {operation!r} operation, which `operations:` leaves out",
                f"add {operation!r} to `operations:` or remove the event",
            )


def _check_fields(item: LoadedSpec) -> Iterator[SpecError]:
    for name, field in item.spec.fields.items():
        for option, message, hint in check_field(field):
            loc: tuple[str | int, ...] = ("fields", name, option) if option else ("fields", name)
            if loc not in item.marks.values:
                loc = ("fields", name)
            yield _error(item, loc, message, hint, key=option in ("unique", "index"))


def _check_renames(item: LoadedSpec) -> Iterator[SpecError]:
    """A `renamed_from` must name something the spec no longer has, renamed only once."""
    spec = item.spec
    names = {*spec.fields, *spec.relations}
    columns = {*spec.fields, *(f"{name}_id" for name in spec.relations)}
    claimed: dict[str, str] = {}
    for kind, members in (("fields", spec.fields), ("relations", spec.relations)):
        for name, member in members.items():
            old = member.renamed_from
            if old is None:
                continue
            loc = (kind, name, "renamed_from")
            old_column = old if kind == "fields" else f"{old}_id"
            hint = "the old name must be gone from the spec; remove `renamed_from` if it is not"
            if old == name:
                yield _error(item, loc, f"{name!r} cannot be renamed from itself", hint)
            elif old in names or old_column in columns:
                yield _error(item, loc, f"{old!r} is still part of {spec.entity}", hint)
            elif old_column in claimed:
                yield _error(
                    item,
                    loc,
                    f"{claimed[old_column]} is already renamed from {old!r}",
                    "rename each old name into one new name",
                )
            claimed.setdefault(old_column, f"{kind}.{name}")


def _check_entity_renames(loaded: Sequence[LoadedSpec]) -> Iterator[SpecError]:
    """An entity's `renamed_from` must not be an entity of the project, nor claimed twice."""
    known = {item.spec.entity for item in loaded}
    claimed: dict[str, str] = {}
    for item in sorted(loaded, key=lambda item: item.path.as_posix()):
        old = item.spec.renamed_from
        if old is None:
            continue
        loc = ("renamed_from",)
        if old in known:
            yield _error(
                item,
                loc,
                f"{old!r} is still an entity of this project",
                "the old name must be gone from the specs; remove `renamed_from` if it is not",
            )
        elif old in claimed:
            yield _error(
                item,
                loc,
                f"{claimed[old]} is already renamed from {old!r}",
                "rename each old entity into one new entity",
            )
        claimed.setdefault(old, item.spec.entity)


def _check_set(loaded: Sequence[LoadedSpec]) -> Iterator[SpecError]:
    """Entity, table and route clashes; back_populates clashes."""
    owners: dict[tuple[str, str], LoadedSpec] = {}
    for item in loaded:
        spec = item.spec
        for what, value in (
            ("entity", spec.entity),
            ("table", spec.table_name),
            ("route", spec.route_name),
        ):
            first = owners.setdefault((what, value), item)
            if first is item:
                continue
            if what == "entity":
                yield _error(
                    item,
                    ("entity",),
                    f"{value!r} is also defined in {first.path.as_posix()}",
                    "one file per entity",
                )
                break
            loc = _at(item, what)
            implied = f" (the default for {spec.entity})" if loc != (what,) else ""
            yield _error(
                item,
                loc,
                f"the {what} {value!r}{implied} is also used by {first.spec.entity}"
                f" ({first.path.as_posix()})",
                f"give each entity its own {what}",
                label=what,
            )
    for item in loaded:
        for name, rel in item.spec.relations.items():
            if not is_collection(rel):
                continue
            table = association_table(item.spec, name)
            first = owners.setdefault(("table", table), item)
            if first is not item:
                yield _error(
                    item,
                    ("relations", name),
                    f"its association table {table!r} is also used by {first.spec.entity}"
                    f" ({first.path.as_posix()})",
                    "rename the relation or set another `table:` on one of the entities",
                    key=True,
                )
    by_route = {item.spec.route_name: item for item in loaded}
    for item in loaded:
        head, _, _ = item.spec.route_name.rpartition("/")
        parent = by_route.get(head)
        if parent is not None and {"get", "update", "delete"} & set(parent.spec.operations):
            yield _error(
                item,
                _at(item, "route"),
                f"the route {item.spec.route_name!r} is shadowed by {head}/{{id}}"
                f" of {parent.spec.entity}",
                "choose a route that is not one segment below another entity's route",
                label="route",
            )
    yield from _check_back_populates(loaded)


def _check_back_populates(loaded: Sequence[LoadedSpec]) -> Iterator[SpecError]:
    specs = {item.spec.entity: item.spec for item in loaded}
    taken: dict[tuple[str, str], str] = {}
    for item in loaded:
        for name, rel in item.spec.relations.items():
            back, target = rel.back_populates, specs.get(rel.target)
            if back is None or target is None:
                continue
            loc = ("relations", name, "back_populates")
            owner = taken.setdefault((rel.target, back), f"{item.spec.entity}.{name}")
            if owner != f"{item.spec.entity}.{name}":
                yield _error(item, loc, f"{rel.target}.{back} is already the reverse of {owner}")
            elif back in target.fields or back in target.relations or back in _columns(target):
                yield _error(
                    item, loc, f"{rel.target} already has a field or relation named {back!r}"
                )
            elif reserved_reason(back):
                yield _error(item, loc, f"{back!r} is reserved: {reserved_reason(back)}")


def _columns(spec: EntitySpec) -> set[str]:
    """The attribute names the model of `spec` has besides its relations."""
    ids = {ids_field(name) for name, rel in spec.relations.items() if is_collection(rel)}
    return {*list_columns(spec), *ids}


def _required_edges(loaded: Sequence[LoadedSpec]) -> dict[str, list[tuple[str, str]]]:
    """Entity -> [(target, relation name)] for required foreign keys between different entities."""
    known = {item.spec.entity for item in loaded}
    return {
        item.spec.entity: [
            (rel.target, name)
            for name, rel in sorted(item.spec.relations.items())
            if not is_collection(rel)
            and rel.required
            and rel.target != item.spec.entity
            and rel.target in known
        ]
        for item in loaded
    }


def _reachable(edges: dict[str, list[tuple[str, str]]], start: str) -> set[str]:
    seen: set[str] = set()
    stack = [start]
    while stack:
        for target, _ in edges.get(stack.pop(), []):
            if target not in seen:
                seen.add(target)
                stack.append(target)
    return seen


def _check_cycles(loaded: Sequence[LoadedSpec]) -> Iterator[SpecError]:
    edges = _required_edges(loaded)
    items = {item.spec.entity: item for item in loaded}
    reach = {name: _reachable(edges, name) for name in sorted(edges)}
    reported: set[str] = set()
    for start in sorted(edges):
        if start in reported or start not in reach[start]:
            continue
        component = {other for other in reach[start] if start in reach[other]}
        reported |= component
        path = _cycle_path(edges, start, component)
        names = " -> ".join([start, *(target for target, _ in path)])
        first_relation = path[0][1]
        yield _error(
            items[start],
            ("relations", first_relation),
            f"required relations form a cycle {names}; the first row cannot be inserted",
            "make one of these relations `required: false`",
            key=True,
        )


def _cycle_path(
    edges: dict[str, list[tuple[str, str]]], start: str, component: set[str]
) -> list[tuple[str, str]]:
    """A shortest cycle from `start` back to itself, as (target, relation) steps."""
    previous: dict[str, tuple[str, str, str]] = {}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for target, relation in edges[node]:
            if target not in component or target in previous:
                continue
            previous[target] = (node, target, relation)
            if target == start:
                steps: list[tuple[str, str]] = []
                current = start
                while True:
                    source, step_target, step_relation = previous[current]
                    steps.append((step_target, step_relation))
                    current = source
                    if current == start:
                        return steps[::-1]
            queue.append(target)
    return []


def resolve_project(root: Path, config: ProjectConfig, loaded: Sequence[LoadedSpec]) -> Project:
    """Check the specs as a whole and build the immutable Project.

    Args:
        root: The project root.
        config: The settings from fortress.yaml.
        loaded: The loaded spec files.

    Returns:
        The project, entities sorted by name.

    Raises:
        SpecErrors: Every problem found (UnsupportedFeatureError for parts of the format
            this version does not generate), each located at file:line:col.
    """
    known = sorted({item.spec.entity for item in loaded})
    owned = {item.spec.entity for item in loaded if item.spec.owned}
    errors: list[SpecError] = []
    for item in loaded:
        errors.extend(_check_names(item))
        errors.extend(_check_fields(item))
        errors.extend(_check_relations(item, known, owned))
        errors.extend(_check_list(item))
        errors.extend(_check_renames(item))
        errors.extend(_check_events(item))
        errors.extend(_check_access(item))
    errors.extend(_check_set(loaded))
    errors.extend(_check_entity_renames(loaded))
    errors.extend(_check_cycles(loaded))
    if errors:
        raise SpecErrors(errors)
    ordered = tuple(sorted(loaded, key=lambda item: (item.spec.entity, item.path.as_posix())))
    return Project(root, config, tuple(item.spec for item in ordered), ordered)
