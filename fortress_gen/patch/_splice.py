"""The fast path of patching: splice text at positions `ast` gives, for the shapes we know.

libcst (the general path) costs about 0.2-0.3 s to import, more than the rest of a small
`fortress new-entity`. The files Fortress patches nearly always have the shape its project
template writes, or that shape after `ruff format`. For those, the edit libcst would make is
known exactly: a new line after a statement's line, a new statement between two others, or
one more item in a comma list that is either on one line or one item per line. This module
computes those edits from `ast` positions and the raw text.

Every helper answers None when it is not certain its text is byte for byte what the libcst
path makes (a compound statement next to the edit, a semicolon, a comment or a blank line
inside a list, a backslash continuation, CR line endings, ...); the caller then falls back to
libcst. tests/codemods/test_fast_path.py runs both paths on every codemod test case and on
generated variations of the common shapes, and requires identical results.
"""

from __future__ import annotations

import ast
import itertools
import keyword
import re
from collections.abc import Sequence
from dataclasses import dataclass

from fortress_gen.patch._source import ImportPlacement, import_placement, sorted_position

__all__ = [
    "NOT_CERTAIN",
    "SourceText",
    "Splice",
    "add_to_all",
    "add_to_import",
    "apply_splices",
    "import_splice",
    "insert_after_line",
    "insert_statement",
]

NOT_CERTAIN = "the text splice is not certain for this file's shape; libcst would edit it"

_COMPOUND = (
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.If,
    ast.For,
    ast.AsyncFor,
    ast.While,
    ast.With,
    ast.AsyncWith,
    ast.Try,
    ast.TryStar,
    ast.Match,
)
_BLANK_OR_COMMENT = re.compile(r"[ \t]*(?:#[^\n]*)?")
_BLANK = re.compile(r"[ \t]*")
_INDENT = re.compile(r"[ \t]+")
_VERTICAL_SEPARATOR = re.compile(r",[ \t]*(?:#[^\n]*)?\n(?P<indent>[ \t]+)")
_VERTICAL_TAIL = re.compile(r",[ \t]*(?:#[^\n]*)?\n")
_PLAIN_STRING = re.compile(r"""(?P<quote>["'])[A-Za-z0-9_]*(?P=quote)""")
_IMPORT_HEAD = re.compile(r"from [.\w]+ import (?P<paren>\()?")


@dataclass(frozen=True, slots=True)
class Splice:
    """Replace ``source[start:end]`` by `text` (an insertion when start == end)."""

    start: int
    end: int
    text: str


class SourceText:
    """A file's text with `ast` (line, UTF-8 byte column) positions mapped to str offsets."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.lines = source.split("\n")
        starts = [0]
        for line in self.lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        self.starts = starts

    @classmethod
    def of(cls, source: str, tree: ast.Module) -> SourceText | None:
        """The text, or None when it has a shape the fast path does not handle at all.

        That includes indented (or whitespace-only) lines after the last statement: libcst
        1.9 does not give those back as it read them (``x = 1`` followed by two indented
        comment lines comes back with one), so only libcst can say what libcst writes.
        """
        if (
            not source.endswith("\n")
            or "\r" in source
            or "\\\n" in source
            or source.startswith("\ufeff")
        ):
            return None
        text = cls(source)
        last = (tree.body[-1].end_lineno or 0) if tree.body else 0
        if any(line[:1] in (" ", "\t") for line in text.lines[last:]):
            return None
        return text

    def offset(self, lineno: int, col: int) -> int:
        """The str offset of a 1-based line and a UTF-8 byte column."""
        line = self.lines[lineno - 1]
        if line.isascii():
            return self.starts[lineno - 1] + col
        return self.starts[lineno - 1] + len(line.encode("utf-8")[:col].decode("utf-8"))

    def start(self, node: ast.stmt | ast.expr | ast.alias) -> int:
        """Where `node` starts."""
        return self.offset(node.lineno, node.col_offset)

    def end(self, node: ast.stmt | ast.expr | ast.alias) -> int:
        """Where `node` ends."""
        assert node.end_lineno is not None and node.end_col_offset is not None
        return self.offset(node.end_lineno, node.end_col_offset)

    def line_start(self, lineno: int) -> int:
        """The offset of the first character of a 1-based line."""
        return self.starts[lineno - 1]


def _parses_as(code: str, kind: type[ast.stmt]) -> bool:
    """`code` is one statement of `kind` (libcst refuses to insert anything else)."""
    try:
        body = ast.parse(code).body
    except SyntaxError:
        return False
    return len(body) == 1 and isinstance(body[0], kind)


def _is_name(name: str) -> bool:
    return name.isidentifier() and name.isascii() and not keyword.iskeyword(name)


def _line_end(text: SourceText, body: Sequence[ast.stmt], index: int) -> int | None:
    """The offset just after the line that statement `index` ends on, if nothing else is on
    that line after it but a comment (so the statement ends its libcst line)."""
    statement = body[index]
    if isinstance(statement, _COMPOUND) or statement.end_lineno is None:
        return None
    rest = text.source[text.end(statement) : text.line_start(statement.end_lineno + 1) - 1]
    if not _BLANK_OR_COMMENT.fullmatch(rest):
        return None
    return text.line_start(statement.end_lineno + 1)


def insert_after_line(
    text: SourceText, body: Sequence[ast.stmt], index: int, statement: str
) -> Splice | None:
    """A new line `statement` right after the line of statement `index` (libcst's insert of
    a new statement line after that statement's line, without blank lines)."""
    at = _line_end(text, body, index)
    if at is None or not _parses_as(statement, ast.Expr):
        return None
    return Splice(at, at, statement + "\n")


def insert_statement(
    text: SourceText, body: Sequence[ast.stmt], placement: ImportPlacement, statement: str
) -> Splice | None:
    """A new statement line before statement `placement.insert_at` (or after the last one),
    with a blank line before it, or taking over the blank lines above the statement it goes
    before, as `ImportPlacement` says."""
    index = placement.insert_at
    if not _parses_as(statement, ast.ImportFrom):
        return None
    if index == 0 or index > len(body):
        return None  # the module header's lines are libcst's to sort out
    at = _line_end(text, body, index - 1)
    if at is None:
        return None
    if index == len(body):
        prefix = "\n" if placement.blank_line else ""
        return Splice(at, at, prefix + statement + "\n")
    following = body[index]
    if following.col_offset != 0:
        return None
    between = range(body[index - 1].end_lineno or 0, following.lineno - 1)  # 0-based lines
    if not all(_BLANK_OR_COMMENT.fullmatch(text.lines[line]) for line in between):
        return None
    if not placement.take_blank:
        prefix = "\n" if placement.blank_line else ""
        return Splice(at, at, prefix + statement + "\n")
    first = next((line for line in between if not _BLANK.fullmatch(text.lines[line])), None)
    at = text.line_start(following.lineno if first is None else first + 1)
    return Splice(at, at, statement + "\n")


@dataclass(frozen=True, slots=True)
class _CommaList:
    """The items of a bracketed (or bare import) comma list and the text around them."""

    items: tuple[tuple[int, int], ...]
    opener: str
    tail: str


def _insert_item(
    text: SourceText, items: _CommaList, position: int, item: str, *, tuple_of_one: bool
) -> Splice | None:
    """libcst's `insert_item` for the two layouts it keeps: one line, or one item per line."""
    spans = items.items
    if not spans:
        return None
    separators = [text.source[spans[i][1] : spans[i + 1][0]] for i in range(len(spans) - 1)]
    if "\n" not in items.opener:
        if any(separator != ", " for separator in separators):
            return None
        if position < len(spans):
            if items.tail not in ("", ")", "]") and not (tuple_of_one and items.tail == ",)"):
                return None
            start = spans[position][0]
            return Splice(start, start, f"{item}, ")
        if items.tail in ("", ")", "]"):
            end = spans[-1][1]
            return Splice(end, end, f", {item}")
        if tuple_of_one and items.tail == ",)":
            end = spans[-1][1]
            return Splice(end, end + 1, f", {item}")
        return None
    indent = items.opener.split("\n", 1)[1]
    if len(spans) < 2 or not _INDENT.fullmatch(indent):
        return None
    for separator in separators:
        match = _VERTICAL_SEPARATOR.fullmatch(separator)
        if match is None or match["indent"] != indent:
            return None
    closer = items.tail[-1:]
    body = items.tail[:-1]
    if closer not in (")", "]"):
        return None
    trailing_comma = _VERTICAL_TAIL.fullmatch(body) is not None
    if position < len(spans):
        if not trailing_comma and not _VERTICAL_TAIL.fullmatch("," + body):
            return None
        start = spans[position][0]
        return Splice(start, start, f"{item},\n{indent}")
    if not trailing_comma:
        return None
    at = spans[-1][1] + len(body)
    return Splice(at, at, f"{indent}{item},\n")


def add_to_import(text: SourceText, statement: ast.stmt, name: str) -> Splice | None:
    """Add `name` to ``from x import a, b`` (sorted in if the names were sorted), as
    `_commas.add_to_import` does."""
    if not isinstance(statement, ast.ImportFrom) or not _is_name(name):
        return None
    if any(alias.name == "*" for alias in statement.names):
        return None
    start, end = text.start(statement), text.end(statement)
    first, last = statement.names[0], statement.names[-1]
    head = text.source[start : text.start(first)]
    match = _IMPORT_HEAD.match(head)
    if match is None:
        return None
    opener = head[match.end() :]
    if match["paren"] is None and opener:
        return None
    if (
        match["paren"] is not None
        and opener
        and not (opener.startswith("\n") and _INDENT.fullmatch(opener[1:]))
    ):
        return None
    tail = text.source[text.end(last) : end]
    if (match["paren"] is None) != (tail == ""):
        return None
    spans = tuple((text.start(alias), text.end(alias)) for alias in statement.names)
    if any("\n" in text.source[a:b] for a, b in spans):
        return None
    names = [alias.name for alias in statement.names]
    position = sorted_position(names, name)
    return _insert_item(text, _CommaList(spans, opener, tail), position, name, tuple_of_one=False)


def add_to_all(
    text: SourceText, statement: ast.stmt, names: Sequence[str], name: str
) -> Splice | None:
    """Add `name` to a literal ``__all__`` (sorted in if it was sorted), as
    `_commas.add_to_all` does."""
    if not isinstance(statement, ast.Assign | ast.AnnAssign) or not _is_name(name):
        return None
    value = statement.value
    if not isinstance(value, ast.List | ast.Tuple) or not value.elts:
        return None
    source = text.source
    start, end = text.start(value), text.end(value)
    brackets = ("[", "]") if isinstance(value, ast.List) else ("(", ")")
    if source[start] != brackets[0] or source[end - 1] != brackets[1]:
        return None
    spans = tuple((text.start(element), text.end(element)) for element in value.elts)
    quotes = [_PLAIN_STRING.fullmatch(source[a:b]) for a, b in spans]
    if any(match is None for match in quotes):
        return None
    first_quote = quotes[0]
    assert first_quote is not None
    quote = "'" if first_quote["quote"] == "'" else '"'
    opener = source[start + 1 : spans[0][0]]
    if opener and not (opener.startswith("\n") and _INDENT.fullmatch(opener[1:])):
        return None
    tail = source[spans[-1][1] : end]
    return _insert_item(
        text,
        _CommaList(spans, opener, tail),
        sorted_position(names, name),
        f"{quote}{name}{quote}",
        tuple_of_one=isinstance(value, ast.Tuple) and len(value.elts) == 1,
    )


def import_splice(
    text: SourceText, tree: ast.Module, package: str, module: str, name: str
) -> Splice | None:
    """Add ``from <module> import <name>`` where isort would put it, as
    `_primitives.import_edit` does (see `import_placement`)."""
    placement = import_placement(tree, package, module)
    if placement.merge_into is not None:
        return add_to_import(text, tree.body[placement.merge_into], name)
    return insert_statement(text, tree.body, placement, f"from {module} import {name}")


def apply_splices(source: str, splices: Sequence[Splice | None]) -> str | None:
    """Apply non-overlapping splices; None if any is None or two touch the same place."""
    known = [splice for splice in splices if splice is not None]
    if len(known) != len(splices):
        return None
    ordered = sorted(known, key=lambda splice: splice.start)
    for before, after in itertools.pairwise(ordered):
        if after.start <= before.end:
            return None
    result = source
    for splice in reversed(ordered):
        result = result[: splice.start] + splice.text + result[splice.end :]
    return result
