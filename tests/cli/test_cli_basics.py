"""The command line itself: help with examples, the version, usage errors, finding the project."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_support import (
    CUSTOMER,
    Fortress,
    changed_paths,
    make_project,
    run_binary,
    snapshot,
)
from typer.testing import CliRunner

from fortress_gen import __version__
from fortress_gen.cli import app

COMMANDS = ("new-project", "new-entity", "generate", "schema", "check")


@pytest.fixture
def fortress(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Fortress:
    return Fortress(monkeypatch, capsys)


@pytest.mark.parametrize("command", COMMANDS)
def test_help_of_every_command_shows_an_example(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    assert f"Usage: fortress {command}" in result.output
    examples = result.output.split("Example", 1)
    assert len(examples) == 2, f"no example in `fortress {command} --help`:\n{result.output}"
    assert f"fortress {command}" in examples[1]


def test_root_help_lists_every_command() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.output


def test_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"fortress {__version__}\n"


def test_version_through_main(fortress: Fortress, tmp_path: Path) -> None:
    result = fortress("--version", cwd=tmp_path)
    assert (result.code, result.out) == (0, f"fortress {__version__}\n")


def test_new_project_into_a_non_empty_directory_is_refused(
    fortress: Fortress, tmp_path: Path
) -> None:
    target = tmp_path / "shop"
    target.mkdir()
    (target / "notes.txt").write_text("mine\n", encoding="utf-8")
    before = snapshot(tmp_path)
    result = fortress("new-project", "shop", cwd=tmp_path)
    assert result.code == 2
    assert "is not empty" in result.err
    assert "Traceback" not in result.err
    assert changed_paths(before, snapshot(tmp_path)) == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("package", "--data 'package' is not key=value"),
        ("=app", "--data '=app' is not key=value"),
        ("colour=red", "unknown template question(s): colour"),
    ],
)
def test_new_project_with_bad_data_is_refused(
    fortress: Fortress, tmp_path: Path, data: str, message: str
) -> None:
    result = fortress("new-project", "shop", "--data", data, cwd=tmp_path)
    assert result.code == 2
    assert message in result.err
    assert not (tmp_path / "shop").exists()


def test_schema_prints_the_json_schema(fortress: Fortress, tmp_path: Path) -> None:
    result = fortress("schema", cwd=tmp_path)
    assert result.code == 0
    assert result.out.startswith("{")
    assert '"title": "Fortress entity spec"' in result.out


def test_outside_any_project_is_a_usage_error(fortress: Fortress, tmp_path: Path) -> None:
    for args in (["generate"], ["new-entity", "Customer", "name:str"]):
        result = fortress(*args, cwd=tmp_path)
        assert result.code == 2, result
        assert "not a Fortress project: no fortress.yaml in" in result.err
        assert "fortress new-project NAME" in result.err
    assert list(tmp_path.iterdir()) == []


def test_root_option_works_from_another_directory(
    fortress: Fortress, tmp_path: Path, template_cache: Path
) -> None:
    root = make_project(tmp_path / "shop", template_cache, Customer=CUSTOMER)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for option in ("--root", "-C"):
        result = fortress("generate", "--dry-run", option, str(root), cwd=elsewhere)
        assert result.code == 0, result.err
        assert "create  app/models/Customer.py" in result.err
    result = fortress("generate", "-C", str(root), cwd=elsewhere)
    assert result.code == 0, result.err
    assert (root / "app/models/Customer.py").is_file()
    assert list(elsewhere.iterdir()) == []


def test_a_subdirectory_of_the_project_finds_the_root(
    fortress: Fortress, tmp_path: Path, template_cache: Path
) -> None:
    root = make_project(tmp_path / "shop", template_cache, Customer=CUSTOMER)
    result = fortress("generate", cwd=root / "app" / "models")
    assert result.code == 0, result.err
    assert (root / "app/models/Customer.py").is_file()
    assert not (root / "app/models/app").exists()


@pytest.mark.parametrize(
    "args",
    [["generate", "--bogus"], ["new-entity"], ["new-project"], ["frobnicate"]],
    ids=["unknown-option", "missing-name", "missing-directory", "unknown-command"],
)
def test_usage_errors_exit_2_without_an_internal_error(
    fortress: Fortress, tmp_path: Path, args: list[str]
) -> None:
    # Regression: typer >= 0.16 raises the usage errors of its own copy of click
    # (`typer._click`), which `click.ClickException` in `main` did not catch: they were
    # reported as an internal error with exit code 3.
    result = fortress(*args, cwd=tmp_path)
    assert result.code == 2, result.err
    assert "error: internal error" not in result.err


def test_no_arguments_prints_help(fortress: Fortress, tmp_path: Path) -> None:
    result = fortress(cwd=tmp_path)
    assert "[OPTIONS] COMMAND [ARGS]..." in result.out + result.err
    assert "error: internal error" not in result.err
    assert result.code in (0, 2)


def test_the_console_script_reports_errors_in_one_line(tmp_path: Path) -> None:
    result = run_binary("generate", cwd=tmp_path)
    assert result.code == 2
    assert result.err.startswith("error: not a Fortress project: no fortress.yaml in ")
    assert len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err
