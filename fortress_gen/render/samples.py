"""Test data derived from a field's constraints: valid samples, boundaries, invalid values."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from fortress_gen.literals import py_literal, py_str
from fortress_gen.render.fields import (
    INT32_RANGE,
    INT64_RANGE,
    JSON_MAX_LENGTH,
    decimal_shape,
    max_length,
)
from fortress_gen.spec.model import FieldSpec

__all__ = ["COMPARABLE_TYPES", "Case", "Sample", "boundary_cases", "invalid_cases", "sample"]

# Per type: the expression the generated tests use, and the same value computed here.
_FIXED: dict[str, tuple[str, Callable[[int], object]]] = {
    "bool": ("n % 2 == 0", lambda n: n % 2 == 0),
    "date": ('f"2024-01-{n % 28 + 1:02d}"', lambda n: f"2024-01-{n % 28 + 1:02d}"),
    "datetime": (
        'f"2024-01-01T00:00:{n % 60:02d}+00:00"',
        lambda n: f"2024-01-01T00:00:{n % 60:02d}+00:00",
    ),
    "time": ('f"12:00:{n % 60:02d}"', lambda n: f"12:00:{n % 60:02d}"),
    "uuid": (
        'f"00000000-0000-4000-8000-{n:012d}"',
        lambda n: f"00000000-0000-4000-8000-{n:012d}",
    ),
    "json": ('{"n": n}', lambda n: {"n": n}),
    "bytes": (
        'base64.b64encode(f"bytes-{n}".encode()).decode()',
        lambda n: base64.b64encode(f"bytes-{n}".encode()).decode(),
    ),
    "email": ('f"user{n}@example.com"', lambda n: f"user{n}@example.com"),
    "url": ('f"https://example.com/{n}"', lambda n: f"https://example.com/{n}"),
}

# Values that compare equal after a round trip through the API (the response echoes them).
COMPARABLE_TYPES = frozenset(
    {"str", "text", "int", "bigint", "bool", "enum", "email", "url", "uuid", "json", "date", "time"}
)


@dataclass(frozen=True, slots=True)
class Case:
    """A (field, JSON value) pair for a parametrized test."""

    field: str
    value: object

    def __str__(self) -> str:
        value = self.value
        if isinstance(value, str) and len(value) > 12 and len(set(value)) == 1:
            return f"({self.field!r}, {value[0]!r} * {len(value)})"
        return f"({self.field!r}, {py_literal(value)})"


def _numeric_bounds(field: FieldSpec) -> tuple[Decimal | None, Decimal | None]:
    """Inclusive bounds of a numeric field (exclusive ones moved inwards by one step)."""
    step = Decimal(1) if field.type in ("int", "bigint") else Decimal("0.5")
    lower = upper = None
    if field.ge is not None:
        lower = Decimal(str(field.ge))
    if field.gt is not None:
        lower = Decimal(str(field.gt)) + step
    if field.le is not None:
        upper = Decimal(str(field.le))
    if field.lt is not None:
        upper = Decimal(str(field.lt)) - step
    return lower, upper


def _number_json(value: Decimal, field: FieldSpec) -> object:
    if field.type in ("int", "bigint"):
        return int(value)
    if field.type == "float":
        return float(value)
    places = decimal_shape(field)[1]
    return str(value.quantize(Decimal(1).scaleb(-places))) if places else str(int(value))


@dataclass(frozen=True, slots=True)
class Sample:
    """How the generated tests make a valid, `n`-distinct value of a field.

    Attributes:
        expr: A Python expression over `n` for the test module.
        value: The same value computed here, for literals baked into the tests.
    """

    expr: str
    value: Callable[[int], object]
    distinct: bool = True


def _constant(value: object) -> Sample:
    return Sample(py_literal(value), lambda n: value, distinct=False)


_PATTERN_VARIANTS = ("{example}-{n}", "{example}{n}", "{example}_{n}", "{n}{example}")


def _pattern_sample(example: str, pattern: str, high: int | None) -> Sample:
    """The example, varied with `n` in a way the pattern still accepts, if there is one."""
    for variant in _PATTERN_VARIANTS:
        values = [variant.format(example=example, n=n) for n in range(1, 13)]
        if all(re.search(pattern, v) and (high is None or len(v) <= high) for v in values):
            return _formatted(variant, example)
    return _constant(example)


def _formatted(variant: str, example: str) -> Sample:
    """`variant` (with `{example}` and `{n}`) as an f-string over `n` and as values here."""
    braced = example.replace("{", "{{").replace("}", "}}")
    expr = "f" + py_str(variant.replace("{example}", braced))
    return Sample(expr, lambda n: variant.format(example=example, n=n))


def sample(name: str, field: FieldSpec) -> Sample:
    """A valid value of the field that differs with `n` wherever the constraints allow."""
    if field.pattern is not None:
        return _pattern_sample(str(field.example), field.pattern, max_length(field))
    if field.type == "enum":
        values = tuple(field.values or ())
        return Sample(
            f"{list(values)!r}[n % {len(values)}]",
            lambda n: values[n % len(values)],
            distinct=len(values) >= 3,  # the list tests create three rows
        )
    if field.type in _FIXED:
        expr, func = _FIXED[field.type]
        return Sample(expr, func, distinct=field.type != "bool")  # two values for three rows
    if field.type in ("int", "bigint", "float", "decimal"):
        return _number_sample(field)
    return _string_sample(name, field)


def _number_sample(field: FieldSpec) -> Sample:
    lower, upper = _numeric_bounds(field)
    base = lower if lower is not None else Decimal(0)
    if upper is not None and upper < base + 10:
        return _constant(_number_json(base, field))
    if field.type == "decimal":
        digits, places = decimal_shape(field)
        if digits - places < 3:
            return _constant(_number_json(base, field))
        start = int(base)
        return Sample(f"str({start} + n)", lambda n: str(start + n))
    if field.type == "float":
        first = float(base)
        return Sample(f"{first!r} + n", lambda n: first + n)
    first_int = int(base)
    return Sample(f"{first_int} + n", lambda n: first_int + n)


def _string_sample(name: str, field: FieldSpec) -> Sample:
    low = field.min_length or 0
    high = max_length(field)
    word = f"{name}-"
    if (high is None or len(word) + 3 <= high) and len(word) + 1 >= low:
        return Sample(f'f"{word}{{n}}"', lambda n: f"{word}{n}")
    width = max(low, 1)
    return Sample(f'f"{{n:0{width}d}}"', lambda n: f"{n:0{width}d}")


def boundary_cases(name: str, field: FieldSpec) -> list[Case]:
    """Values exactly on the field's declared limits, which the API must accept."""
    cases: list[Case] = []
    if field.type in ("str", "text") and field.pattern is None:
        longest = max_length(field)
        if longest is not None:
            cases.append(Case(name, "a" * longest))
        if field.min_length:
            cases.append(Case(name, "a" * field.min_length))
    if field.type in ("int", "bigint", "float", "decimal"):
        lower, upper = _numeric_bounds(field)
        if field.ge is not None and lower is not None:
            cases.append(Case(name, _number_json(lower, field)))
        if field.le is not None and upper is not None:
            cases.append(Case(name, _number_json(upper, field)))
    return cases


def invalid_cases(name: str, field: FieldSpec) -> list[Case]:
    """Values that break one declared constraint each, which the API must refuse with 422."""
    cases: list[Case] = []
    kind = field.type
    longest = max_length(field)
    if kind in ("str", "text", "email", "url") and longest is not None:
        cases.append(Case(name, "a" * (longest + 1)))
    if kind in ("str", "text") and field.min_length:
        cases.append(Case(name, "a" * (field.min_length - 1)))
    if kind in ("str", "text"):
        cases.append(Case(name, "nul\x00byte"))
    if kind == "json":  # a JSON string two quotes longer than the cap
        cases.append(Case(name, "a" * JSON_MAX_LENGTH))
    if kind in ("int", "bigint", "float", "decimal"):
        if field.gt is not None:
            cases.append(Case(name, _number_json(Decimal(str(field.gt)), field)))
        elif field.ge is not None:
            cases.append(Case(name, _number_json(Decimal(str(field.ge)) - 1, field)))
        if field.lt is not None:
            cases.append(Case(name, _number_json(Decimal(str(field.lt)), field)))
        elif field.le is not None:
            cases.append(Case(name, _number_json(Decimal(str(field.le)) + 1, field)))
    if kind == "int" and field.ge is None and field.gt is None:
        cases.append(Case(name, INT32_RANGE[0] - 1))
    if kind == "bigint" and field.le is None and field.lt is None:
        cases.append(Case(name, INT64_RANGE[1] + 1))
    if kind == "decimal":
        cases.append(Case(name, "1" * (decimal_shape(field)[0] + 1)))
    cases.extend(Case(name, value) for value in _WRONG_SHAPE.get(kind, ()))
    if kind == "enum":
        cases.append(Case(name, "not_a_" + "_".join(field.values or ())[:40]))
    return cases


_WRONG_SHAPE: dict[str, tuple[object, ...]] = {
    "email": ("not-an-email",),
    "url": ("not a url",),
    "int": ("twelve",),
    "bigint": ("twelve",),
    "float": ("twelve",),
    "decimal": ("twelve",),
    "bool": ("maybe",),
    "date": ("2024-13-45",),
    "datetime": ("2024-01-01T00:00:00",),
    "time": ("25:61",),
    "uuid": ("not-a-uuid",),
}
