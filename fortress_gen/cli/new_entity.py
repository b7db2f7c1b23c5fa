"""`fortress new-entity`: write specs/<Entity>.yaml from a shorthand and generate it."""

from __future__ import annotations

import contextlib
from enum import StrEnum
from pathlib import Path

import typer

from fortress_gen.cli._console import console
from fortress_gen.cli._options import NowOption, RootOption, parse_now, project_root
from fortress_gen.errors import FortressError

EPILOG = """\b
Examples:
  fortress new-entity Customer name:str[120] email:email:unique
  fortress new-entity Order number:str:unique status:enum[pending,paid,shipped]:index \\
      total:decimal customer:ref[Customer] notes:text?
  fortress new-entity Note body:text --access owner
\b
Field syntax: name:type[:option...]. Types: str (str[N] sets max_length), text, int, bigint,
float, decimal, bool, date, datetime, time, uuid, email, url, enum[a,b,...], json, bytes,
ref[Entity] (a many-to-one relation, column <name>_id). Options: unique, index, optional;
a trailing ? also makes the field optional.
\b
Writes specs/<Entity>.yaml, then runs `fortress generate` (model, schemas, repository,
service, endpoints, tests, router and model registration, a migration).
"""


class AccessChoice(StrEnum):
    """The `access:` policies of a whole entity (per-operation ones are written in the spec)."""

    public = "public"
    authenticated = "authenticated"
    owner = "owner"
    admin = "admin"


def command(
    name: str = typer.Argument(..., help="The entity, PascalCase singular (e.g. Order)."),
    fields: list[str] | None = typer.Argument(
        None, help="Fields as name:type[:option...], e.g. total:decimal notes:text?"
    ),
    description: str | None = typer.Option(None, "--description", help="What the entity is."),
    uuid_id: bool = typer.Option(False, "--uuid", help="Use a UUID primary key."),
    no_timestamps: bool = typer.Option(
        False, "--no-timestamps", help="Leave out created_at/updated_at."
    ),
    soft_delete: bool = typer.Option(False, "--soft-delete", help="Add deleted_at."),
    access: AccessChoice | None = typer.Option(
        None,
        "--access",
        help="Who may call its endpoints: public, authenticated (default), owner (each user "
        "only their own rows) or admin.",
    ),
    spec_only: bool = typer.Option(
        False, "--spec-only", help="Only write the spec; run `fortress generate` later."
    ),
    now: str | None = NowOption,
    root: Path | None = RootOption,
) -> None:
    """Describe a new entity on the command line; write its spec and generate it."""
    # The pipeline is imported when the command runs, so `--help` stays fast.
    from fortress_gen.cli._report import run_generate
    from fortress_gen.config import load_config
    from fortress_gen.spec.project import load_project
    from fortress_gen.spec.shorthand import dump_spec_yaml, parse_field_args, schema_ref

    moment = parse_now(now)  # a bad --now is refused before anything is written
    project_dir = project_root(root)
    config = load_config(project_dir)
    spec = parse_field_args(name, fields or [])
    updates: dict[str, object] = {}
    if description:
        updates["description"] = description
    if uuid_id:
        updates["id"] = "uuid"
    if no_timestamps:
        updates["timestamps"] = False
    if soft_delete:
        updates["soft_delete"] = True
    if access is not None:
        updates["access"] = access.value
    if updates:
        spec = type(spec).model_validate({**spec.model_dump(exclude_defaults=True), **updates})
    path = project_dir / config.specs / f"{spec.entity}.yaml"
    if path.exists():
        raise FortressError(
            f"{path.relative_to(project_dir).as_posix()} already exists",
            hint="edit it and run `fortress generate`, or pick another name",
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump_spec_yaml(spec, schema_ref=schema_ref(config.specs)), encoding="utf-8")
    try:
        project = load_project(project_dir)
        console.status("create", path.relative_to(project_dir).as_posix())
        if spec_only:
            raise typer.Exit(0)
        code = run_generate(project, now=moment)
    except FortressError:
        with contextlib.suppress(OSError):
            path.unlink()
        raise
    raise typer.Exit(code)
