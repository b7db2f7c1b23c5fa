"""Revision files: the script text, its content-derived id, its time and its file name.

Alembic's own policy made deterministic: the revision id is a hash of the parent and the
body instead of `uuid4`, and the date comes from `--now` or `SOURCE_DATE_EPOCH` before the
clock. File names follow the project's alembic.ini ``file_template``
``%%(year)d%%(month).2d%%(day).2d_%%(hour).2d%%(minute).2d%%(second).2d_%%(rev)s_%%(slug)s``.
"""

from __future__ import annotations

import hashlib
import os
import re
import textwrap
from dataclasses import dataclass
from datetime import UTC, datetime

from fortress_gen.errors import FortressError
from fortress_gen.literals import py_str
from fortress_gen.migrate.ops import MigrationPlan
from fortress_gen.migrate.render import LINE_LENGTH, render_ops

__all__ = [
    "SLUG_LENGTH",
    "TEMPLATE",
    "MigrationFile",
    "migration_body",
    "migration_filename",
    "migration_time",
    "new_migration",
    "render_migration",
    "revision_id",
    "slugify",
]

TEMPLATE = "migration/script.py.jinja"
SLUG_LENGTH = 40
"""Alembic's default ``truncate_slug_length``."""

_IMPORTS = {"sa": "import sqlalchemy as sa", "op": "from alembic import op"}


@dataclass(frozen=True, slots=True)
class MigrationFile:
    """A rendered revision: its file name (under ``migrations/versions/``), id and text."""

    filename: str
    revision: str
    source: str


def migration_body(plan: MigrationPlan) -> str:
    """The rendered ``upgrade()`` and ``downgrade()`` bodies, the input of `revision_id`.

    Args:
        plan: The migration plan.

    Returns:
        Both bodies, upgrade first.
    """
    return render_ops(plan.upgrade).text + "\n" + render_ops(plan.downgrade).text + "\n"


def revision_id(parent: str | None, body: str) -> str:
    """A revision id derived from content, never random.

    Args:
        parent: The down revision, or None for the first revision.
        body: The migration's content, e.g. `migration_body(plan)`.

    Returns:
        The first 12 hex digits of the SHA-256 of parent and body.
    """
    digest = hashlib.sha256(f"{parent or ''}\n{body}".encode())
    return digest.hexdigest()[:12]


def slugify(message: str) -> str:
    """Alembic's file-name slug of a revision message.

    Args:
        message: The revision message.

    Returns:
        The words of the message joined by ``_`` and lower-cased; past 40 characters it is
        cut at a word boundary and ends in ``_`` (Alembic's ``truncate_slug_length``).
    """
    slug = "_".join(re.findall(r"\w+", message)).lower()
    if len(slug) > SLUG_LENGTH:
        slug = slug[:SLUG_LENGTH].rsplit("_", 1)[0] + "_"
    return slug


def migration_filename(created: datetime, revision: str, slug: str) -> str:
    """The file name of a revision, as the project's alembic.ini ``file_template`` gives it.

    Args:
        created: The revision's create date (UTC).
        revision: The revision id.
        slug: The message slug (`slugify`).

    Returns:
        ``YYYYMMDD_HHMMSS_<rev>_<slug>.py``.
    """
    stamp = (
        f"{created.year:d}{created.month:02d}{created.day:02d}"
        f"_{created.hour:02d}{created.minute:02d}{created.second:02d}"
    )
    return f"{stamp}_{revision}_{slug}.py"


def migration_time(now: datetime | None = None) -> datetime:
    """The create date of a new revision, in UTC to the second.

    Args:
        now: An explicit time (``--now``); a naive value is taken as UTC.

    Returns:
        `now` if given, else ``SOURCE_DATE_EPOCH`` if set, else the clock.

    Raises:
        FortressError: ``SOURCE_DATE_EPOCH`` is set but not an integer.
    """
    if now is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        if epoch:
            try:
                now = datetime.fromtimestamp(int(epoch), UTC)
            except (ValueError, OverflowError, OSError):
                raise FortressError(
                    f"SOURCE_DATE_EPOCH is not a Unix timestamp: {epoch!r}",
                    hint="set it to whole seconds since 1970-01-01 UTC, or unset it",
                ) from None
        else:
            now = datetime.now(UTC)
    elif now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    return now.astimezone(UTC).replace(microsecond=0)


def render_migration(
    plan: MigrationPlan,
    *,
    revision: str,
    down_revision: str | None,
    message: str,
    create_date: datetime,
) -> str:
    """Render a revision file through ``templates/migration/script.py.jinja``.

    Args:
        plan: What the revision does.
        revision: Its id (see `revision_id`).
        down_revision: The id of the revision before it, or None.
        message: The revision message (the docstring's first line).
        create_date: Written as ``Create Date``; never read from the clock here.

    Returns:
        The file's text, already formatted as ruff formats it.
    """
    from fortress_gen.render.env import environment

    upgrade = render_ops(plan.upgrade)
    downgrade = render_ops(plan.downgrade)
    names = upgrade.names | downgrade.names
    third_party = [_IMPORTS[name] for name in ("sa", "op") if name in names]
    imports = "\n\n".join(
        block for block in ("from collections.abc import Sequence", "\n".join(third_party)) if block
    )
    down = py_str(down_revision) if down_revision is not None else "None"
    return (
        environment()
        .get_template(TEMPLATE)
        .render(
            message=_docstring_text(message),
            revision=revision,
            revises_line=f"Revises: {down_revision}" if down_revision else "Revises:",
            create_date=str(create_date),
            imports=imports,
            revision_literal=py_str(revision),
            down_revision_literal=down,
            upgrade_body=upgrade.text,
            downgrade_body=downgrade.text,
        )
    )


def new_migration(
    plan: MigrationPlan,
    *,
    down_revision: str | None,
    message: str | None = None,
    now: datetime | None = None,
) -> MigrationFile:
    """Name, date and render a revision for `plan` in one step.

    Args:
        plan: What the revision does.
        down_revision: The current head, or None for the first revision.
        message: The revision message; default `MigrationPlan.default_message`.
        now: The create date (``--now``); default `migration_time`'s choice.

    Returns:
        The file name, revision id and text.
    """
    text = message if message is not None else plan.default_message()
    created = migration_time(now)
    revision = revision_id(down_revision, migration_body(plan))
    source = render_migration(
        plan, revision=revision, down_revision=down_revision, message=text, create_date=created
    )
    return MigrationFile(migration_filename(created, revision, slugify(text)), revision, source)


def _docstring_text(message: str) -> str:
    """The message as docstring text: escaped, trimmed, wrapped to fit 100 columns."""
    text = message.strip().replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    wrapper = textwrap.TextWrapper(
        width=LINE_LENGTH, break_long_words=False, break_on_hyphens=False
    )
    lines: list[str] = []
    for line in text.splitlines() or ["empty message"]:
        # The first line follows the opening quotes.
        first = not lines
        wrapped = wrapper.wrap(('"""' if first else "") + line.rstrip())
        if first and wrapped:
            wrapped[0] = wrapped[0][3:]
        lines.extend(wrapped or [""])
    return "\n".join(lines)
