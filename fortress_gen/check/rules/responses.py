"""FTR406, FTR407: what responses may show, and the envelope every endpoint returns.

FTR406 reads the classes that describe responses (named ``...Response``, or subclassing a
class of this file that is) and the dicts a path operation returns: a field or key named
like a credential (``password``, ``password_hash``, ``hashed_password``, ``client_secret``,
``api_key``, ``reset_token``, ``salt``) is reported unless it is ``Field(exclude=True)`` or a
``SecretStr``. The standard OAuth2 token response (``access_token``, ``refresh_token``,
``token_type``) is what a login endpoint must return and is allowed, and so is a field the
entity's spec declares without ``secret: true`` in ``{Entity}Response`` (a content ``hash``):
the spec says it is public.

FTR407: a path operation declares the envelope (``-> Envelope[...]``, a module alias of it,
or ``response_model=Envelope[...]``) and never returns a bare ``...Response`` object.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from fortress_gen.check.context import Context
from fortress_gen.check.registry import Finding
from fortress_gen.check.rules._base import Function, finding, route_decorator, route_handlers
from fortress_gen.check.source import SourceFile, walk
from fortress_gen.naming import snake_case

__all__ = ["CODES", "check", "is_secret_name"]

CODES = ("FTR406", "FTR407")

_SECRET_LAST = frozenset(
    {"password", "passwd", "secret", "hash", "hashed", "salt", "token", "apikey", "digest"}
)
_KEY_OWNERS = frozenset({"api", "secret", "private", "signing", "encryption"})
_ALLOWED = frozenset({"access_token", "refresh_token", "token_type", "id_token"})
_SECRET_TYPES = frozenset({"SecretStr", "SecretBytes"})


def is_secret_name(name: str) -> bool:
    """Whether a field or key name looks like a credential (see the module docstring)."""
    snake = snake_case(name).strip("_")
    if snake in _ALLOWED or snake.startswith(("is_", "has_")):
        return False
    parts = snake.split("_")
    if parts[-1] in _SECRET_LAST:
        return True
    return parts[-1] == "key" and len(parts) > 1 and parts[-2] in _KEY_OWNERS


def check(source: SourceFile, ctx: Context) -> Iterator[Finding]:
    """Report secrets in responses and path operations without the envelope."""
    if source.tree is None:
        return
    yield from _response_classes(source, ctx)
    aliases = _envelope_aliases(source)
    for handler in route_handlers(source):
        yield from _returned_secrets(source, handler)
        yield from _envelope(source, handler, aliases)


def _response_classes(source: SourceFile, ctx: Context) -> Iterator[Finding]:
    assert source.tree is not None
    responses: set[str] = set()
    for node in source.nodes(ast.ClassDef):
        if not (node.name.endswith("Response") or (responses and _bases(node) & responses)):
            continue
        responses.add(node.name)
        entity = node.name.removesuffix("Response")
        declared: frozenset[str] | None = None  # read from the spec when first needed
        for item in node.body:
            if not (
                isinstance(item, ast.AnnAssign)
                and isinstance(item.target, ast.Name)
                and is_secret_name(item.target.id)
            ):
                continue
            if declared is None:
                declared = ctx.public_fields(entity) if entity in ctx.entities else frozenset()
            if item.target.id not in declared and not _hidden(item):
                yield finding(
                    source, item.target, "FTR406", f"field `{item.target.id}` of `{node.name}`"
                )


def _bases(node: ast.ClassDef) -> set[str]:
    """The last dotted part of each base class (``Base`` of ``models.Base``)."""
    return {_last_part(b) for b in node.bases}


def _last_part(node: ast.expr) -> str:
    """``ast.unparse(node).rpartition(".")[2]``, without unparsing names and attributes."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ast.unparse(node).rpartition(".")[2]


def _hidden(item: ast.AnnAssign) -> bool:
    """A ClassVar, a SecretStr, or ``Field(exclude=True)``: never serialized as plain text."""
    annotation = ast.unparse(item.annotation)
    if "ClassVar" in annotation or any(t in annotation for t in _SECRET_TYPES):
        return True
    value = item.value
    return (
        isinstance(value, ast.Call)
        and ast.unparse(value.func).rpartition(".")[2] == "Field"
        and any(
            k.arg == "exclude" and isinstance(k.value, ast.Constant) and k.value.value is True
            for k in value.keywords
        )
    )


def _returned_secrets(source: SourceFile, handler: Function) -> Iterator[Finding]:
    for node in walk(handler):
        if not (isinstance(node, ast.Return) and node.value is not None):
            continue
        for sub in walk(node.value):
            if isinstance(sub, ast.Dict):
                for key in sub.keys:
                    if (
                        isinstance(key, ast.Constant)
                        and isinstance(key.value, str)
                        and is_secret_name(key.value)
                    ):
                        yield finding(source, key, "FTR406", f"key {key.value!r} returned")
            elif (
                isinstance(sub, ast.Call)
                and isinstance(sub.func, ast.Name)
                and sub.func.id == "dict"
            ):
                for keyword in sub.keywords:
                    if keyword.arg and is_secret_name(keyword.arg):
                        yield finding(source, keyword, "FTR406", f"key {keyword.arg!r} returned")


def _envelope_aliases(source: SourceFile) -> frozenset[str]:
    """Module-level names bound to a type that mentions the envelope."""
    assert source.tree is not None
    found: set[str] = set()
    for statement in source.tree.body:
        if isinstance(statement, ast.Assign):
            targets, value = statement.targets, statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            targets, value = [statement.target], statement.value
        else:
            continue
        if _mentions_envelope(value, frozenset(found)):
            found.update(t.id for t in targets if isinstance(t, ast.Name))
    return frozenset(found)


def _mentions_envelope(node: ast.expr, aliases: frozenset[str]) -> bool:
    for sub in walk(node):
        if isinstance(sub, ast.Name) and ("Envelope" in sub.id or sub.id in aliases):
            return True
        if isinstance(sub, ast.Attribute) and "Envelope" in sub.attr:
            return True
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str) and "Envelope" in sub.value:
            return True
    return False


def _envelope(source: SourceFile, handler: Function, aliases: frozenset[str]) -> Iterator[Finding]:
    decorator = route_decorator(handler)
    model = (
        next(
            (k.value for k in decorator.keywords if k.arg == "response_model"),
            None,
        )
        if decorator is not None
        else None
    )
    declared = model is not None and not (isinstance(model, ast.Constant) and model.value is None)
    if declared:
        assert model is not None
        enveloped = _mentions_envelope(model, aliases)
    else:
        enveloped = handler.returns is not None and _mentions_envelope(handler.returns, aliases)
    if not enveloped:
        what = "response_model" if declared else "return type"
        yield finding(source, handler, "FTR407", f"the {what} of `{handler.name}`")
        return
    for node in walk(handler):
        if (
            isinstance(node, ast.Return)
            and isinstance(node.value, ast.Call)
            and _last_part(node.value.func).endswith("Response")
        ):
            yield finding(
                source, node, "FTR407", f"`{handler.name}` returns `{ast.unparse(node.value.func)}`"
            )
