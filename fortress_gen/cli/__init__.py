"""The `fortress` command: one module per command, composed here, with one error funnel.

Every error a user can cause is a FortressError; `main` prints it as one line (file:line:col,
what, what is allowed) and exits with its code. Anything else is a bug: a short message and
a hint to re-run with --debug, which shows the traceback.
"""

from __future__ import annotations

import os
import sys

import typer

from fortress_gen import __version__
from fortress_gen.cli import check, destroy, generate, new_entity, new_project, schema
from fortress_gen.cli._console import console
from fortress_gen.errors import ExitCode, FortressError, SpecErrors

__all__ = ["app", "main"]

app = typer.Typer(
    name="fortress",
    help="Generate and keep in step every layer of a FastAPI backend from YAML entity specs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        console.result(f"fortress {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks of internal errors."),
) -> None:
    """Fortress: layered FastAPI backends from YAML specs."""
    del version
    _state["debug"] = debug


_state: dict[str, bool] = {"debug": False}

app.command("new-project", epilog=new_project.EPILOG)(new_project.command)
app.command("new-entity", epilog=new_entity.EPILOG)(new_entity.command)
app.command("generate", epilog=generate.EPILOG)(generate.command)
app.command("destroy", epilog=destroy.EPILOG)(destroy.command)
app.command("schema", epilog=schema.EPILOG)(schema.command)
app.command("check", epilog=check.EPILOG)(check.command)


def main() -> None:
    """Run the CLI; the single place where errors become messages and exit codes."""
    # Fortress uses no pydantic plugin; looking for them scans every installed package's
    # entry points, a fifth of a short command's start-up.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        # Without standalone mode, click returns the code of a `typer.Exit` instead of
        # exiting with it.
        code = app(standalone_mode=False)
    except FortressError as exc:
        errors = exc.errors if isinstance(exc, SpecErrors) else [exc]
        for error in errors:
            console.error(str(error))
        if len(errors) > 1:
            console.info(f"{len(errors)} errors; nothing was written.")
        sys.exit(int(exc.exit_code))
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        console.error("aborted")
        sys.exit(1)
    except _click_usage_errors() as exc:
        show = getattr(exc, "show", None)
        if callable(show):
            show()
        else:  # pragma: no cover - every click exception has show()
            console.error(str(exc))
        sys.exit(int(ExitCode.USAGE))
    except KeyboardInterrupt:
        console.error("interrupted; files are written all at once or not at all")
        sys.exit(130)
    except Exception as exc:
        if _state["debug"]:
            raise
        console.error(f"internal error: {type(exc).__name__}: {exc}")
        console.info("This is a bug in Fortress. Run again with --debug to see the traceback.")
        sys.exit(3)
    if isinstance(code, int) and code:
        sys.exit(code)


def _click_usage_errors() -> tuple[type[Exception], ...]:
    """Click's usage errors: typer >= 0.16 raises those of its own copy of click."""
    errors: list[type[Exception]] = []
    try:
        from typer._click.exceptions import ClickException
    except ImportError:  # pragma: no cover - typer < 0.16 uses click itself
        pass
    else:
        errors.append(ClickException)
    try:
        import click
    except ImportError:  # pragma: no cover - typer >= 0.16 does not need click
        pass
    else:
        errors.append(click.ClickException)
    return tuple(errors)
