"""`fortress schema`: print the JSON Schema of the entity spec format."""

from __future__ import annotations

import typer

from fortress_gen.cli._console import console

EPILOG = """\b
Example:
  fortress schema > entity.schema.json
\b
Generated projects carry the schema in .fortress/entity.schema.json, and spec files written
by `fortress new-entity` point editors at it with a yaml-language-server modeline.
"""


def command() -> None:
    """Print the JSON Schema of entity specs (for editors and CI validators)."""
    from fortress_gen.spec.json_schema import render_json_schema  # imported when it runs

    console.result(render_json_schema())
    raise typer.Exit(0)
