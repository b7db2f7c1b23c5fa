"""The CLI's printer (`fortress_gen.console`, outside this package so that commands run
without typer, like a plain `fortress check`, can print without importing it)."""

from fortress_gen.console import Console, console

__all__ = ["Console", "console"]
