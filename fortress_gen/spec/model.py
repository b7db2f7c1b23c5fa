"""The spec model: EntitySpec, FieldSpec, RelationSpec, ListSpec (DESIGN.md §3).

These pydantic models are the single definition of the spec format: the loader validates
YAML against them, `fortress schema` exports their JSON Schema, and every later stage reads
them. They are frozen and forbid unknown keys, so a typo is an error, not a silent default.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    GetJsonSchemaHandler,
    Tag,
    WithJsonSchema,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from fortress_gen.naming import kebab_case, pluralize, snake_case

__all__ = [
    "DEFAULT_DECIMAL_PLACES",
    "DEFAULT_MAX_DIGITS",
    "DEFAULT_STR_MAX_LENGTH",
    "FIELD_TYPES",
    "OPERATIONS",
    "READ_OPERATIONS",
    "Access",
    "AccessSpec",
    "CacheSpec",
    "EntitySpec",
    "FieldSpec",
    "FieldType",
    "ListSpec",
    "OnDelete",
    "Operation",
    "RelationKind",
    "RelationSpec",
]

FieldType = Literal[
    "str",
    "text",
    "int",
    "bigint",
    "float",
    "decimal",
    "bool",
    "date",
    "datetime",
    "time",
    "uuid",
    "email",
    "url",
    "enum",
    "json",
    "bytes",
]
FIELD_TYPES: tuple[str, ...] = get_args(FieldType)

RelationKind = Literal["many_to_one", "one_to_one", "many_to_many"]
OnDelete = Literal["cascade", "set_null", "restrict"]
Access = Literal["public", "authenticated", "owner", "admin"]
Operation = Literal["list", "create", "get", "update", "delete"]
OPERATIONS: tuple[Operation, ...] = ("list", "create", "get", "update", "delete")
READ_OPERATIONS: tuple[Operation, ...] = ("list", "get")

Scalar = str | int | float | bool
Number = int | float

DEFAULT_STR_MAX_LENGTH = 255
DEFAULT_MAX_DIGITS = 12
DEFAULT_DECIMAL_PLACES = 2

PASCAL_CASE = r"^[A-Z][A-Za-z0-9]*$"
SNAKE_CASE = r"^[a-z][a-z0-9_]*$"
KEBAB_PATH = r"^[a-z0-9]+(?:[-/][a-z0-9]+)*$"

_FROZEN = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


def _expand_type_shorthand(value: Any) -> Any:
    """Expand `rating: int` to `{type: int}` and `notes: text?` to `{..., required: false}`."""
    if isinstance(value, str):
        if value.endswith("?"):
            return {"type": value[:-1], "required": False}
        return {"type": value}
    return value


class FieldSpec(BaseModel):
    """One column of an entity: its type and the constraints that flow into DB, API and tests."""

    model_config = _FROZEN

    type: FieldType = Field(description="The field's type.")
    required: bool = Field(True, description="False makes the column nullable and optional.")
    unique: bool = Field(False, description="A unique constraint; violations answer 409.")
    index: bool = Field(False, description="An index on the column.")
    default: Scalar | None = Field(
        None, description="The default for new rows (also a server default in the migration)."
    )
    values: tuple[Annotated[str, Field(pattern=SNAKE_CASE)], ...] | None = Field(
        None, description="The allowed values of an `enum` field.", min_length=1
    )
    min_length: int | None = Field(None, ge=0, description="Minimum length of a string.")
    max_length: int | None = Field(None, ge=1, description="Maximum length of a string (str: 255).")
    pattern: str | None = Field(None, description="A regular expression the value must match.")
    ge: Number | None = Field(None, description="Minimum value (inclusive).")
    le: Number | None = Field(None, description="Maximum value (inclusive).")
    gt: Number | None = Field(None, description="Minimum value (exclusive).")
    lt: Number | None = Field(None, description="Maximum value (exclusive).")
    max_digits: int | None = Field(
        None, ge=1, le=1000, description="Decimal precision (default 12)."
    )
    decimal_places: int | None = Field(
        None, ge=0, le=1000, description="Decimal scale (default 2)."
    )
    description: str | None = Field(None, description="Shown in the OpenAPI schema.")
    example: Scalar | None = Field(None, description="An example value for the OpenAPI schema.")
    writable: bool = Field(True, description="False: read-only, never accepted from clients.")
    secret: bool = Field(False, description="True: never returned in any response.")
    renamed_from: str | None = Field(
        None,
        pattern=SNAKE_CASE,
        description="The field's old name: the next migration renames the column instead of "
        "dropping and adding it. Harmless once migrated.",
    )

    @model_validator(mode="before")
    @classmethod
    def _fill_type_defaults(cls, data: Any) -> Any:
        """Fill the effective defaults: `max_length` 255 for `str`, 12/2 digits for `decimal`."""
        if not isinstance(data, dict):
            return data
        fills: dict[str, int] = {}
        if data.get("type") == "str":
            fills = {"max_length": DEFAULT_STR_MAX_LENGTH}
        elif data.get("type") == "decimal":
            fills = {"max_digits": DEFAULT_MAX_DIGITS, "decimal_places": DEFAULT_DECIMAL_PLACES}
        missing = {key: value for key, value in fills.items() if data.get(key) is None}
        return {**data, **missing} if missing else data


class _ShorthandJsonSchema:
    """JSON Schema of a field: the full mapping, or the shorthand string (`int`, `text?`)."""

    def __get_pydantic_json_schema__(
        self, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "anyOf": [
                handler(core_schema),
                {
                    "type": "string",
                    "enum": [*FIELD_TYPES, *(f"{name}?" for name in FIELD_TYPES)],
                    "description": "Shorthand: just the type (`int`), `?` for optional (`text?`).",
                },
            ]
        }


ShorthandFieldSpec = Annotated[
    FieldSpec, BeforeValidator(_expand_type_shorthand), _ShorthandJsonSchema()
]


class RelationSpec(BaseModel):
    """A relation to another entity (or to this one, or to the built-in `User`)."""

    model_config = _FROZEN

    kind: RelationKind = Field("many_to_one", description="How the entities relate.")
    target: str = Field(pattern=PASCAL_CASE, description="The related entity.")
    required: bool = Field(
        True,
        description="False makes the foreign key nullable (many_to_many: unused, the set may "
        "be empty).",
    )
    on_delete: OnDelete | None = Field(
        None,
        description="What deleting the target does: default `restrict` when required, "
        "`set_null` when not. many_to_many: association rows always go with either side.",
    )
    back_populates: str | None = Field(
        None, pattern=SNAKE_CASE, description="The name of the reverse relation on the target."
    )
    renamed_from: str | None = Field(
        None,
        pattern=SNAKE_CASE,
        description="The relation's old name: the next migration renames its <name>_id column "
        "(the association table of a many_to_many) instead of dropping and adding it. "
        "Harmless once migrated.",
    )
    nested: bool = Field(
        False,
        description="Also return a summary of the related row(s) (its id and fields, one "
        "level deep) under the relation's name in responses.",
    )

    @property
    def effective_on_delete(self) -> OnDelete:
        """`on_delete` with its default filled in."""
        if self.on_delete is not None:
            return self.on_delete
        return "restrict" if self.required else "set_null"


class ListSpec(BaseModel):
    """How the list endpoint pages, filters and sorts."""

    model_config = _FROZEN

    pagination: Literal["cursor", "offset"] = Field(
        "cursor", description="Keyset (cursor) pagination, or page/size/total."
    )
    page_size: int = Field(20, ge=1, le=1000, description="The default page size.")
    max_page_size: int = Field(100, ge=1, le=1000, description="The largest page a client gets.")
    filters: tuple[str, ...] = Field((), description="Fields clients may filter on (equality).")
    sort: tuple[str, ...] = Field(
        (), description="Fields clients may sort by; `-field` is descending; first is default."
    )


OperationAccess = Annotated[
    Access | None,
    WithJsonSchema({"type": "string", "enum": ["public", "authenticated", "admin"]}),
]
"""A per-operation policy; `owner` is accepted here only to be refused with a located hint."""


class AccessSpec(BaseModel):
    """Who may call each operation; the most specific key wins (operation, read/write, default).

    `owner` is a policy of the whole entity (`access: owner`, or `default: owner` alone); the
    resolver refuses it as the value of any other key.
    """

    model_config = _FROZEN

    default: Access = Field("authenticated", description="Operations no other key names.")
    read: OperationAccess = Field(None, description="`list` and `get`.")
    write: OperationAccess = Field(None, description="`create`, `update` and `delete`.")
    list: OperationAccess = Field(None, description="The list endpoint.")
    create: OperationAccess = Field(None, description="The create endpoint.")
    get: OperationAccess = Field(None, description="The get endpoint.")
    update: OperationAccess = Field(None, description="The update endpoint.")
    delete: OperationAccess = Field(None, description="The delete endpoint.")

    def policy(self, operation: Operation) -> Access:
        """The policy of one operation: its own key, else read/write, else the default."""
        group = self.read if operation in READ_OPERATIONS else self.write
        own: Access | None = getattr(self, operation)
        return own or group or self.default


def _access_form(value: Any) -> str:
    return "AccessSpec" if isinstance(value, dict | AccessSpec) else "policy"


AccessPolicy = Annotated[
    Annotated[Access, Tag("policy")] | Annotated[AccessSpec, Tag("AccessSpec")],
    Discriminator(_access_form),
]
"""`access:` is one policy for every operation, or a mapping per operation."""


class CacheSpec(BaseModel):
    """A read cache for get and list, invalidated on writes."""

    model_config = _FROZEN

    ttl: int = Field(ge=1, description="Seconds a cached read lives.")


class EntitySpec(BaseModel):
    """One entity: a table, its API and every layer between them.

    After validation `table` and `route` are always set (their defaults filled in), and
    each field carries its effective `max_length` (str) or `max_digits`/`decimal_places`
    (decimal), so later stages never apply defaults of their own.
    """

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="Fortress entity spec",
        json_schema_extra={"$comment": "https://github.com/fortress-gen/fortress (DESIGN.md §3)"},
    )

    entity: str = Field(pattern=PASCAL_CASE, description="PascalCase singular name.")
    description: str | None = Field(None, description="What the entity is.")
    renamed_from: str | None = Field(
        None,
        pattern=PASCAL_CASE,
        description="The entity's old name: the next migration renames its table (when the "
        "table name changes) instead of dropping and creating it. Harmless once migrated.",
    )
    table: str | None = Field(
        None, pattern=SNAKE_CASE, description="Default: snake_case plural of the entity."
    )
    route: str | None = Field(
        None, pattern=KEBAB_PATH, description="Default: kebab-case plural of the entity."
    )
    id: Literal["int", "uuid"] = Field("int", description="The primary key's type.")
    timestamps: bool = Field(True, description="Adds created_at and updated_at.")
    soft_delete: bool = Field(False, description="Adds deleted_at; deleted rows are not read.")
    access: AccessPolicy = Field(
        "authenticated",
        description="Who may use the entity's endpoints: one policy for all of them, or a "
        "mapping per operation (`default`, `read`, `write`, or an operation's name; the most "
        "specific wins). `owner` scopes every row to the user who created it.",
    )
    operations: tuple[Operation, ...] = Field(
        OPERATIONS, description="The endpoints to generate (default: all five)."
    )
    fields: dict[Annotated[str, Field(pattern=SNAKE_CASE)], ShorthandFieldSpec] = Field(
        default_factory=dict, description="The entity's columns, in order."
    )
    relations: dict[Annotated[str, Field(pattern=SNAKE_CASE)], RelationSpec] = Field(
        default_factory=dict, description="Relations to other entities."
    )
    list: ListSpec = Field(default_factory=ListSpec, description="Paging, filters and sort.")
    cache: CacheSpec | None = Field(None, description="An optional read cache.")
    events: tuple[Literal["created", "updated", "deleted"], ...] = Field(
        (), description="A background task per event, enqueued after commit."
    )

    @model_validator(mode="before")
    @classmethod
    def _fill_names(cls, data: Any) -> Any:
        """Fill `table` (snake_case plural) and `route` (kebab-case plural) from `entity`."""
        if not isinstance(data, dict):
            return data
        entity = data.get("entity")
        if not isinstance(entity, str) or not re.fullmatch(PASCAL_CASE, entity):
            return data
        plural = pluralize(snake_case(entity))
        filled = dict(data)
        if filled.get("table") is None:
            filled["table"] = plural
        if filled.get("route") is None:
            filled["route"] = kebab_case(plural)
        return filled

    def policy(self, operation: Operation) -> Access:
        """Who may call `operation`: public, authenticated, owner or admin."""
        if isinstance(self.access, AccessSpec):
            return self.access.policy(operation)
        return self.access

    @property
    def owned(self) -> bool:
        """Whether every row belongs to a user and is scoped to the caller (`access: owner`)."""
        default = self.access.default if isinstance(self.access, AccessSpec) else self.access
        return default == "owner"

    @property
    def table_name(self) -> str:
        """The table name (`table`, always filled after validation)."""
        return self.table or pluralize(snake_case(self.entity))

    @property
    def route_name(self) -> str:
        """The route below the API prefix (`route`, always filled after validation)."""
        return self.route or kebab_case(pluralize(snake_case(self.entity)))
