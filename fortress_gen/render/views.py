"""EntityView: every string the entity templates need, computed once from the spec.

Templates stay free of logic (STYLE.md §9.2): what a template would have to decide is
decided here, and the template only places the results.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from fortress_gen.config import ProjectConfig
from fortress_gen.literals import py_text
from fortress_gen.naming import article, module_stem, pluralize, snake_case
from fortress_gen.render.access import (
    OWNER_COLUMN,
    OWNER_MODEL_COLUMN,
    AccessView,
    build_access_view,
    repository_args,
)
from fortress_gen.render.background import BackgroundView, build_background_view
from fortress_gen.render.fields import INT32_RANGE, INT64_RANGE, docstring, python_type
from fortress_gen.render.lines import (
    Imports,
    fk_column,
    fk_model_column,
    fk_schema_field,
    id_python_type,
    model_column,
    response_field,
    response_imports,
    schema_field,
    type_imports,
)
from fortress_gen.render.paths import EntityPaths, entity_paths
from fortress_gen.render.relations import (
    BUILTIN_USER_SPEC,
    Collection,
    closes_cycle,
    collections,
    is_many_to_many_target,
    loaded_relations,
    model_relations,
    schema_relations,
    unique_columns,
)
from fortress_gen.render.testviews import TestView, build_test_view
from fortress_gen.spec.model import EntitySpec, RelationSpec
from fortress_gen.spec.relations import is_collection

__all__ = [
    "EntityView",
    "ModelView",
    "ReferenceView",
    "RepositoryView",
    "SchemaView",
    "ServiceView",
    "SortColumn",
    "build_entity_view",
]


@dataclass(frozen=True, slots=True)
class SortColumn:
    """A column clients may sort by."""

    key: str
    attribute: str
    python_type: str


@dataclass(frozen=True, slots=True)
class ReferenceView:
    """A foreign key the service checks before writing."""

    method: str
    column: str
    id_type: str
    article: str
    target: str
    repo_attr: str
    exists: str


@dataclass(frozen=True, slots=True)
class ModelView:
    """The model module: its imports, base classes and column lines."""

    imports: list[str]
    type_checking_imports: list[str]
    tables: list[str]
    bases: str
    columns: list[str]
    properties: list[str]


@dataclass(frozen=True, slots=True)
class SchemaView:
    """The schema module: the Create/Update/Response/ListParams classes."""

    imports: list[str]
    input_config: str
    output_config: str
    create_fields: list[str]
    update_fields: list[str]
    update_not_null: str
    response_fields: list[str]
    page_size: int
    max_page_size: int
    sort_type: str
    default_sort: str
    filter_fields: list[str]
    summaries: list[str]


@dataclass(frozen=True, slots=True)
class RepositoryView:
    """The repository module: sorting, filtering, soft delete and conflict messages."""

    imports: list[str]
    sort_columns: list[SortColumn]
    filter_clauses: list[str]
    visible_filter: str
    conflict_message: str  # a Python literal: the message of a broken constraint
    delete_body: list[str]
    delete_conflict_message: str  # a Python literal with `{}` for the id of the row
    load_options: list[str]  # selectinload(...) of the relationships every read loads
    get_many: bool  # rows by a set of ids, for many_to_many relations to this entity
    user_exists: bool  # whether a User id exists, for relations to the built-in User


@dataclass(frozen=True, slots=True)
class ServiceView:
    """The service module: its repositories and the foreign keys it checks."""

    imports: list[str]
    init: list[str]
    repo_attr: str
    check_create: list[str]
    check_update: list[str]
    reference_checks: list[ReferenceView]
    collections: list[Collection]
    resolve_create: list[str]
    resolve_update: list[str]


@dataclass(frozen=True)
class EntityView:
    """The template context of one entity (the templates see it as `e`)."""

    name: str
    var: str
    plural_var: str
    plural_title: str
    article: str
    docstring: str
    table: str
    paths: EntityPaths
    id_type: str
    id_param: str
    id_path_args: str
    route_prefix: str
    route_path: str
    tag: str
    op_list: bool
    op_create: bool
    op_get: bool
    op_update: bool
    op_delete: bool
    model: ModelView
    schema: SchemaView
    repository: RepositoryView
    service: ServiceView
    endpoint_imports: list[str]
    access: AccessView
    tests: TestView = field(repr=False)
    background: BackgroundView = field(repr=False)


def _title(snake: str) -> str:
    return snake.replace("_", " ")


@dataclass(frozen=True, slots=True)
class _Context:
    """What every part of the view needs to know about the entity."""

    entity: EntitySpec
    targets: dict[str, EntitySpec]
    entities: Sequence[EntitySpec]
    config: ProjectConfig
    name: str
    snake: str
    plural: str
    table: str
    id_type: str
    id_param: str

    @property
    def package(self) -> str:
        return self.config.package

    def target(self, relation: RelationSpec) -> EntitySpec:
        return self.targets[relation.target]


def build_entity_view(
    entity: EntitySpec, entities: Sequence[EntitySpec], config: ProjectConfig
) -> EntityView:
    """Compute the template context of `entity`.

    Args:
        entity: The entity to render.
        entities: Every entity of the project (relation targets are looked up here).
        config: The project settings.

    Returns:
        The view the entity templates render.
    """
    snake = snake_case(entity.entity)
    plural = pluralize(snake)
    ctx = _Context(
        entity=entity,
        targets={BUILTIN_USER_SPEC.entity: BUILTIN_USER_SPEC, **{e.entity: e for e in entities}},
        entities=entities,
        config=config,
        name=entity.entity,
        snake=snake,
        plural=plural,
        table=entity.table_name,
        id_type=id_python_type(entity),
        id_param=f"{snake}_id",
    )
    paths = entity_paths(entity, config)
    ops = set(entity.operations)
    route = entity.route_name
    description = entity.description or f"{article(ctx.name).capitalize()} {ctx.name}."
    return EntityView(
        name=ctx.name,
        var=snake,
        plural_var=plural,
        plural_title=_title(plural),
        article=article(ctx.name),
        docstring=docstring(description, indent=4),
        table=ctx.table,
        paths=paths,
        id_type=ctx.id_type,
        id_param=ctx.id_param,
        id_path_args="" if entity.id == "uuid" else f"ge=1, le={INT32_RANGE[1]}",
        route_prefix=f"/{route}",
        route_path=f"{config.api_prefix}/{route}",
        tag=route,
        op_list="list" in ops,
        op_create="create" in ops,
        op_get="get" in ops,
        op_update="update" in ops,
        op_delete="delete" in ops,
        model=_model_part(ctx),
        schema=_schema_part(ctx),
        repository=_repository_part(ctx, paths),
        service=_service_part(ctx, paths),
        endpoint_imports=_endpoint_imports(ctx, paths),
        access=build_access_view(entity, config),
        tests=build_test_view(entity, entities, config),
        background=build_background_view(entity, entities, config),
    )


def _model_part(ctx: _Context) -> ModelView:
    entity = ctx.entity
    base = "Base, TimestampMixin" if entity.timestamps else "Base"
    imports = Imports(
        "import sqlalchemy as sa",
        "from sqlalchemy.orm import Mapped, mapped_column",
        f"from {ctx.package}.models.base import {base}",
        *type_imports(list(entity.fields.values()), schema=False),
    )
    if entity.id == "uuid":
        imports.add("from uuid import UUID, uuid4")
        columns = ["id: Mapped[UUID] = mapped_column(sa.Uuid(), primary_key=True, default=uuid4)"]
    else:
        columns = ["id: Mapped[int] = mapped_column(sa.Integer(), primary_key=True)"]
    columns += [model_column(n, f, ctx.table) for n, f in entity.fields.items()]
    for name, relation in entity.relations.items():
        if is_collection(relation):
            continue
        if ctx.target(relation).id == "uuid":
            imports.add("from uuid import UUID")
        cycle = closes_cycle(entity, name, ctx.entities)
        columns.append(fk_model_column(name, relation, ctx.target(relation), use_alter=cycle))
    if entity.owned:
        columns.append(OWNER_MODEL_COLUMN)
    if entity.soft_delete:
        imports.add("import datetime as dt")
        columns.append(
            "deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), index=True)"
        )
    if any("UTCDateTime" in column for column in columns):
        imports.add(f"from {ctx.package}.models.types import UTCDateTime")
    relations = model_relations(entity, ctx.entities, ctx.config)
    imports.add(*relations.imports)
    return ModelView(
        imports=imports.lines(),
        type_checking_imports=relations.type_checking_imports,
        tables=relations.tables,
        bases="TimestampMixin, Base" if entity.timestamps else "Base",
        columns=columns + relations.attributes,
        properties=relations.properties,
    )


def _schema_part(ctx: _Context) -> SchemaView:
    entity = ctx.entity
    fields = entity.fields
    writable = {n: f for n, f in fields.items() if f.writable}
    readable = {n: f for n, f in fields.items() if not f.secret}
    json_output = any(f.type == "json" for f in readable.values())
    imports = Imports(
        "from pydantic import BaseModel, ConfigDict, Field",
        f"from {ctx.package}.schemas.base import InputSchema",
        *(
            line
            for line in type_imports(list(fields.values()), schema=True)
            if json_output or line != "from pydantic import JsonValue"
        ),
    )
    if any(f.type == "json" for f in writable.values()):
        imports.add(f"from {ctx.package}.schemas.types import JsonInput")
    if any(f.type == "datetime" for f in writable.values()):
        imports.add("from pydantic import AwareDatetime")
    if any(f.type == "url" for f in writable.values()):
        imports.add(f"from {ctx.package}.schemas.types import HttpUrlStr")
    keys = {n: r for n, r in entity.relations.items() if not is_collection(r)}
    if any(ctx.target(r).id == "uuid" for r in keys.values()) or entity.id == "uuid":
        imports.add("from uuid import UUID")
    has_bytes = any(f.type == "bytes" for f in fields.values())
    bytes_config = ', ser_json_bytes="base64", val_json_bytes="base64"' if has_bytes else ""
    create = [schema_field(n, f, optional=False) for n, f in writable.items()]
    update = [schema_field(n, f, optional=True) for n, f in writable.items()]
    for name, relation in keys.items():
        create.append(fk_schema_field(name, relation, ctx.target(relation), optional=False))
        update.append(fk_schema_field(name, relation, ctx.target(relation), optional=True))
    relations = schema_relations(entity, ctx.entities, ctx.config)
    imports.add(*relations.imports)
    create += relations.create_fields
    update += relations.update_fields
    not_null = [n for n, f in writable.items() if f.required]
    not_null += [fk_column(n) for n, r in keys.items() if r.required]
    not_null += relations.not_null
    if not_null:
        imports.add("from typing import ClassVar")
    imports.add(*response_imports(readable.values(), ctx.package))
    response = [f"id: {ctx.id_type}"]
    response += [response_field(n, f) for n, f in readable.items()]
    for name, relation in keys.items():
        target_id = id_python_type(ctx.target(relation))
        response.append(
            f"{fk_column(name)}: {target_id}" + ("" if relation.required else " | None")
        )
    if entity.owned:
        response.append(f"{OWNER_COLUMN}: int")
    response += relations.response_fields
    if entity.timestamps:
        imports.add("import datetime as dt")
        response += ["created_at: dt.datetime", "updated_at: dt.datetime"]
    sort_keys = _sort_keys(entity)
    options = [option for key in sort_keys for option in (key, f"-{key}")]
    filter_fields = [_filter_field(ctx, name) for name in entity.list.filters]
    imports.add("from typing import Literal")
    return SchemaView(
        imports=imports.lines(),
        input_config=f"ConfigDict({bytes_config.removeprefix(', ')})" if has_bytes else "",
        output_config=f"ConfigDict(from_attributes=True{bytes_config})",
        create_fields=create or ["pass"],
        update_fields=update or ["pass"],
        update_not_null=", ".join(f'"{name}"' for name in not_null),
        response_fields=response,
        page_size=entity.list.page_size,
        max_page_size=entity.list.max_page_size,
        sort_type="Literal[" + ", ".join(f'"{o}"' for o in options) + "]",
        default_sort=_default_sort(entity),
        filter_fields=filter_fields,
        summaries=relations.summaries,
    )


def _sort_keys(entity: EntitySpec) -> list[str]:
    keys = [key.removeprefix("-") for key in entity.list.sort]
    return [*keys, "id"] if "id" not in keys else keys


def _default_sort(entity: EntitySpec) -> str:
    return entity.list.sort[0] if entity.list.sort else "id"


def _filter_field(ctx: _Context, name: str) -> str:
    spec = ctx.entity.fields.get(name)
    if spec is not None:
        expr = python_type(spec).python
        if spec.type in ("email", "url"):
            expr = "str"
        if spec.type in ("int", "bigint"):  # the column's range: PostgreSQL refuses more
            low, high = INT32_RANGE if spec.type == "int" else INT64_RANGE
            return f"{name}: int | None = Field(default=None, ge={low}, le={high})"
        return f"{name}: {expr} | None = None"
    for relation_name, relation in ctx.entity.relations.items():
        if fk_column(relation_name) == name:
            target_id = id_python_type(ctx.target(relation))
            if target_id == "int":
                return f"{name}: int | None = Field(default=None, ge=1, le={INT32_RANGE[1]})"
            return f"{name}: {target_id} | None = None"
    timestamp = "dt.datetime" if name in ("created_at", "updated_at") else ctx.id_type
    return f"{name}: {timestamp} | None = None"


def _sort_python_type(ctx: _Context, key: str) -> str:
    spec = ctx.entity.fields.get(key)
    if spec is not None:
        return python_type(spec).model
    if key in ("created_at", "updated_at"):
        return "dt.datetime"
    for relation_name, relation in ctx.entity.relations.items():
        if fk_column(relation_name) == key:
            return id_python_type(ctx.target(relation))
    return ctx.id_type


def _repository_part(ctx: _Context, paths: EntityPaths) -> RepositoryView:
    entity = ctx.entity
    name = ctx.name
    sort_columns = [
        SortColumn(key=key, attribute=key, python_type=_sort_python_type(ctx, key))
        for key in _sort_keys(entity)
    ]
    imports = Imports(
        "from collections.abc import Mapping, Sequence",
        "from typing import Any",
        "import sqlalchemy as sa",
        "from sqlalchemy.exc import IntegrityError",
        "from sqlalchemy.ext.asyncio import AsyncSession",
        "from sqlalchemy.orm import InstrumentedAttribute",
        f"from {ctx.package}.core.errors import ConflictError",
        f"from {paths.model.dotted} import {name}",
        f"from {ctx.package}.repositories.pagination import "
        "decode_cursor, encode_cursor, keyset_after",
        f"from {paths.schema.dotted} import {name}ListParams",
    )
    types = " ".join(column.python_type for column in sort_columns)
    if "dt." in types:
        imports.add("import datetime as dt")
    if "Decimal" in types:
        imports.add("from decimal import Decimal")
    if "UUID" in types or ctx.id_type == "UUID":
        imports.add("from uuid import UUID")
    get_many = is_many_to_many_target(entity, ctx.entities)
    if loaded_relations(entity):
        imports.add("from sqlalchemy.orm import selectinload")
    if get_many:
        imports.add("from collections.abc import Collection")
    user_exists = any(r.target == BUILTIN_USER_SPEC.entity for r in entity.relations.values())
    if user_exists:
        stem = module_stem(BUILTIN_USER_SPEC.entity, "model", ctx.config.style)
        imports.add(f"from {ctx.package}.models.{stem} import User")
    if entity.soft_delete:
        imports.add("import datetime as dt")
        delete_body = [f"{ctx.snake}.deleted_at = dt.datetime.now(dt.UTC)"]
        visible = f".where({name}.deleted_at.is_(None))"
    else:
        delete_body = [f"await self._session.delete({ctx.snake})"]
        visible = ""
    visible += build_access_view(entity, ctx.config).scope_filter
    unique = [n for n, f in entity.fields.items() if f.unique] + unique_columns(entity)
    if unique:
        conflict = f"{article(name).capitalize()} {name} with the same {_or_list(unique)} exists"
    else:
        conflict = f"{article(name).capitalize()} {name} conflicts with existing data"
    return RepositoryView(
        imports=imports.lines(),
        sort_columns=sort_columns,
        filter_clauses=list(entity.list.filters),
        visible_filter=visible,
        conflict_message=py_text(conflict),
        delete_body=delete_body,
        delete_conflict_message=py_text(f"{name} {{}} is still referenced by other rows"),
        load_options=[f"selectinload({name}.{rel})" for rel in loaded_relations(entity)],
        get_many=get_many,
        user_exists=user_exists,
    )


def _or_list(names: Sequence[str]) -> str:
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " or " + names[-1]


def _repo_attr(entity: EntitySpec) -> str:
    return "_" + pluralize(snake_case(entity.entity))


def _service_part(ctx: _Context, paths: EntityPaths) -> ServiceView:
    entity = ctx.entity
    name = ctx.name
    repo_attr = _repo_attr(entity)
    imports = Imports(
        "from sqlalchemy.ext.asyncio import AsyncSession",
        f"from {ctx.package}.core.errors import NotFoundError",
        f"from {paths.model.dotted} import {name}",
        f"from {paths.repository.dotted} import {name}Repository",
        f"from {ctx.package}.schemas.envelope import CursorPage",
        f"from {paths.schema.dotted} import "
        f"{name}Create, {name}ListParams, {name}Response, {name}Update",
    )
    if ctx.id_type == "UUID":
        imports.add("from uuid import UUID")
    init = [f"self.{repo_attr} = {name}Repository({repository_args(entity)})"]
    if entity.owned and entity.cache is not None:
        init.append(f"self._{OWNER_COLUMN} = {OWNER_COLUMN}")
    seen_targets = {name}
    checks: list[ReferenceView] = []
    check_create: list[str] = []
    check_update: list[str] = []
    for relation_name, relation in entity.relations.items():
        target = ctx.target(relation)
        target_attr = _repo_attr(target)
        if target is BUILTIN_USER_SPEC:
            target_attr = repo_attr
        elif target.entity not in seen_targets:
            seen_targets.add(target.entity)
            target_paths = entity_paths(target, ctx.config)
            imports.add(f"from {target_paths.repository.dotted} import {target.entity}Repository")
            init.append(
                f"self.{target_attr} = {target.entity}Repository({repository_args(target)})"
            )
        column = fk_column(relation_name)
        id_type = id_python_type(target)
        if id_type == "UUID":
            imports.add("from uuid import UUID")
        if is_collection(relation):
            continue
        method = f"_check_{relation_name}"
        checks.append(
            ReferenceView(
                method=method,
                column=column,
                id_type=id_type,
                article=article(column),
                target=target.entity,
                repo_attr=target_attr,
                exists="user_exists" if target is BUILTIN_USER_SPEC else "exists",
            )
        )
        check_create.append(f'await self.{method}(values["{column}"])')
        check_update.append(f'await self.{method}(values.get("{column}"))')
    sets = collections(entity, ctx.entities, {e: _repo_attr(t) for e, t in ctx.targets.items()})
    resolve_create = [
        f'values["{c.name}"] = await self.{c.method}(values.pop("{c.ids}"))' for c in sets
    ]
    resolve_update = [
        line
        for c in sets
        for line in (
            f'if "{c.ids}" in values:',
            f'    values["{c.name}"] = await self.{c.method}(values.pop("{c.ids}"))',
        )
    ]
    if sets:
        imports.add("from collections.abc import Collection, Sequence")
        for c in sets:
            if c.target != name:
                model = entity_paths(ctx.targets[c.target], ctx.config).model.dotted
                imports.add(f"from {model} import {c.target}")
    if any(c.id_type == "UUID" for c in sets):
        imports.add("from uuid import UUID")
    if checks or sets:
        imports.add(f"from {ctx.package}.core.errors import InvalidReferenceError")
    return ServiceView(
        imports=imports.lines(),
        init=init,
        repo_attr=repo_attr,
        check_create=check_create,
        check_update=check_update,
        reference_checks=checks,
        collections=sets,
        resolve_create=resolve_create,
        resolve_update=resolve_update,
    )


def _endpoint_imports(ctx: _Context, paths: EntityPaths) -> list[str]:
    name = ctx.name
    imports = Imports(
        "from typing import Annotated",
        "from fastapi import APIRouter, Depends, Path",
        f"from {ctx.package}.api.deps import SessionDep",
        f"from {ctx.package}.schemas.envelope import Envelope, error_responses",
        f"from {paths.schema.dotted} import {name}Response",
        f"from {paths.service.dotted} import {name}Service",
    )
    ops = set(ctx.entity.operations)
    if "list" in ops:
        imports.add(
            "from fastapi import Query",
            f"from {ctx.package}.schemas.envelope import CursorPage",
            f"from {paths.schema.dotted} import {name}ListParams",
        )
    if "create" in ops:
        imports.add(f"from {paths.schema.dotted} import {name}Create")
    if "update" in ops:
        imports.add(f"from {paths.schema.dotted} import {name}Update")
    if ctx.id_type == "UUID":
        imports.add("from uuid import UUID")
    imports.add(*build_access_view(ctx.entity, ctx.config).endpoint_imports)
    return imports.lines()
