"""Codemods for files users own: router registration and model imports (STYLE.md §7).

Each patch parses with the stdlib `ast` first and returns `AlreadyPresent` without ever
importing libcst when there is nothing to do. A real change to a file of the shape the
project template writes (also after `ruff format`) is spliced into the text at `ast`
positions (`_splice`), exactly as libcst would write it; anything else goes through libcst.
"""

from __future__ import annotations

from fortress_gen.patch._source import AlreadyPresent, Patched, PatchResult, Skipped
from fortress_gen.patch.model_imports import ensure_model_imported, remove_model_import
from fortress_gen.patch.router import ensure_router_registered, remove_router_registration

__all__ = [
    "AlreadyPresent",
    "PatchResult",
    "Patched",
    "Skipped",
    "ensure_model_imported",
    "ensure_router_registered",
    "remove_model_import",
    "remove_router_registration",
]
