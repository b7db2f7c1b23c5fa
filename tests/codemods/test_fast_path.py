"""The text-splice fast path of the patches gives exactly what libcst gives, or steps aside.

Three kinds of evidence:

1. Every codemod test case in this folder is run again with the patch functions replaced by
   a wrapper that runs both engines on every call and requires the same result.
2. Generated variations of the shapes the project template writes (and `ruff format`
   rewrites them to) are patched by both engines and must agree; the common ones must be
   handled by the fast path, so a typical `fortress new-entity` never imports libcst.
3. Long chains of registrations, before and after `ruff format`, agree at every step.
"""

from __future__ import annotations

import importlib
import inspect
import itertools
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from codemod_support import fixture

from fortress_gen.patch import (
    Patched,
    PatchResult,
    Skipped,
    ensure_model_imported,
    ensure_router_registered,
)
from fortress_gen.patch._splice import NOT_CERTAIN

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
ROUTER_TEMPLATE = REPO / "templates" / "project" / "{{ package }}" / "api" / "v1" / "__init__.py"
MODELS_TEMPLATE = REPO / "templates" / "project" / "{{ package }}" / "models" / "__init__.py.jinja"

Patch = Callable[..., PatchResult]


def both_engines(patch: Patch, source: str, **kwargs: Any) -> tuple[PatchResult, bool]:
    """Run `patch` with every engine; they must agree. Returns the result and whether the
    text splice handled it (True also when there was nothing to edit)."""
    via_libcst = patch(source, engine="libcst", **kwargs)
    auto = patch(source, **kwargs)
    spliced = patch(source, engine="splice", **kwargs)
    assert auto == via_libcst, (source, kwargs)
    fast = spliced != Skipped(NOT_CERTAIN)
    if fast:
        assert spliced == via_libcst, (source, kwargs)
    return auto, fast


# --- 1. every existing codemod test case, through both engines -----------------------------

PATCHES: dict[str, Patch] = {
    "ensure_router_registered": ensure_router_registered,
    "ensure_model_imported": ensure_model_imported,
}


def _codemod_cases() -> Iterator[Any]:
    for path in sorted(HERE.glob("test_*.py")):
        if path.name == Path(__file__).name:
            continue
        module = importlib.import_module(path.stem)
        for name, function in sorted(vars(module).items()):
            if not (name.startswith("test_") and inspect.isfunction(function)):
                continue
            marks = [m for m in getattr(function, "pytestmark", []) if m.name == "parametrize"]
            if not marks:
                yield pytest.param(path.stem, name, {}, id=f"{path.stem}::{name}")
                continue
            grids = []
            for mark in marks:
                names = mark.args[0]
                names = [n.strip() for n in names.split(",")] if isinstance(names, str) else names
                values = [
                    v.values if hasattr(v, "marks") else v if len(names) > 1 else (v,)
                    for v in mark.args[1]
                ]
                grids.append([dict(zip(names, v, strict=True)) for v in values])
            for number, combination in enumerate(itertools.product(*grids)):
                arguments = {k: v for part in combination for k, v in part.items()}
                yield pytest.param(path.stem, name, arguments, id=f"{path.stem}::{name}[{number}]")


@pytest.mark.parametrize(("module_name", "test_name", "arguments"), list(_codemod_cases()))
def test_every_codemod_case_agrees_on_both_engines(
    module_name: str, test_name: str, arguments: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    module = importlib.import_module(module_name)
    test = getattr(module, test_name)
    if set(inspect.signature(test).parameters) - set(arguments):
        pytest.skip("needs fixtures")
    calls: list[bool] = []
    for name, patch in PATCHES.items():
        if hasattr(module, name):

            def checked(source: str, _patch: Patch = patch, **kwargs: Any) -> PatchResult:
                result, fast = both_engines(_patch, source, **kwargs)
                calls.append(fast)
                return result

            monkeypatch.setattr(module, name, checked)
    test(**arguments)


def test_the_harness_sees_the_codemod_cases() -> None:
    cases = list(_codemod_cases())
    assert len(cases) >= 30
    assert {case.values[1] for case in cases} >= {
        "test_first_registration_in_the_template",
        "test_first_model_in_the_template",
    }


# --- 2. generated variations of the common shapes ------------------------------------------

ROUTER_IMPORTS = {
    "none": "",
    "line": "from app.api.v1.endpoints import customers, tags\n",
    "unsorted": "from app.api.v1.endpoints import tags, customers\n",
    "one": "from app.api.v1.endpoints import customers\n",
    "paren": "from app.api.v1.endpoints import (customers, tags)\n",
    "vertical": "from app.api.v1.endpoints import (\n    customers,\n    tags,\n)\n",
    "vertical_comments": (
        "from app.api.v1.endpoints import (\n    customers,  # first\n    tags,  # last\n)\n"
    ),
    "vertical_no_comma": "from app.api.v1.endpoints import (\n    customers,\n    tags\n)\n",
    "vertical_tabs": "from app.api.v1.endpoints import (\n\tcustomers,  # ü\n\ttags,\n)\n",
    "vertical_blank": "from app.api.v1.endpoints import (\n    customers,\n\n    tags,\n)\n",
    "relative": "from .endpoints import customers, tags\n",
    "alias": "from app.api.v1.endpoints import customers as c, tags\n",
    "other_first_party": "from app.api.deps import require_user\n",
    "two_groups": ("from app.api.deps import require_user\nfrom app.core.config import settings\n"),
    "commented": "# the endpoints\nfrom app.api.v1.endpoints import customers, tags  # all\n",
    "plain_import": "import app.api.v1.endpoints.customers\n",
}
ROUTER_INCLUDES = {
    "none": "",
    "some": "api_router.include_router(customers.router)\napi_router.include_router(tags.router)\n",
    "comment": "# entity routers\napi_router.include_router(customers.router)  # keep\n",
    "semicolon": (
        "api_router.include_router(customers.router); api_router.include_router(tags.router)\n"
    ),
}
ROUTER_ENDS = {
    "none": "",
    "comment": "\n# the end\n",
    "function": "\n\ndef extra() -> None:\n    pass\n",
    "block": "\nif FEATURE:\n    api_router.include_router(beta.router)\n",
}


def _router_sources() -> Iterator[tuple[str, str]]:
    heads = ('"""Version 1 of the API: café."""\n\n', "# Copyright © Ünïcode\n\n", "")
    for doc, (imp_key, imp), (inc_key, inc), (end_key, end), annotated in itertools.product(
        range(len(heads)),
        ROUTER_IMPORTS.items(),
        ROUTER_INCLUDES.items(),
        ROUTER_ENDS.items(),
        (False, True),
    ):
        if inc_key != "none" and imp_key in ("none", "other_first_party", "two_groups"):
            continue
        if inc_key != "none" and imp_key == "plain_import":
            inc = "api_router.include_router(app.api.v1.endpoints.customers.router)\n"
        assignment = "api_router: APIRouter = APIRouter()\n" if annotated else ""
        assignment = assignment or "api_router = APIRouter()\n"
        source = (
            heads[doc]
            + "from fastapi import APIRouter\n\n"
            + imp
            + ("\n" if imp else "")
            + assignment
            + inc
            + end
        )
        key = f"doc={doc},import={imp_key},includes={inc_key},end={end_key},ann={annotated}"
        yield key, source


@pytest.mark.parametrize("module", ["apples", "orders", "zebras"])
def test_generated_router_shapes_agree(module: str) -> None:
    fast = 0
    total = 0
    for key, source in _router_sources():
        result, spliced = both_engines(
            ensure_router_registered, source, package="app", module=module
        )
        assert isinstance(result, Patched | Skipped), key
        total += 1
        fast += spliced
    assert fast > total // 2


MODEL_IMPORTS = {
    "base": "from app.models.base import Base\n",
    "sorted": (
        "from app.models.base import Base\nfrom app.models.Customer import Customer\n"
        "from app.models.Tag import Tag\n"
    ),
    "pep8": "from app.models.base import Base\nfrom app.models.customer import Customer\n",
    "relative": "from .base import Base\nfrom .Customer import Customer\n",
    "grouped": "from app.models.base import Base\nfrom app.models.Order import OrderLine\n",
    "commented": "# the base first\nfrom app.models.base import Base  # base\n\n# entities\n"
    "from app.models.Customer import Customer\n",
    "third_party_after": "from app.models.base import Base\nimport sqlalchemy\n",
}
MODEL_ALLS = {
    "none": "",
    "line": '__all__ = ["Base", "Customer", "Tag"]\n',
    "single": '__all__ = ["Base"]\n',
    "tuple_one": "__all__ = ('Base',)\n",
    "tuple": '__all__ = ("Base", "Customer")\n',
    "vertical": '__all__ = [\n    "Base",\n    "Customer",  # ours\n    "Tag",\n]\n',
    "vertical_unicode": '__all__ = [\n    "Base",  # é\n    "Customer",\n]  # ü\n',
    "vertical_no_comma": '__all__ = [\n    "Base",\n    "Customer"\n]\n',
    "unsorted": '__all__ = ["Tag", "Base"]\n',
    "annotated": '__all__: list[str] = ["Base", "Customer"]\n',
    "computed": "__all__ = [n for n in dir() if n[0] != '_']\n",
    "empty": "__all__ = []\n",
}


def _model_sources() -> Iterator[tuple[str, str]]:
    for doc, (imp_key, imp), (all_key, all_), blank in itertools.product(
        (True, False), MODEL_IMPORTS.items(), MODEL_ALLS.items(), (True, False)
    ):
        source = (
            ('"""Every model (é)."""\n\n' if doc else "")
            + imp
            + ("\n" if blank and all_ else "")
            + all_
        )
        yield f"doc={doc},import={imp_key},all={all_key},blank={blank}", source


@pytest.mark.parametrize(
    ("module", "class_name"),
    [("Apple", "Apple"), ("Order", "Order"), ("Zebra", "Zebra"), ("order", "Order")],
)
def test_generated_model_shapes_agree(module: str, class_name: str) -> None:
    fast = 0
    total = 0
    for key, source in _model_sources():
        result, spliced = both_engines(
            ensure_model_imported, source, package="app", module=module, class_name=class_name
        )
        assert isinstance(result, Patched | Skipped), key
        total += 1
        fast += spliced
    assert fast > total // 2


# --- 3. chains of registrations, also after `ruff format` ----------------------------------

NAMES = [
    "zebras", "apples", "orders", "customers", "tags", "invoices", "boxes", "mice",
    "line_items", "addresses", "b", "a2", "a10", "order_lines", "x",
]  # fmt: skip


def _ruff_format(source: str, tmp_path: Path, name: str) -> str:
    from ruff.__main__ import find_ruff_bin

    path = tmp_path / name
    path.write_text(source, encoding="utf-8")
    ruff = str(find_ruff_bin())
    isort = [ruff, "check", "--fix-only", "--select", "I", "--quiet", "--isolated", str(path)]
    subprocess.run(isort, check=True)
    subprocess.run([ruff, "format", "--quiet", "--isolated", str(path)], check=True)
    return path.read_text(encoding="utf-8")


def _router_template() -> str:
    return ROUTER_TEMPLATE.read_text(encoding="utf-8")


def _models_template() -> str:
    text = MODELS_TEMPLATE.read_text(encoding="utf-8")
    return text.replace("{{ package }}", "app").replace("{{ user_model_module }}", "User")


def test_router_chain_is_spliced_and_agrees(tmp_path: Path) -> None:
    code = _router_template()
    for round_ in range(2):
        for name in NAMES:
            result, fast = both_engines(
                ensure_router_registered, code, package="app", module=f"{name}{round_}"
            )
            assert isinstance(result, Patched)
            assert fast, code
            code = result.code
        code = _ruff_format(code, tmp_path, f"router{round_}.py")
    assert "from app.api.v1.endpoints import (\n" in code


def test_model_chain_is_spliced_and_agrees(tmp_path: Path) -> None:
    code = _models_template()
    for round_ in range(2):
        for name in NAMES:
            class_name = "".join(part.title() for part in name.split("_")) + str(round_)
            result, fast = both_engines(
                ensure_model_imported, code, package="app", module=class_name, class_name=class_name
            )
            assert isinstance(result, Patched)
            assert fast, code
            code = result.code
        code = _ruff_format(code, tmp_path, f"models{round_}.py")
    assert '__all__ = [\n    "A100",' in code or "__all__ = [\n" in code


def test_new_entity_shapes_need_no_libcst() -> None:
    script = (
        "import sys\n"
        "from fortress_gen.patch import Patched, ensure_model_imported, ensure_router_registered\n"
        f"router, models = {_router_template()!r}, {_models_template()!r}\n"
        "for name in ('customers', 'orders', 'apples'):\n"
        "    result = ensure_router_registered(router, package='app', module=name)\n"
        "    assert isinstance(result, Patched), result\n"
        "    router = result.code\n"
        "    cls = name.title()[:-1]\n"
        "    result = ensure_model_imported(models, package='app', module=cls, class_name=cls)\n"
        "    assert isinstance(result, Patched), result\n"
        "    models = result.code\n"
        "assert 'libcst' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", script], cwd=REPO, check=True)


def test_crlf_and_odd_files_fall_back_to_libcst() -> None:
    source = fixture(
        """
        from fastapi import APIRouter

        api_router = APIRouter()
        """
    )
    for odd in (source.replace("\n", "\r\n"), source.rstrip("\n"), "\ufeff" + source):
        assert ensure_router_registered(odd, package="app", module="orders", engine="splice") in (
            Skipped(NOT_CERTAIN),
            ensure_router_registered(odd, package="app", module="orders", engine="libcst"),
        )
        both_engines(ensure_router_registered, odd, package="app", module="orders")


def _mutations(source: str, seed: int) -> Iterator[str]:
    """Blank lines, comments and stray statements sprinkled between the lines of `source`."""
    import random

    noise = [
        "",
        "    ",
        "# a note",
        "    # indented note",
        "X = 1",
        "import os",
        "x = (\n    1,\n)",
        "x = 1; y = 2",
        "if X:\n    pass",
        "def f():\n    pass",
        "api_router.include_router(other.router)",
        "from app.api.v1.endpoints import (\n    a1,\n    b2,\n)",
        "__all__ = [\n    'Base',\n    'Other',\n]",
    ]
    rng = random.Random(seed)
    lines = source.split("\n")[:-1]
    for _ in range(40):
        mutated = list(lines)
        for _ in range(rng.randint(1, 3)):
            mutated.insert(rng.randint(0, len(mutated)), rng.choice(noise))
        yield "\n".join(mutated) + "\n"


@pytest.mark.parametrize("seed", range(6))
def test_sprinkled_sources_agree(seed: int) -> None:
    router, models = _router_template(), _models_template()
    for name in ("customers", "tags"):
        result = ensure_router_registered(router, package="app", module=name)
        assert isinstance(result, Patched)
        router = result.code
        result = ensure_model_imported(models, package="app", module=name, class_name=name)
        assert isinstance(result, Patched)
        models = result.code
    for source in _mutations(router, seed):
        for module in ("apples", "orders", "zebras"):
            both_engines(ensure_router_registered, source, package="app", module=module)
    for source in _mutations(models, seed):
        for module in ("Apple", "Order", "Zebra"):
            both_engines(
                ensure_model_imported, source, package="app", module=module, class_name=module
            )
