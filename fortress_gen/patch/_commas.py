"""libcst comma lists: insert into and remove from import names and ``__all__`` literals.

Keeps the list's own layout: one line stays one line, one item per line stays so, and
comments stay on the item they follow.
"""

from __future__ import annotations

from collections.abc import Sequence, Set
from typing import Protocol, TypeVar

import libcst as cst

from fortress_gen.patch._source import sorted_position

__all__ = [
    "add_to_all",
    "add_to_import",
    "insert_item",
    "remove_from_all",
    "remove_item",
    "remove_names_from_import",
    "sorted_position",
]


class _HasComma(Protocol):
    @property
    def comma(self) -> cst.Comma | cst.MaybeSentinel: ...


_Item = TypeVar("_Item", cst.ImportAlias, cst.BaseElement)


def _clean(whitespace: cst.BaseParenthesizableWhitespace) -> cst.BaseParenthesizableWhitespace:
    """The same line break and indent, without the comment or blank lines."""
    if isinstance(whitespace, cst.ParenthesizedWhitespace):
        return whitespace.with_changes(first_line=cst.TrailingWhitespace(), empty_lines=[])
    return whitespace


def _separator(items: Sequence[_HasComma], opener: cst.BaseParenthesizableWhitespace) -> cst.Comma:
    for item in items[:-1]:
        if isinstance(item.comma, cst.Comma):
            return item.comma.with_changes(whitespace_after=_clean(item.comma.whitespace_after))
    last = items[-1].comma if items else cst.MaybeSentinel.DEFAULT
    if isinstance(last, cst.Comma) and isinstance(
        last.whitespace_after, cst.ParenthesizedWhitespace
    ):
        return cst.Comma(whitespace_after=_clean(opener))
    return cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))


def _between(old: cst.Comma | cst.MaybeSentinel, separator: cst.Comma) -> cst.Comma:
    """A comma that was last becomes a separator, keeping its comment."""
    if isinstance(old, cst.Comma) and isinstance(old.whitespace_after, cst.ParenthesizedWhitespace):
        after = separator.whitespace_after
        if isinstance(after, cst.ParenthesizedWhitespace):
            return old.with_changes(
                whitespace_after=old.whitespace_after.with_changes(
                    indent=after.indent, last_line=after.last_line
                )
            )
    return separator


def _absorb_closer(
    items: list[_Item], closer: cst.BaseParenthesizableWhitespace
) -> cst.BaseParenthesizableWhitespace:
    """Move a multi-line list's final line break (and its comment) from the closing
    bracket onto the trailing comma, where the other items keep theirs; returns what
    the bracket keeps."""
    if not items or not isinstance(closer, cst.ParenthesizedWhitespace):
        return closer
    comma = items[-1].comma
    after = comma.whitespace_after if isinstance(comma, cst.Comma) else None
    if isinstance(comma, cst.Comma) and isinstance(after, cst.SimpleWhitespace) and not after.value:
        items[-1] = items[-1].with_changes(comma=comma.with_changes(whitespace_after=closer))
        return cst.SimpleWhitespace("")
    return closer


def insert_item(
    items: Sequence[_Item],
    new: _Item,
    position: int,
    opener: cst.BaseParenthesizableWhitespace,
    *,
    tuple_of_one: bool = False,
) -> list[_Item]:
    """Insert into a comma-separated list, matching its layout (one line or one per line).

    Args:
        items: The list's items.
        new: The item to insert (its comma is replaced).
        position: Where.
        opener: The whitespace after the opening bracket (tells a multi-line list).
        tuple_of_one: The list is a one-element tuple, whose comma is syntax, not style.
    """
    result = list(items)
    separator = _separator(items, opener)
    if position < len(result):
        result.insert(position, new.with_changes(comma=separator))
        return result
    last = result[-1].comma if result else cst.MaybeSentinel.DEFAULT
    if (
        tuple_of_one
        and isinstance(last, cst.Comma)
        and not isinstance(last.whitespace_after, cst.ParenthesizedWhitespace)
    ):
        last = cst.MaybeSentinel.DEFAULT
    if isinstance(last, cst.Comma):
        last = last.with_changes(whitespace_after=_clean(last.whitespace_after))
    if result:
        result[-1] = result[-1].with_changes(comma=_between(result[-1].comma, separator))
    result.append(new.with_changes(comma=last))
    return result


def remove_item(items: Sequence[_Item], position: int) -> list[_Item]:
    """Remove from a comma-separated list; a removed last item hands its closing on."""
    result = list(items)
    removed = result.pop(position)
    if result and position == len(result):
        closing = removed.comma
        previous = result[-1].comma
        if isinstance(closing, cst.Comma) and isinstance(previous, cst.Comma):
            prev_after = previous.whitespace_after
            close_after = closing.whitespace_after
            if isinstance(prev_after, cst.ParenthesizedWhitespace) and isinstance(
                close_after, cst.ParenthesizedWhitespace
            ):
                closing = previous.with_changes(
                    whitespace_after=prev_after.with_changes(
                        indent=close_after.indent, last_line=close_after.last_line
                    )
                )
        result[-1] = result[-1].with_changes(comma=closing)
    return result


def add_to_import(statement: cst.BaseSmallStatement, name: str) -> cst.BaseSmallStatement:
    """Add `name` to a ``from x import a, b`` (sorted in if the names were sorted)."""
    assert isinstance(statement, cst.ImportFrom) and not isinstance(statement.names, cst.ImportStar)
    names = list(statement.names)
    current = [alias.evaluated_name for alias in names]
    alias = cst.ImportAlias(name=cst.Name(name))
    if statement.lpar is None or statement.rpar is None:
        updated = insert_item(
            names, alias, sorted_position(current, name), cst.SimpleWhitespace("")
        )
        return statement.with_changes(names=updated)
    closer = _absorb_closer(names, statement.rpar.whitespace_before)
    opener = statement.lpar.whitespace_after
    updated = insert_item(names, alias, sorted_position(current, name), opener)
    rpar = statement.rpar.with_changes(whitespace_before=closer)
    return statement.with_changes(names=updated, rpar=rpar)


def remove_names_from_import(
    statement: cst.BaseSmallStatement, locals_: set[str]
) -> cst.BaseSmallStatement | None:
    """Remove the aliases binding `locals_` from an import; None when none are left."""
    assert isinstance(statement, cst.Import | cst.ImportFrom)
    assert not isinstance(statement.names, cst.ImportStar)
    names = list(statement.names)
    parenthesized = isinstance(statement, cst.ImportFrom) and statement.rpar is not None
    if isinstance(statement, cst.ImportFrom) and statement.rpar is not None:
        closer = _absorb_closer(names, statement.rpar.whitespace_before)
        statement = statement.with_changes(
            rpar=statement.rpar.with_changes(whitespace_before=closer)
        )
    for position in reversed(range(len(names))):
        alias = names[position]
        bound = alias.evaluated_alias or alias.evaluated_name
        if bound in locals_:
            names = remove_item(names, position)
    if not names:
        return None
    if not parenthesized:
        names[-1] = names[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return statement.with_changes(names=names)


def _all_value(statement: cst.BaseSmallStatement) -> cst.List | cst.Tuple:
    assert isinstance(statement, cst.Assign | cst.AnnAssign)
    assert isinstance(statement.value, cst.List | cst.Tuple)
    return statement.value


def _opener(value: cst.List | cst.Tuple) -> cst.BaseParenthesizableWhitespace:
    if isinstance(value, cst.List):
        return value.lbracket.whitespace_after
    return value.lpar[0].whitespace_after if value.lpar else cst.SimpleWhitespace("")


def _closer(value: cst.List | cst.Tuple) -> cst.BaseParenthesizableWhitespace:
    if isinstance(value, cst.List):
        return value.rbracket.whitespace_before
    return value.rpar[-1].whitespace_before if value.rpar else cst.SimpleWhitespace("")


def _with_elements(
    value: cst.List | cst.Tuple,
    elements: Sequence[cst.BaseElement],
    closer: cst.BaseParenthesizableWhitespace,
) -> cst.List | cst.Tuple:
    if isinstance(value, cst.List):
        rbracket = value.rbracket.with_changes(whitespace_before=closer)
        return value.with_changes(elements=elements, rbracket=rbracket)
    if not value.rpar:
        return value.with_changes(elements=elements)
    rpar = [*value.rpar[:-1], value.rpar[-1].with_changes(whitespace_before=closer)]
    return value.with_changes(elements=elements, rpar=rpar)


def add_to_all(
    statement: cst.BaseSmallStatement, names: Sequence[str], name: str
) -> cst.BaseSmallStatement:
    """Add `name` to a literal ``__all__`` (sorted in if it was sorted)."""
    value = _all_value(statement)
    elements = list(value.elements)
    closer = _absorb_closer(elements, _closer(value))
    quote = "'" if elements and _quote_of(elements[0]) == "'" else '"'
    element = cst.Element(value=cst.SimpleString(f"{quote}{name}{quote}"))
    updated = insert_item(
        elements,
        element,
        sorted_position(names, name),
        _opener(value),
        tuple_of_one=isinstance(value, cst.Tuple) and len(elements) == 1,
    )
    return statement.with_changes(value=_with_elements(value, updated, closer))


def remove_from_all(
    statement: cst.BaseSmallStatement, names: Sequence[str], gone: Set[str]
) -> cst.BaseSmallStatement:
    """Remove the names in `gone` from a literal ``__all__`` whose names are `names`."""
    value = _all_value(statement)
    elements = list(value.elements)
    closer = _absorb_closer(elements, _closer(value))
    for position in reversed([i for i, n in enumerate(names) if n in gone]):
        elements = remove_item(elements, position)
    if isinstance(value, cst.Tuple) and len(elements) == 1:
        elements[0] = elements[0].with_changes(comma=cst.Comma())
    if not elements:
        if isinstance(value, cst.List):
            return statement.with_changes(
                value=value.with_changes(
                    elements=[], lbracket=cst.LeftSquareBracket(), rbracket=cst.RightSquareBracket()
                )
            )
        return statement.with_changes(
            value=value.with_changes(elements=[], lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
        )
    return statement.with_changes(value=_with_elements(value, elements, closer))


def _quote_of(element: cst.BaseElement) -> str:
    value = element.value
    return value.quote[-1] if isinstance(value, cst.SimpleString) else '"'
