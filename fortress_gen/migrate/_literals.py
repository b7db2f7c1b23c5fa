"""Python literals as ruff formats them: `repr()` with double quotes where that is possible."""

from __future__ import annotations

__all__ = ["py_literal", "py_str"]


def py_str(value: str) -> str:
    """`repr(value)`, switched to double quotes as ruff's formatter would write it.

    Args:
        value: Any string.

    Returns:
        A Python string literal equal to `value`, e.g. ``"pending"`` or ``'say "hi"'``.
    """
    text = repr(value)
    if text.startswith("'") and value.count('"') <= value.count("'"):
        return '"' + text[1:-1].replace("\\'", "'").replace('"', '\\"') + '"'
    return text


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
