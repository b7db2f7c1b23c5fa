"""Required columns added to existing tables: a server default fills the rows, else a refusal."""

from __future__ import annotations

from typing import Any

import pytest
from migrate_samples import spec

from fortress_gen.errors import SpecErrors
from fortress_gen.migrate import build_snapshot, diff_snapshots
from fortress_gen.migrate.guards import check_plan
from fortress_gen.spec.model import EntitySpec


def entities(fields: dict[str, Any], relations: dict[str, Any] | None = None) -> list[EntitySpec]:
    return [
        spec({"entity": "Customer", "fields": {"name": "str"}}),
        spec({"entity": "Order", "fields": fields, "relations": relations or {}}),
    ]


def check(old: list[EntitySpec], new: list[EntitySpec]) -> None:
    check_plan(diff_snapshots(build_snapshot(old), build_snapshot(new)), new)


def test_optional_and_defaulted_fields_pass() -> None:
    base = entities({"total": "int"})
    check(base, entities({"total": "int", "note": "text?", "rank": {"type": "int", "default": 1}}))
    check(base, [*base, spec({"entity": "Tag", "fields": {"label": "str"}})])  # a new table
    check(base, [spec({**base[1].model_dump(), "soft_delete": True}), base[0]])


@pytest.mark.parametrize(
    ("fields", "relations", "message"),
    [
        (
            {"rank": "int"},
            None,
            "fields.rank: a required field added to the existing table orders needs a value",
        ),
        (
            {"token": {"type": "uuid", "default": "00000000-0000-0000-0000-000000000000"}},
            None,
            "fields.token: the default of a uuid field is applied by the application",
        ),
        (
            {},
            {"customer": {"target": "Customer"}},
            "relations.customer: a required relation added to the existing table orders",
        ),
    ],
)
def test_required_columns_without_server_default_are_refused(
    fields: dict[str, Any], relations: dict[str, Any] | None, message: str
) -> None:
    base = entities({"total": "int"})
    with pytest.raises(SpecErrors) as caught:
        check(base, entities({"total": "int", **fields}, relations))
    (error,) = caught.value.errors
    assert error.message.startswith(message)
    assert error.hint is not None
