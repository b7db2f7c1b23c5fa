"""Spec files: YAML with line/column marks -> validated EntitySpec, with located errors."""

from __future__ import annotations

import difflib
import re
import types
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from fortress_gen.errors import Location, ProjectError, SpecError, SpecErrors
from fortress_gen.fingerprint import SPEC_SUFFIXES, spec_files
from fortress_gen.spec._yaml import NodePath, ParsedYaml, SourceMap, dotted, parse_yaml
from fortress_gen.spec.model import KEBAB_PATH, PASCAL_CASE, SNAKE_CASE, AccessSpec, EntitySpec

__all__ = [
    "SPEC_SUFFIXES",
    "LoadedSpec",
    "ParsedYaml",
    "SourceMap",
    "load_spec_file",
    "load_spec_text",
    "load_specs",
    "parse_yaml",
    "validation_errors",
]


@dataclass(frozen=True)
class LoadedSpec:
    """One validated spec file, with the marks to locate later (cross-entity) errors."""

    path: Path
    spec: EntitySpec
    marks: SourceMap

    def locate(self, *loc: str | int, key: bool = False) -> Location:
        """Locate a node, e.g. ``locate("fields", "total", "default")``.

        Args:
            *loc: The path of keys and list indexes into the document.
            key: Point at the mapping key instead of its value (for names, unknown keys).

        Returns:
            The location of the node, or of the nearest parent the document has.
        """
        line, column = self.marks.mark(tuple(loc), key=key)
        return Location(self.path, line, column)


# --- pydantic errors -> located, human messages ----------------------------------------------

_NOUNS = {
    "type": "a field type",
    "kind": "a relation kind",
    "on_delete": "an on_delete action",
    "access": "an access mode",
    "id": "an id type",
    "pagination": "a pagination mode",
    "operations": "an operation",
    "events": "an event",
    "style": "a style",
    "formatter": "a formatter",
}
_PATTERNS = {
    PASCAL_CASE: ("is not PascalCase", "a capital letter, then letters and digits, like OrderItem"),
    SNAKE_CASE: (
        "is not a snake_case name",
        "lowercase letters, digits and _, starting with a letter, like order_item",
    ),
    KEBAB_PATH: ("is not a route path", "lowercase words joined by - or /, like order-items"),
}
_EXPECTED = {
    "string_type": "a string",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "int_type": "an integer",
    "int_parsing": "an integer",
    "int_from_float": "an integer",
    "float_type": "a number",
    "float_parsing": "a number",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "tuple_type": "a list",
    "list_type": "a list",
    "iterable_type": "a list",
}
_BOUNDS = {
    "greater_than_equal": ("ge", ">="),
    "greater_than": ("gt", ">"),
    "less_than_equal": ("le", "<="),
    "less_than": ("lt", "<"),
}


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, str):
        return repr(value)
    return str(value)


def _unwrap(annotation: Any) -> Any:
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            members = [arg for arg in get_args(annotation) if arg is not type(None)]
            if len(members) != 1:
                return None
            annotation = members[0]
        else:
            return annotation


def _members(annotation: Any) -> list[Any]:
    """The member types of a (possibly Annotated) union."""
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return [_unwrap(arg) for arg in get_args(annotation)]


def _models_along(loc: Sequence[str | int], root: type[BaseModel]) -> tuple[Any, str | None]:
    """Walk `loc` through the model types: the innermost model reached and its last field."""
    current: Any = root
    model: Any = root
    name: str | None = None
    for part in loc:
        target = _unwrap(current)
        if target is None and isinstance(part, str):
            # A union's member, named by its tag (the model's class name).
            members = [arg for arg in _members(current) if getattr(arg, "__name__", "") == part]
            if members:
                current = members[0]
                continue
        if isinstance(target, type) and issubclass(target, BaseModel):
            if not isinstance(part, str) or part not in target.model_fields:
                return target, name
            model, name, current = target, part, target.model_fields[part].annotation
        elif get_origin(target) in (dict, tuple):
            current = get_args(target)[-1]
        else:
            break
    return model, name


def _clean(loc: Sequence[str | int], data: Any) -> tuple[NodePath, bool]:
    """Keep the parts of `loc` that exist in the data (dropping union tags, shorthand keys)."""
    path: list[str | int] = []
    current = data
    for part in loc:
        if part == "[key]":
            return tuple(path), True
        in_dict = isinstance(current, dict) and part in current
        in_list = isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        if not (in_dict or in_list):
            continue
        current = current[part]
        path.append(part)
    return tuple(path), False


def _message(
    err: ErrorDetails, parsed: ParsedYaml, path: NodePath, root: type[BaseModel]
) -> tuple[str, str | None]:
    kind, value, ctx = err["type"], err["input"], err.get("ctx", {})
    model, name = _models_along(err["loc"], root)
    if kind == "missing":
        return f"missing required key {err['loc'][-1]!r}", None
    if kind == "extra_forbidden":
        key = str(path[-1])
        allowed = list(model.model_fields) if model else []
        close = difflib.get_close_matches(key, allowed, n=1)
        guess = f", did you mean {close[0]!r}?" if close else ""
        return f"unknown key {key!r}{guess}", "allowed: " + ", ".join(allowed)
    if kind == "literal_error":
        choices = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        noun = _NOUNS.get("access" if model is AccessSpec else name or "", "an allowed value")
        return f"{_show(value)} is not {noun}", "allowed: " + ", ".join(choices)
    if kind == "string_pattern_mismatch":
        what, hint = _PATTERNS.get(
            str(ctx.get("pattern")), ("does not match", str(ctx.get("pattern")))
        )
        return f"{_show(value)} {what}", hint
    if kind in _BOUNDS:
        bound, sign = _BOUNDS[kind]
        return f"must be {sign} {ctx.get(bound)}, got {_show(value)}", None
    if kind in ("too_short", "too_long"):
        size = ctx.get("min_length" if kind == "too_short" else "max_length")
        least = "at least" if kind == "too_short" else "at most"
        return f"must have {least} {size} item{'s' if size != 1 else ''}", None
    if kind in _EXPECTED:
        expected = _EXPECTED[kind]
        if kind.startswith("model") and model is EntitySpec and path[:1] == ("fields",):
            expected = "a field mapping or a type name (like `int` or `text?`)"
        return _expected_message([expected], value, parsed.raw.get(path)), None
    if kind == "value_error":
        return str(ctx.get("error", err["msg"])), None
    return str(err["msg"]), None


def _expected_message(expected: Sequence[str], value: Any, raw: str | None) -> str:
    names = list(dict.fromkeys(expected))
    if len(names) > 1:
        names = ["a boolean" if name == "true or false" else name for name in names]
    if "a number" in names and "an integer" in names:
        names.remove("an integer")
    text = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    got = _show(value)
    if raw is not None and isinstance(value, bool) and raw != got:
        got += f" (written {raw!r}; quote it to make it a string)"
    return f"expected {text}, got {got}"


def _is_echo(err: ErrorDetails, details: Sequence[ErrorDetails]) -> bool:
    """A length error on a list whose items failed only echoes the items' errors."""
    loc = err["loc"]
    return err["type"] in ("too_short", "too_long") and any(
        len(other["loc"]) > len(loc) and other["loc"][: len(loc)] == loc for other in details
    )


def _is_typo(err: ErrorDetails, details: Sequence[ErrorDetails]) -> bool:
    """A missing key next to an unknown key that looks like it: the unknown key says it all."""
    if err["type"] != "missing":
        return False
    parent, missing = err["loc"][:-1], str(err["loc"][-1])
    extras = [
        str(other["loc"][-1])
        for other in details
        if other["type"] == "extra_forbidden" and other["loc"][:-1] == parent
    ]
    return bool(difflib.get_close_matches(missing, extras, n=1))


def validation_errors(
    exc: ValidationError, parsed: ParsedYaml, root: type[BaseModel]
) -> list[SpecError]:
    """Turn a pydantic ValidationError into located, human SpecErrors.

    Args:
        exc: The error from validating ``parsed.data`` against `root`.
        parsed: The parsed document (data and marks).
        root: The model that was validated (EntitySpec, ProjectConfig).

    Returns:
        One SpecError per wrong node (the alternatives of a union are merged).
    """
    groups: dict[tuple[NodePath, bool], list[ErrorDetails]] = {}
    details = exc.errors(include_url=False)
    for err in details:
        if err["type"] == "none_required" or _is_echo(err, details) or _is_typo(err, details):
            continue
        groups.setdefault(_clean(err["loc"], parsed.data), []).append(err)
    errors: list[SpecError] = []
    for (path, is_key), errs in groups.items():
        key = is_key or errs[0]["type"] == "extra_forbidden"
        line, column = parsed.marks.mark(path, key=key)
        if len(errs) > 1 and all(e["type"] in _EXPECTED for e in errs):
            value = errs[0]["input"]
            message, hint = (
                _expected_message([_EXPECTED[e["type"]] for e in errs], value, None),
                None,
            )
        else:
            message, hint = _message(errs[0], parsed, path, root)
        where = path[:-1] if errs[0]["type"] == "extra_forbidden" else path
        location = Location(parsed.path, line, column)
        errors.append(SpecError(dotted(where) + message, location=location, hint=hint))
    return errors


# --- spec files -----------------------------------------------------------------------------


def _display_path(path: Path, root: Path) -> Path:
    try:
        return path.resolve().relative_to(root.resolve())
    except ValueError:
        return path


def load_spec_text(text: str, path: Path) -> LoadedSpec:
    """Validate the text of one spec file.

    Args:
        text: The YAML text.
        path: The path shown in messages; its stem must equal the entity's name.

    Returns:
        The validated spec with its source map.

    Raises:
        SpecErrors: Every problem found in the file, each located at file:line:col.
    """
    parsed = parse_yaml(text, path)
    errors = list(parsed.errors)
    data = parsed.data
    expected = f"`entity: {path.stem}`"
    if not errors and data is None:
        errors.append(
            SpecError(
                "the file is empty",
                location=Location(path, 1, 1),
                hint=f"a spec needs at least {expected}",
            )
        )
    elif not errors and not isinstance(data, dict):
        line, column = parsed.marks.mark(())
        errors.append(
            SpecError(
                f"expected a mapping at the top level, got {_show(data)}",
                location=Location(path, line, column),
                hint=f"a spec starts with {expected}",
            )
        )
    spec: EntitySpec | None = None
    if isinstance(data, dict):
        try:
            spec = EntitySpec.model_validate(data)
        except ValidationError as exc:
            errors.extend(validation_errors(exc, parsed, EntitySpec))
    if spec is not None and spec.entity != path.stem:
        line, column = parsed.marks.mark(("entity",))
        errors.append(
            SpecError(
                f"entity: {spec.entity!r} does not match the file name {path.name!r}",
                location=Location(path, line, column),
                hint=f"a spec file is named after its entity: {spec.entity}{path.suffix}",
            )
        )
    if errors or spec is None:
        raise SpecErrors(errors)
    return LoadedSpec(path, spec, parsed.marks)


def load_spec_file(path: Path, root: Path) -> LoadedSpec:
    """Read and validate one spec file.

    Args:
        path: The spec file.
        root: The project root; messages show `path` relative to it.

    Returns:
        The validated spec with its source map.

    Raises:
        SpecErrors: Every problem found in the file, each located at file:line:col.
    """
    shown = _display_path(path, root)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SpecErrors(
            [SpecError(f"not UTF-8 text (byte {exc.start})", location=Location(shown))]
        ) from None
    except OSError as exc:
        raise SpecErrors(
            [SpecError(f"cannot read the file: {exc.strerror}", location=Location(shown))]
        ) from None
    return load_spec_text(text, shown)


def load_specs(specs_dir: Path, root: Path) -> tuple[LoadedSpec, ...]:
    """Read and validate every ``*.yaml``/``*.yml`` file in the specs folder.

    Args:
        specs_dir: The folder of entity specs.
        root: The project root; messages show paths relative to it.

    Returns:
        The specs, sorted by file name.

    Raises:
        ProjectError: The folder does not exist.
        SpecErrors: The problems of all files at once.
    """
    if not specs_dir.is_dir():
        raise ProjectError(
            f"the specs folder {_display_path(specs_dir, root).as_posix()} does not exist",
            hint="create it, or set `specs:` in fortress.yaml",
        )
    files = spec_files(specs_dir)
    loaded: list[LoadedSpec] = []
    errors: list[SpecError] = []
    for file in files:
        if file.name.startswith("."):
            continue
        try:
            loaded.append(load_spec_file(file, root))
        except SpecErrors as exc:
            errors.extend(exc.errors)
    if errors:
        raise SpecErrors(errors)
    return tuple(loaded)
