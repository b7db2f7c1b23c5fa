"""Migrations: spec snapshot -> diff -> typed ops -> a rendered Alembic revision (no database).

Nothing here imports SQLAlchemy or Alembic: the ops are Fortress's own records and the
rendered text is checked against Alembic only in the tests.
"""

from __future__ import annotations

from fortress_gen.migrate.columns import column_type_expr, id_type_expr, server_default_expr
from fortress_gen.migrate.diff import Renames, creation_order, diff_snapshots
from fortress_gen.migrate.guards import check_plan
from fortress_gen.migrate.ops import MigrationPlan
from fortress_gen.migrate.renames import declared_renames
from fortress_gen.migrate.script import (
    MigrationFile,
    migration_body,
    migration_filename,
    migration_time,
    new_migration,
    render_migration,
    revision_id,
    slugify,
)
from fortress_gen.migrate.snapshot import (
    NAMING_CONVENTION,
    SchemaSnapshot,
    build_snapshot,
    from_json,
    table_name,
    to_json,
)

__all__ = [
    "NAMING_CONVENTION",
    "MigrationFile",
    "MigrationPlan",
    "Renames",
    "SchemaSnapshot",
    "build_snapshot",
    "check_plan",
    "column_type_expr",
    "creation_order",
    "declared_renames",
    "diff_snapshots",
    "from_json",
    "id_type_expr",
    "migration_body",
    "migration_filename",
    "migration_time",
    "new_migration",
    "render_migration",
    "revision_id",
    "server_default_expr",
    "slugify",
    "table_name",
    "to_json",
]
