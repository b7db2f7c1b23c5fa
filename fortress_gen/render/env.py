"""The one Jinja environment: strict, newline-preserving, no autoescape, few filters.

Compiling the templates costs more than rendering them for a small project (about 70 ms
per run), so compiled templates are kept in a bytecode cache under the user's cache
directory. A cached template is used only when its source is byte-identical to the one it
was compiled from (Jinja checks a checksum of the source), and the cache lives in a
directory of its own per Jinja version, Python version and environment settings, so a
cache can never change what is rendered. Without a writable cache directory, templates are
compiled on every run as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.bccache import Bucket

from fortress_gen._resources import templates_root

__all__ = ["cache_dir", "environment"]

_SETTINGS: dict[str, Any] = {
    "undefined": jinja2.StrictUndefined,
    "keep_trailing_newline": True,
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": False,
}
CACHE_ENV = "FORTRESS_CACHE_DIR"
"""Overrides where Fortress caches compiled templates; an empty value turns the cache off."""


class _TemplateCache(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache, but a cache that cannot be read or written is just a miss."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a damaged entry: compile again (and overwrite it)
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def cache_dir() -> Path | None:
    """Fortress's cache directory: $FORTRESS_CACHE_DIR, else $XDG_CACHE_HOME/fortress, else
    ~/.cache/fortress; None when the cache is turned off."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME")
    if base:
        return Path(base) / "fortress"
    try:
        return Path.home() / ".cache" / "fortress"
    except RuntimeError:  # no home directory to speak of
        return None


def _fingerprint(env: jinja2.Environment) -> str:
    """What compiled code depends on besides the template source."""
    parts = [
        jinja2.__version__,
        sys.version,
        repr(sorted((key, repr(value)) for key, value in _SETTINGS.items())),
        repr(sorted(env.filters)),
        repr(sorted(env.tests)),
    ]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:16]


def _bytecode_cache(env: jinja2.Environment) -> jinja2.BytecodeCache | None:
    root = cache_dir()
    if root is None:
        return None
    directory = root / f"jinja-{_fingerprint(env)}"
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return _TemplateCache(str(directory), "%s.cache")


@cache
def environment() -> jinja2.Environment:
    """The shared environment; templates come from `templates/` (DESIGN.md §6)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates_root())), **_SETTINGS)
    env.bytecode_cache = _bytecode_cache(env)
    return env
