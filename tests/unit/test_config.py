"""fortress.yaml: defaults, validation with located errors, and finding the project root."""

from __future__ import annotations

from pathlib import Path

import pytest

from fortress_gen.config import ProjectConfig, find_project_root, load_config
from fortress_gen.errors import ProjectError, SpecErrors


def _write(root: Path, text: str) -> None:
    (root / "fortress.yaml").write_text(text, encoding="utf-8")


def test_defaults_from_an_empty_file(tmp_path: Path) -> None:
    _write(tmp_path, "# all defaults\n")
    assert load_config(tmp_path) == ProjectConfig(
        package="app", specs="specs", style="fortress", formatter="ruff", api_prefix="/api/v1"
    )


def test_every_key(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "package: shop\nspecs: design/specs\nstyle: pep8\nformatter: black\napi_prefix: ''\n",
    )
    config = load_config(tmp_path)
    assert (config.package, config.specs, config.style, config.formatter, config.api_prefix) == (
        "shop",
        "design/specs",
        "pep8",
        "black",
        "",
    )


def test_config_is_frozen() -> None:
    config = ProjectConfig()
    with pytest.raises(ValueError, match="frozen"):
        config.package = "other"  # type: ignore[misc]


def test_missing_file_is_a_project_error(tmp_path: Path) -> None:
    with pytest.raises(ProjectError) as info:
        load_config(tmp_path)
    assert str(info.value) == (
        f"not a Fortress project: no fortress.yaml in {tmp_path.as_posix()}"
        " (run `fortress new-project NAME` or create fortress.yaml)"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "package: my.app\n",
            "fortress.yaml:1:10: package: 'my.app' is not a Python package name"
            " (like `app` or `shop_api`)",
        ),
        (
            "package: class\n",
            "fortress.yaml:1:10: package: 'class' is not a Python package name"
            " (like `app` or `shop_api`)",
        ),
        (
            "style: camel\n",
            "fortress.yaml:1:8: style: 'camel' is not a style (allowed: fortress, pep8)",
        ),
        (
            "formatter: yapf\n",
            "fortress.yaml:1:12: formatter: 'yapf' is not a formatter (allowed: ruff, black)",
        ),
        (
            "specs: ../elsewhere\n",
            "fortress.yaml:1:8: specs: '../elsewhere' is not a folder inside the project"
            " (like `specs`)",
        ),
        (
            "api_prefix: api/v1\n",
            "fortress.yaml:1:13: api_prefix: 'api/v1' is not a URL prefix"
            " (like `/api/v1`, or empty)",
        ),
        (
            "pakage: app\n",
            "fortress.yaml:1:1: unknown key 'pakage', did you mean 'package'?"
            " (allowed: package, specs, style, formatter, api_prefix)",
        ),
        (
            "package: app\npackage: api\n",
            "fortress.yaml:2:1: duplicate key 'package', first at line 1"
            " (a key may appear once in a mapping)",
        ),
        ("- app\n", "fortress.yaml:1:1: expected a mapping at the top level (like `package: app`)"),
        (
            "package: [app\n",
            "fortress.yaml:2:1: invalid YAML: expected ',' or ']', but got"
            " '<stream end>' (while parsing a flow sequence at line 1, column 10)",
        ),
    ],
)
def test_bad_config_is_located(tmp_path: Path, text: str, expected: str) -> None:
    _write(tmp_path, text)
    with pytest.raises(SpecErrors) as info:
        load_config(tmp_path)
    assert str(info.value) == expected


def test_find_project_root_walks_up(tmp_path: Path) -> None:
    _write(tmp_path, "")
    nested = tmp_path / "app" / "models"
    nested.mkdir(parents=True)
    assert find_project_root(nested) == tmp_path.resolve()
    assert find_project_root(tmp_path) == tmp_path.resolve()


def test_find_project_root_outside_a_project(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="not a Fortress project"):
        find_project_root(tmp_path)
