"""The rules of `fortress check`: stable codes, one-line messages, fix hints; and Finding.

Codes never change meaning once released. Families share a prefix so a project can select
or ignore a whole family (`FTR1` = layers): FTR0 files, FTR1 layers, FTR2 business logic in
endpoints, FTR3 naming, FTR4 the seed's code rules, FTR5 drift. docs/rules.md has a bad and
a good example of each.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["RULES", "Finding", "Rule", "rule"]


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule.

    Attributes:
        code: The stable code, e.g. ``FTR101``.
        name: A kebab-case name (SARIF's rule name, the anchor in docs/rules.md).
        message: What is wrong, in one line (a finding may add specifics after it).
        hint: How to fix it.
    """

    code: str
    name: str
    message: str
    hint: str


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one place; line and column are 1-based, columns count characters."""

    path: str
    line: int
    column: int
    code: str
    message: str

    @property
    def rule(self) -> Rule:
        """The rule this finding breaks."""
        return RULES[self.code]

    def sort_key(self) -> tuple[str, int, int, str]:
        """Order findings like ruff: by path, line, column, code."""
        return (self.path, self.line, self.column, self.code)


_ALL = (
    Rule(
        "FTR001",
        "syntax-error",
        "the file is not valid Python",
        "fix the syntax; the other rules cannot check this file until it parses",
    ),
    Rule(
        "FTR101",
        "endpoint-imports-repository",
        "an endpoint module imports a repository",
        "call a service method instead; only services use repositories",
    ),
    Rule(
        "FTR102",
        "endpoint-imports-query-api",
        "an endpoint module imports a model or SQLAlchemy's query API",
        "move the query into a repository and reach it through a service",
    ),
    Rule(
        "FTR103",
        "endpoint-uses-session",
        "an endpoint takes a database session or runs SQL",
        "depend on a service (`Depends(get_<entity>_service)`); the repository owns the session",
    ),
    Rule(
        "FTR104",
        "core-imports-web-framework",
        "a service, repository or model imports FastAPI or Starlette",
        "keep HTTP in the api layer; raise a domain error and map it in the exception handlers",
    ),
    Rule(
        "FTR105",
        "core-raises-http-exception",
        "a service, repository or model raises HTTPException",
        "raise a domain error (NotFoundError, ConflictError, ...) instead",
    ),
    Rule(
        "FTR106",
        "repository-imports-upper-layer",
        "a repository imports a service or the api layer",
        "repositories only use models (and schemas); let the service call the repository",
    ),
    Rule(
        "FTR107",
        "upward-import",
        "a lower layer imports a higher one",
        "the layers are endpoints -> services -> repositories -> models; import downwards only",
    ),
    Rule(
        "FTR201",
        "endpoint-loops",
        "an endpoint loops over data",
        "move the loop into a service method and call that",
    ),
    Rule(
        "FTR202",
        "endpoint-calls-several-service-methods",
        "an endpoint calls more than one service method",
        "add one service method for the use case and call only that",
    ),
    Rule(
        "FTR203",
        "endpoint-branches-on-data",
        "an endpoint branches on data a service returned",
        "decide in the service; the endpoint only wraps the result",
    ),
    Rule(
        "FTR301",
        "module-name-style",
        "the module name does not follow the project's naming style",
        "name layer modules as DESIGN.md §1 says for the style in fortress.yaml",
    ),
    Rule(
        "FTR302",
        "layer-class-missing",
        "a layer module does not define the class its name promises",
        "define the class named after the module, e.g. OrderRepository in OrderRepository.py",
    ),
    Rule(
        "FTR303",
        "schema-trio-missing",
        "a schema module does not define the Create/Update/Response trio",
        "define {Entity}Create, {Entity}Update and {Entity}Response",
    ),
    Rule(
        "FTR401",
        "optional-annotation",
        "`Optional[X]` in an annotation",
        "write `X | None`",
    ),
    Rule(
        "FTR402",
        "pydantic-v1-api",
        "a Pydantic v1 pattern",
        "use the Pydantic v2 API: model_config = ConfigDict(...), from_attributes, "
        "model_dump(), model_validate(), @field_validator",
    ),
    Rule(
        "FTR403",
        "sync-database-in-async-code",
        "a synchronous database driver or session in async code",
        "use the async engine and AsyncSession (asyncpg, aiosqlite)",
    ),
    Rule(
        "FTR404",
        "string-built-sql",
        "SQL built from strings is executed",
        "use select()/insert()/update() constructs, or text() with bound parameters (:name)",
    ),
    Rule(
        "FTR405",
        "missing-type-hints",
        "a function without full type hints",
        "annotate every parameter and the return type",
    ),
    Rule(
        "FTR406",
        "secret-in-response",
        "a response exposes a password, secret, token or hash field",
        "leave the field out of the response (or mark it `Field(exclude=True)`)",
    ),
    Rule(
        "FTR407",
        "endpoint-without-envelope",
        "an endpoint does not return the envelope",
        "return `Envelope(code=..., data=..., message=...)` and annotate `-> Envelope[...]`",
    ),
    Rule(
        "FTR501",
        "generated-file-drift",
        "a generated file is out of step with the specs",
        "run `fortress generate` (and merge by hand where it reports a conflict)",
    ),
    Rule(
        "FTR502",
        "migration-missing",
        "the specs changed the schema but no migration was written",
        "run `fortress generate` to write the migration",
    ),
    Rule(
        "FTR503",
        "merge-conflict-marker",
        "an unresolved merge-conflict marker",
        "resolve the conflict and delete the marker lines",
    ),
)

RULES: dict[str, Rule] = {r.code: r for r in _ALL}


def rule(code: str) -> Rule:
    """The rule with this code (a KeyError for an unknown code is a bug in a rule module)."""
    return RULES[code]
