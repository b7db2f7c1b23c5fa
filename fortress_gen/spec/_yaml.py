"""YAML with marks: one document -> plain data, where each node starts, and syntax errors."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from fortress_gen.errors import Location, SpecError

__all__ = ["Mark", "NodePath", "ParsedYaml", "SourceMap", "dotted", "parse_yaml"]

_MAX_NODES = 50_000
_TAG = "tag:yaml.org,2002:"
_NUMERIC_TAGS = {_TAG + "bool", _TAG + "int", _TAG + "float"}

Mark = tuple[int, int]
NodePath = tuple[str | int, ...]


@dataclass(frozen=True)
class SourceMap:
    """Where each value (and each mapping key) of a YAML document starts, 1-based."""

    values: Mapping[NodePath, Mark]
    keys: Mapping[NodePath, Mark]

    def mark(self, path: NodePath, *, key: bool = False) -> Mark:
        """Return the mark of `path`, or of its nearest parent that has one (else 1:1)."""
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            if key and end == len(path) and prefix in self.keys:
                return self.keys[prefix]
            if prefix in self.values:
                return self.values[prefix]
        return (1, 1)


@dataclass(frozen=True)
class ParsedYaml:
    """A YAML document as plain data, its source map, and the structural errors found."""

    path: Path
    data: Any
    marks: SourceMap
    raw: Mapping[NodePath, str]
    errors: tuple[SpecError, ...]


@dataclass
class _Walk:
    path: Path
    values: dict[NodePath, Mark] = field(default_factory=dict)
    keys: dict[NodePath, Mark] = field(default_factory=dict)
    raw: dict[NodePath, str] = field(default_factory=dict)
    errors: list[SpecError] = field(default_factory=list)
    active: set[int] = field(default_factory=set)
    count: int = 0

    def error(self, node: yaml.Node, message: str, hint: str | None = None) -> None:
        line, column = _mark(node)
        error = SpecError(message, location=Location(self.path, line, column), hint=hint)
        if str(error) not in {str(known) for known in self.errors}:
            self.errors.append(error)


class _TooLargeError(Exception):
    pass


# libyaml's composer gives the same nodes and marks ten times faster than PyYAML's pure-Python
# one; its error messages differ, so a document it rejects is parsed again by the Python
# composer for the message.
_FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def _constructor() -> yaml.SafeLoader:
    """One loader, used only to construct numeric scalars (a loader per scalar is costly)."""
    return yaml.SafeLoader("")


def _compose(text: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        if _FAST_LOADER is yaml.SafeLoader:
            raise
    return yaml.compose(text, Loader=yaml.SafeLoader)


def _mark(node: yaml.Node) -> Mark:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _scalar(node: yaml.ScalarNode, path: NodePath, walk: _Walk) -> Any:
    tag = node.tag
    if tag == _TAG + "null":
        walk.raw[path] = node.value
        return None
    if tag in _NUMERIC_TAGS and ":" in node.value and node.style is None:
        return node.value  # YAML 1.1 base-60 (`10:30` is 630): keep the text, as YAML 1.2 does
    if tag in _NUMERIC_TAGS:
        try:
            value = _constructor().construct_object(node)
        except (yaml.YAMLError, ValueError):
            walk.error(node, f"cannot read {node.value!r} as {tag.removeprefix(_TAG)}")
            return node.value
        walk.raw[path] = node.value
        return value
    if tag not in {_TAG + "str", _TAG + "timestamp"}:
        walk.error(node, f"unsupported YAML tag {_tag(tag)!r}", "plain YAML values only")
    return node.value


def _build(node: yaml.Node, path: NodePath, walk: _Walk) -> Any:
    walk.count += 1
    if walk.count > _MAX_NODES:
        raise _TooLargeError
    walk.values[path] = _mark(node)
    if isinstance(node, yaml.ScalarNode):
        return _scalar(node, path, walk)
    if id(node) in walk.active:
        walk.error(
            node, "a YAML alias refers to a node that contains it", "aliases may not recurse"
        )
        return None
    walk.active.add(id(node))
    try:
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _TAG + "seq":
                walk.error(
                    node, f"unsupported YAML tag {_tag(node.tag)!r}", "plain YAML lists only"
                )
            return [_build(item, (*path, i), walk) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.MappingNode)
        if node.tag != _TAG + "map":
            walk.error(node, f"unsupported YAML tag {_tag(node.tag)!r}", "plain YAML mappings only")
        return _build_mapping(node, path, walk)
    finally:
        walk.active.discard(id(node))


def _build_mapping(node: yaml.MappingNode, path: NodePath, walk: _Walk) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            walk.error(key_node, "a key must be a plain name, not a list or mapping")
            continue
        if key_node.tag == _TAG + "merge":
            walk.error(key_node, "YAML merge keys (<<) are not supported", "write the keys out")
            continue
        key = str(key_node.value)
        if key in result:
            first = walk.keys[(*path, key)][0]
            walk.error(
                key_node,
                f"{dotted(path)}duplicate key {key!r}, first at line {first}",
                "a key may appear once in a mapping",
            )
            continue
        walk.keys[(*path, key)] = _mark(key_node)
        result[key] = _build(value_node, (*path, key), walk)
    return result


def _tag(tag: str) -> str:
    return "!!" + tag.removeprefix(_TAG) if tag.startswith(_TAG) else tag


def dotted(path: Sequence[str | int]) -> str:
    return ".".join(str(part) for part in path) + ": " if path else ""


def parse_yaml(text: str, path: Path) -> ParsedYaml:
    """Parse one YAML document into plain data with marks, never raising for bad input.

    Keys are kept as written (``on:`` is the key ``"on"``, not True); dates stay strings.

    Args:
        text: The document.
        path: The path shown in messages (relative to the project root).

    Returns:
        The data (None for an empty document), its source map and any syntax errors.
    """
    walk = _Walk(path)
    data: Any = None
    try:
        root = _compose(text)
        if root is not None:
            data = _build(root, (), walk)
    except yaml.MarkedYAMLError as exc:
        walk.errors.append(_syntax_error(exc, path))
    except yaml.YAMLError as exc:
        position = int(getattr(exc, "position", 0))
        line = text.count("\n", 0, position) + 1
        column = position - text.rfind("\n", 0, position)
        reason = getattr(exc, "reason", "unreadable character")
        walk.errors.append(
            SpecError(f"invalid YAML: {reason}", location=Location(path, line, column))
        )
    except (_TooLargeError, RecursionError):
        walk.errors.append(
            SpecError("the document is too large or nested too deeply", location=Location(path))
        )
    marks = SourceMap(dict(walk.values), dict(walk.keys))
    return ParsedYaml(path, data, marks, dict(walk.raw), tuple(walk.errors))


def _syntax_error(exc: yaml.MarkedYAMLError, path: Path) -> SpecError:
    mark = exc.problem_mark or exc.context_mark
    location = Location(path, mark.line + 1, mark.column + 1) if mark else Location(path)
    problem = exc.problem or exc.context or "unreadable document"
    hint = exc.context if exc.problem and exc.context else None
    if exc.context and "single document" in exc.context:
        return SpecError(
            "invalid YAML: found a second document", location=location, hint="one document per file"
        )
    if "\\t" in problem or "\t" in problem:
        hint = "indent with spaces, not tabs"
    elif hint and exc.context_mark and exc.context_mark is not mark:
        hint += f" at line {exc.context_mark.line + 1}, column {exc.context_mark.column + 1}"
    return SpecError(f"invalid YAML: {problem}", location=location, hint=hint)
