"""One line of generated code per column or field: model columns, schema fields, imports."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from fortress_gen.migrate.columns import TIMESTAMP_TYPE, column_type_expr, server_default_expr
from fortress_gen.render.fields import (
    INT32_RANGE,
    RESPONSE_TYPES,
    field_constraints,
    python_literal,
    python_type,
)
from fortress_gen.spec.model import EntitySpec, FieldSpec, RelationSpec

__all__ = [
    "Imports",
    "column_type",
    "fk_column",
    "fk_model_column",
    "fk_schema_field",
    "id_python_type",
    "model_column",
    "response_field",
    "response_imports",
    "schema_field",
    "type_imports",
]


def fk_column(name: str) -> str:
    return f"{name}_id"


def id_python_type(entity: EntitySpec) -> str:
    return "UUID" if entity.id == "uuid" else "int"


class Imports:
    """Import lines of one module; ruff sorts and groups them when the output is formatted."""

    def __init__(self, *lines: str) -> None:
        self._lines = set(lines)

    def add(self, *lines: str) -> None:
        self._lines.update(lines)

    def lines(self) -> list[str]:
        return sorted(self._lines)


def type_imports(fields: Sequence[FieldSpec], *, schema: bool) -> list[str]:
    kinds = {f.type for f in fields}
    lines = []
    if kinds & {"date", "datetime", "time"}:
        lines.append("import datetime as dt")
    if "decimal" in kinds:
        lines.append("from decimal import Decimal")
    if "uuid" in kinds:
        lines.append("from uuid import UUID")
    if schema and "enum" in kinds:
        lines.append("from typing import Literal")
    if schema and "email" in kinds:
        lines.append("from pydantic import EmailStr")
    if schema and "json" in kinds:
        lines.append("from pydantic import JsonValue")
    if not schema and "json" in kinds:
        lines.append("from typing import Any")
    return lines


def response_imports(fields: Iterable[FieldSpec], package: str) -> list[str]:
    """The imports the response types of `fields` need (`RESPONSE_TYPES`, else the input's)."""
    kinds = {f.type for f in fields}
    lines = []
    if kinds & {"date", "datetime"}:
        lines.append("import datetime as dt")
    if "decimal" in kinds:
        lines.append("from decimal import Decimal")
    if "uuid" in kinds:
        lines.append("from uuid import UUID")
    if "enum" in kinds:
        lines.append("from typing import Literal")
    if "json" in kinds:
        lines.append("from pydantic import JsonValue")
    if "time" in kinds:
        lines.append(f"from {package}.schemas.types import TimeOfDay")
    return lines


def column_type(spec: FieldSpec, table: str, name: str) -> str:
    """The model's column type: the migration's, but datetimes read back as aware UTC."""
    expr = column_type_expr(spec, table=table, column=name)
    return "UTCDateTime()" if expr == TIMESTAMP_TYPE else expr


def model_column(name: str, spec: FieldSpec, table: str) -> str:
    expr = python_type(spec).model
    hint = f"Mapped[{expr}]" if spec.required else f"Mapped[{expr} | None]"
    args = [column_type(spec, table, name)]
    if spec.unique:
        args.append("unique=True")
    if spec.index:
        args.append("index=True")
    if spec.default is not None:
        args.append(f"default={python_literal(spec.default, spec)}")
        server = server_default_expr(spec)
        if server is not None:
            args.append(f"server_default={server}")
    return f"{name}: {hint} = mapped_column({', '.join(args)})"


def fk_model_column(
    name: str, relation: RelationSpec, target: EntitySpec, *, use_alter: bool = False
) -> str:
    ondelete = relation.effective_on_delete.replace("_", " ").upper()
    target_table = target.table_name
    hint = id_python_type(target) if relation.required else f"{id_python_type(target)} | None"
    alter = ", use_alter=True" if use_alter else ""
    fk = f'sa.ForeignKey("{target_table}.id", ondelete="{ondelete}"{alter})'
    unique = "unique=True, " if relation.kind == "one_to_one" else ""
    return f"{fk_column(name)}: Mapped[{hint}] = mapped_column({fk}, {unique}index=True)"


def schema_field(name: str, spec: FieldSpec, *, optional: bool) -> str:
    """One `name: type = Field(...)` line of an input or output schema."""
    expr = python_type(spec).python
    args = field_constraints(spec)
    if optional:
        hint = f"{expr} | None"
        default = "None"
    elif spec.default is not None:
        hint = expr
        default = python_literal(spec.default, spec)
    elif not spec.required:
        hint = f"{expr} | None"
        default = "None"
    else:
        hint = expr
        default = None
    if spec.type == "datetime" and not optional and hint == expr:
        hint = "AwareDatetime"
    elif spec.type == "datetime":
        hint = hint.replace("dt.datetime", "AwareDatetime")
    if not args:
        return f"{name}: {hint}" + (f" = {default}" if default is not None else "")
    if default is not None:
        args.insert(0, f"default={default}")
    return f"{name}: {hint} = Field({', '.join(args)})"


def response_field(name: str, spec: FieldSpec) -> str:
    expr = RESPONSE_TYPES.get(spec.type, python_type(spec).python)
    hint = expr if spec.required else f"{expr} | None"
    return f"{name}: {hint}"


def fk_schema_field(
    name: str, relation: RelationSpec, target: EntitySpec, *, optional: bool
) -> str:
    column = fk_column(name)
    if target.id == "uuid":
        hint = "UUID"
        constraint = ""
    else:
        hint = "int"
        constraint = f"ge=1, le={INT32_RANGE[1]}"
    if optional or not relation.required:
        hint += " | None"
        return f"{column}: {hint} = Field(default=None{', ' + constraint if constraint else ''})"
    return f"{column}: {hint}" + (f" = Field({constraint})" if constraint else "")
