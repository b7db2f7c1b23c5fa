"""`fortress check` without typer: what the command does, and a parser for its plain forms.

`fortress check` runs on every commit and in CI, where importing typer (and the pydantic it
builds parameter converters with) is a tenth of a second of CPU. The console script
(`fortress_gen._entry`) hands a plain command line (only `check`'s own options, each
value-taking option once, no `--help`) to `answer`, which runs the check exactly as the
typer command does; anything else goes through typer.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from fortress_gen.console import console

__all__ = ["CheckOptions", "answer", "parse", "run"]


@dataclass
class CheckOptions:
    """The options of `fortress check`, as the typer command receives them."""

    paths: list[Path] = field(default_factory=list)
    output_format: str = "text"
    select: list[str] | None = None
    ignore: list[str] | None = None
    no_cache: bool = False
    no_hints: bool = False
    root: Path | None = None


_FLAGS = {"--no-cache": "no_cache", "--no-hints": "no_hints"}
_VALUES = {"--format": "output_format", "--root": "root", "-C": "root"}
_LISTS = {"--select": "select", "--ignore": "ignore"}


def parse(argv: list[str]) -> CheckOptions | None:
    """The options of a plain `fortress check` command line (after `check`), else None."""
    options = CheckOptions()
    given: set[str] = set()
    args = iter(argv)
    for arg in args:
        if not arg.startswith("-"):
            options.paths.append(Path(arg))
            continue
        name, equals, value = arg.partition("=")
        if name in _FLAGS and not equals:
            setattr(options, _FLAGS[name], True)
            continue
        if (name not in _VALUES and name not in _LISTS) or (equals and name == "-C"):
            return None  # --help, --list-rules, `--`, an unknown or short-joined option
        if not equals:
            value = next(args, "-")
            if value.startswith("-"):
                return None  # a missing value, or one click might read otherwise
        if name in _LISTS:
            listed = getattr(options, _LISTS[name]) or []
            setattr(options, _LISTS[name], [*listed, value])
            continue
        if _VALUES[name] in given:
            return None
        given.add(_VALUES[name])
        setattr(options, _VALUES[name], Path(value) if _VALUES[name] == "root" else value)
    return options


def _codes(values: list[str] | None, option: str) -> list[str] | None:
    """Codes of a repeatable, comma-separated option (``--ignore FTR1,FTR405``)."""
    if values is None:
        return None
    from fortress_gen.check.config import parse_codes

    return list(parse_codes([c for v in values for c in v.split(",") if c.strip()], option))


def run(options: CheckOptions) -> int:
    """Run the check and print its report; the exit code.

    Raises:
        FortressError: A usage or input error (the caller reports it).
    """
    from fortress_gen.check.report import FORMATS, render
    from fortress_gen.check.runner import run_check
    from fortress_gen.errors import ExitCode, FortressError
    from fortress_gen.root import find_project_root

    if options.output_format not in FORMATS:
        raise FortressError(
            f"--format: '{options.output_format}' is not a format",
            hint="allowed: " + ", ".join(FORMATS),
        )
    paths = options.paths
    start = options.root if options.root is not None else (paths[0] if paths else None)
    result = run_check(
        find_project_root(start if start is not None else Path.cwd()),
        paths,
        select=_codes(options.select, "--select"),
        ignore=_codes(options.ignore, "--ignore") or (),
        use_cache=not options.no_cache,
    )
    console.result(render(result.findings, options.output_format, hints=not options.no_hints))
    count = len(result.findings)
    if count:
        files = len({f.path for f in result.findings})
        plural = ("s" if count > 1 else "", "s" if files > 1 else "")
        console.info(f"Found {count} finding{plural[0]} in {files} file{plural[1]}.")
        return int(ExitCode.FINDINGS)
    console.info(f"All checks passed ({result.files} files).")
    return int(ExitCode.OK)


def answer(argv: list[str]) -> bool:
    """Run `fortress check ARGV` without typer if its command line is plain; exits if so.

    Returns:
        False when typer must handle the command line.
    """
    options = parse(argv)
    if options is None:
        return False
    from fortress_gen.errors import FortressError, SpecErrors

    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")  # as the CLI does
    try:
        code = run(options)
    except FortressError as exc:
        errors = exc.errors if isinstance(exc, SpecErrors) else [exc]
        for error in errors:
            console.error(str(error))
        if len(errors) > 1:
            console.info(f"{len(errors)} errors; nothing was written.")
        sys.exit(int(exc.exit_code))
    except KeyboardInterrupt:
        console.error("interrupted; files are written all at once or not at all")
        sys.exit(130)
    except Exception as exc:
        console.error(f"internal error: {type(exc).__name__}: {exc}")
        console.info("This is a bug in Fortress. Run again with --debug to see the traceback.")
        sys.exit(3)
    sys.exit(code)
