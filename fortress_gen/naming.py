"""Names: case conversion, plurals, reserved words and the file-name policy of each style."""

from __future__ import annotations

import keyword
import re
from typing import Literal

__all__ = [
    "RESERVED_ENTITY_NAMES",
    "RESERVED_FIELD_NAMES",
    "RESERVED_ROUTES",
    "RESERVED_TABLE_NAMES",
    "Layer",
    "Style",
    "is_plural_only",
    "is_reserved",
    "kebab_case",
    "module_stem",
    "pascal_case",
    "pluralize",
    "reserved_entity_reason",
    "reserved_reason",
    "singularize",
    "snake_case",
]

Style = Literal["fortress", "pep8"]
Layer = Literal["model", "schema", "repository", "service"]

_ACRONYM_BOUNDARY = re.compile(r"([A-Z]+)([A-Z][a-z])")
_WORD_BOUNDARY = re.compile(r"([a-z0-9])([A-Z])")
_SEPARATORS = re.compile(r"[\s\-.]+")


def snake_case(name: str) -> str:
    """Convert a PascalCase, camelCase, kebab-case or spaced name to snake_case.

    Args:
        name: The name, e.g. ``"OrderItem"`` or ``"HTTPLog"``.

    Returns:
        The snake_case form, e.g. ``"order_item"`` or ``"http_log"``.
    """
    text = _SEPARATORS.sub("_", name.strip())
    text = _ACRONYM_BOUNDARY.sub(r"\1_\2", text)
    text = _WORD_BOUNDARY.sub(r"\1_\2", text)
    return re.sub(r"_+", "_", text).lower()


def article(word: str) -> str:
    """The indefinite article for `word` as English spells it before a vowel letter or not."""
    return "an" if word[:1].lower() in "aeiou" else "a"


def kebab_case(name: str) -> str:
    """Convert a name to kebab-case (``"OrderItem"`` -> ``"order-item"``).

    Args:
        name: The name in any case style `snake_case` understands.

    Returns:
        The kebab-case form.
    """
    return snake_case(name).replace("_", "-")


def pascal_case(snake: str) -> str:
    """Convert a snake_case or kebab-case name to PascalCase (``order_item`` -> ``OrderItem``).

    Args:
        snake: The snake_case name.

    Returns:
        The PascalCase form; parts that already contain capitals keep them.
    """
    parts = re.split(r"[_\-\s]+", snake)
    return "".join(part[:1].upper() + part[1:] for part in parts if part)


# Words whose plural is the word itself (uncountable nouns and pluralia tantum).
_UNCHANGED: frozenset[str] = frozenset(
    {
        "aircraft",
        "data",
        "deer",
        "equipment",
        "feedback",
        "fish",
        "goods",
        "information",
        "metadata",
        "money",
        "news",
        "offspring",
        "series",
        "settings",
        "sheep",
        "software",
        "species",
        "staff",
    }
)

_IRREGULAR: dict[str, str] = {
    "axis": "axes",
    "cactus": "cacti",
    "calf": "calves",
    "child": "children",
    "criterion": "criteria",
    "echo": "echoes",
    "foot": "feet",
    "goose": "geese",
    "half": "halves",
    "hero": "heroes",
    "knife": "knives",
    "leaf": "leaves",
    "life": "lives",
    "loaf": "loaves",
    "man": "men",
    "matrix": "matrices",
    "mouse": "mice",
    "ox": "oxen",
    "person": "people",
    "phenomenon": "phenomena",
    "potato": "potatoes",
    "quiz": "quizzes",
    "self": "selves",
    "shelf": "shelves",
    "thief": "thieves",
    "tomato": "tomatoes",
    "tooth": "teeth",
    "vertex": "vertices",
    "wife": "wives",
    "wolf": "wolves",
    "woman": "women",
}


def is_plural_only(word: str) -> bool:
    """Tell whether a word is its own plural (``news``, ``series``, ``settings``, ``data``).

    Args:
        word: A snake_case word; only its last segment counts.

    Returns:
        True when `pluralize` returns the word unchanged.
    """
    return word.rsplit("_", 1)[-1].lower() in _UNCHANGED


def _plural_of(word: str) -> str:
    if word in _UNCHANGED or not word:
        return word
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("sis"):
        return word[:-3] + "ses"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def pluralize(word: str) -> str:
    """Pluralize the last segment of a snake_case word (``order_item`` -> ``order_items``).

    A small table of irregular and uncountable words plus the usual English suffix rules;
    deterministic and dependency-free.

    Args:
        word: A snake_case word such as ``"category"`` or ``"line_item"``.

    Returns:
        The plural, e.g. ``"categories"``, ``"people"``, ``"statuses"``, ``"news"``.
    """
    head, sep, last = word.rpartition("_")
    lower = last.lower()
    plural = _plural_of(lower)
    if last[:1].isupper():
        plural = plural[:1].upper() + plural[1:]
    return head + sep + plural


_SINGULAR: dict[str, str] = {plural: word for word, plural in _IRREGULAR.items()}


def singularize(word: str) -> str:
    """The singular of the last segment of a snake_case plural (``tags`` -> ``tag``).

    The inverse of `pluralize` for the words it makes; a word that does not look plural
    is returned unchanged.

    Args:
        word: A snake_case word such as ``"categories"`` or ``"skills"``.

    Returns:
        The singular, e.g. ``"category"``, ``"skill"``, ``"person"`` for ``"people"``.
    """
    head, sep, last = word.rpartition("_")
    if last in _UNCHANGED or not last:
        return word
    if last in _SINGULAR:
        single = _SINGULAR[last]
    elif last.endswith("ies") and len(last) > 3:
        single = last[:-3] + "y"
    elif last.endswith(("yses", "eses")):
        single = last[:-3] + "sis"
    elif last.endswith(("uses", "sses", "xes", "zes", "ches", "shes")):
        single = last[:-2]
    elif last.endswith("s") and not last.endswith("ss"):
        single = last[:-1]
    else:
        single = last
    return head + sep + single if len(single) > 1 else word


def module_stem(entity: str, layer: Layer, style: Style) -> str:
    """Name the module of one layer of an entity (DESIGN.md §1 table), without ``.py``.

    Args:
        entity: The PascalCase entity name, e.g. ``"Order"``.
        layer: ``"model"``, ``"schema"``, ``"repository"`` or ``"service"``.
        style: ``"fortress"`` (``OrderSchema``) or ``"pep8"`` (``order_schema``).

    Returns:
        The module stem, e.g. ``"OrderRepository"`` or ``"order_repository"``.
    """
    suffix = "" if layer == "model" else layer.capitalize()
    if style == "fortress":
        return entity + suffix
    return snake_case(entity) + ("_" + layer if suffix else "")


# --- reserved names -------------------------------------------------------------------------

_KEYWORDS: frozenset[str] = frozenset(keyword.kwlist) | {"match", "case"}
_GENERATED_COLUMNS = frozenset({"id", "created_at", "updated_at", "deleted_at"})
_MODULE_ALIASES = frozenset({"dt", "sa", "mapped_column", "relationship"})
_BUILTIN_TYPES = frozenset(
    {"str", "int", "float", "bool", "bytes", "dict", "list", "set", "tuple", "object"}
)
_METHOD_PARAMETERS = frozenset({"self", "cls"})
_MODEL_ATTRIBUTES = frozenset(
    {
        "awaitable_attrs",
        "construct",
        "copy",
        "dict",
        "fields",
        "from_orm",
        "json",
        "metadata",
        "parse_file",
        "parse_obj",
        "parse_raw",
        "registry",
        "schema",
        "schema_json",
        "type_annotation_map",
        "update_forward_refs",
        "validate",
    }
)
_QUERY_PARAMETERS = frozenset({"limit", "cursor", "sort", "page", "size"})

RESERVED_FIELD_NAMES: frozenset[str] = (
    _KEYWORDS
    | _GENERATED_COLUMNS
    | _MODULE_ALIASES
    | _BUILTIN_TYPES
    | _METHOD_PARAMETERS
    | _MODEL_ATTRIBUTES
    | _QUERY_PARAMETERS
)
"""Field and relation names generated code needs for itself (plus every ``model_*`` name)."""


def reserved_reason(name: str) -> str | None:
    """Explain why a field or relation name is reserved.

    Args:
        name: A field or relation name.

    Returns:
        A short noun phrase for error messages (``"a Python keyword"``), or None when the
        name is free to use. Names like ``type``, ``date``, ``status`` or ``format`` are free.
    """
    if name in _KEYWORDS:
        return "a Python keyword"
    if name in _GENERATED_COLUMNS:
        return "a column Fortress adds to every entity" if name != "id" else "the primary key"
    if name in _MODULE_ALIASES:
        return "a name generated modules import"
    if name in _BUILTIN_TYPES:
        return "a builtin type used in generated annotations"
    if name in _METHOD_PARAMETERS:
        return "a method parameter in generated code"
    if name.startswith("model_"):
        return "in pydantic's protected `model_` namespace"
    if name in _MODEL_ATTRIBUTES:
        return "an attribute of pydantic's BaseModel or SQLAlchemy's DeclarativeBase"
    if name in _QUERY_PARAMETERS:
        return "a query parameter of the list endpoint"
    if name == "l":
        return "too easily read as 1 (ruff's E741 refuses it)"
    return None


def is_reserved(name: str) -> bool:
    """Tell whether a field or relation name is reserved (see `reserved_reason`).

    Args:
        name: A field or relation name.

    Returns:
        True when the name may not be used.
    """
    return reserved_reason(name) is not None


RESERVED_ENTITY_NAMES: frozenset[str] = frozenset(
    {
        "Annotated",
        "Any",
        "APIRouter",
        "AsyncSession",
        "Base",
        "BaseModel",
        "ConfigDict",
        "Decimal",
        "Depends",
        "Enum",
        "False",
        "Field",
        "HTTPException",
        "Literal",
        "Mapped",
        "None",
        "Query",
        "Request",
        "Response",
        "Select",
        "StrEnum",
        "True",
        "User",
        "UUID",
    }
)
"""Entity names that would clash with Python constants, imported names or the built-in User."""

RESERVED_TABLE_NAMES: frozenset[str] = frozenset({"alembic_version", "users"})
"""Tables the generated project owns (Alembic's bookkeeping, the built-in User)."""

RESERVED_ROUTES: frozenset[str] = frozenset({"auth", "users"})
"""Routes the generated project serves itself (login/register, the built-in User)."""


def reserved_entity_reason(name: str) -> str | None:
    """Explain why an entity name is reserved.

    Args:
        name: A PascalCase entity name.

    Returns:
        A short noun phrase for error messages, or None when the name is free.
    """
    if name == "User":
        return "the built-in User entity of every generated project"
    if name in {"True", "False", "None"}:
        return "a Python keyword"
    if name in RESERVED_ENTITY_NAMES:
        return "a name generated modules import or define"
    snake = snake_case(name)
    for stem in (snake, pluralize(snake)):
        if keyword.iskeyword(stem):
            return f"its module would be named '{stem}', a Python keyword"
    return None
