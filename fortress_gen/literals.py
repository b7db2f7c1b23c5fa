"""Python literals for generated code: `repr()` as ruff formats it, and safe for its linter.

Text from a spec (descriptions, examples, defaults, patterns) ends up in string literals and
docstrings. Characters that ruff reports as ambiguous (RUF001-RUF003: `×`, `’`, a no-break
space, a Cyrillic `О` inside a Latin word, a lone Greek `ο`) would make the generated project
fail its own `ruff check`, so such characters are written as escapes. Words in one non-Latin
script (`Привет`, `日本語`) and accented Latin letters (`é`, `ß`) stay as they are: ruff
accepts them, and people read them.
"""

from __future__ import annotations

import unicodedata

__all__ = ["escape_text", "py_literal", "py_str", "py_text"]

_PLAIN_LATIN = frozenset("ßæÆøØœŒðÐþÞ")


def _is_word_char(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char).startswith("M")


def _accented_latin(char: str) -> bool:
    if char in _PLAIN_LATIN:
        return True
    return unicodedata.name(char, "").startswith("LATIN ") and bool(unicodedata.decomposition(char))


def _must_escape(text: str) -> list[bool]:
    """Which characters of `text` to escape: non-ASCII symbols and spaces, and non-Latin
    letters in a word of one letter or in a word that mixes them with ASCII."""
    marks = [False] * len(text)
    index = 0
    while index < len(text):
        char = text[index]
        if not _is_word_char(char):
            marks[index] = not char.isascii()
            index += 1
            continue
        end = index
        while end < len(text) and _is_word_char(text[end]):
            end += 1
        word = text[index:end]
        mixed = len(word) == 1 or any(c.isascii() for c in word)
        for offset, letter in enumerate(word):
            plain = letter.isascii() or _accented_latin(letter)
            marks[index + offset] = mixed and not plain
        index = end
    return marks


def _escape(char: str, *, named: bool) -> str:
    name = unicodedata.name(char, "")
    if named and name:
        return f"\\N{{{name}}}"
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def escape_text(text: str) -> str:
    """`text` with ambiguous characters as `\\uXXXX` escapes (for docstrings).

    The caller escapes backslashes and quotes first; `\\u` escapes have no spaces, so a
    docstring can be wrapped anywhere between words.
    """
    if text.isascii():  # nothing ambiguous in ASCII: the common case, kept cheap
        return text
    marks = _must_escape(text)
    return "".join(_escape(c, named=False) if m else c for c, m in zip(text, marks, strict=True))


def py_str(value: str) -> str:
    """A string literal equal to `value`, quoted as ruff's formatter would write it.

    Ambiguous characters are written as `\\N{NAME}`; unprintable ones as `repr()` does.

    Args:
        value: Any string.

    Returns:
        A Python string literal, e.g. ``"pending"`` or ``'say "hi"'``.
    """
    quote = "'" if value.count('"') > value.count("'") else '"'
    if value.isascii() and value.isprintable() and "\\" not in value and quote not in value:
        return quote + value + quote  # what the loop below gives, without its cost
    parts = []
    for char, escape in zip(value, _must_escape(value), strict=True):
        if escape:
            parts.append(_escape(char, named=True))
        elif char in ("\\", quote):
            parts.append("\\" + char)
        elif char.isprintable():
            parts.append(char)
        else:
            parts.append(repr(char)[1:-1])
    return quote + "".join(parts) + quote


def py_text(value: str, *, width: int = 60) -> str:
    """`py_str(value)`, split at spaces into parenthesized parts when longer than `width`.

    Ruff's formatter never splits a string, so a long description would break the project's
    line-length rule; parts of at most `width` characters (a single long word stays whole,
    on a line of its own, which the rule allows) let the formatter lay them out.
    """
    literal = py_str(value)
    if len(literal) <= width:
        return literal
    parts: list[str] = []
    current = ""
    for word in value.split(" "):
        candidate = f"{current} {word}" if current else word
        if current and len(py_str(candidate + " ")) > width:
            parts.append(current + " ")
            current = word
        else:
            current = candidate
    parts.append(current)
    pieces = [piece for part in parts for piece in _fitted(part, width)]
    return "(" + " ".join(py_str(piece) for piece in pieces) + ")"


def _fitted(part: str, width: int) -> list[str]:
    """`part` as is, or cut between characters where its literal would be wider than `width`
    and hold a space (a `\\N{...}` escape): ruff lets only a line without spaces run long."""
    if len(py_str(part)) <= width or " " not in py_str(part)[1:-1]:
        return [part]
    pieces = [""]
    for char in part:
        if pieces[-1] and len(py_str(pieces[-1] + char)) > width:
            pieces.append("")
        pieces[-1] += char
    return pieces


def py_literal(value: object) -> str:
    """`repr()` of a str, int, float, bool or None, with strings as `py_str` writes them.

    Args:
        value: The value.

    Returns:
        Its Python source text.
    """
    if isinstance(value, str):
        return py_str(value)
    return repr(value)
