"""The one Jinja environment: strict, newline-preserving, no autoescape, few filters."""

from __future__ import annotations

from functools import cache

import jinja2

from fortress_gen._resources import templates_root

__all__ = ["environment"]


@cache
def environment() -> jinja2.Environment:
    """The shared environment; templates come from `templates/` (DESIGN.md §6)."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_root())),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
