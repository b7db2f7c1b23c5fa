"""`fortress check` from the command line: formats, exit codes, ignores, configuration."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from corpus_support import make_project

from fortress_gen.check.registry import RULES
from fortress_gen.cli import main

BAD_ENDPOINT = '''\
"""Endpoints."""

from fastapi import APIRouter

from app.repositories.OrderRepository import OrderRepository
from app.models.Order import Order  # fortress: ignore[FTR102]
import app.repositories as r  # fortress: ignore[FTR1]
import app.models as m  # fortress: ignore
from app import models  # fortress: ignore[FTR101]

router = APIRouter()
USED = (OrderRepository, Order, r, m, models)
'''
NO_DRIFT = "--ignore=FTR501,FTR502"


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


Runner = Callable[..., Result]


@pytest.fixture
def fortress(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Runner:
    def run(*args: str, cwd: Path) -> Result:
        monkeypatch.chdir(cwd)
        monkeypatch.setattr(sys, "argv", ["fortress", *args])
        capsys.readouterr()
        try:
            main()
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 0
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(
        tmp_path / "project", files={"app/api/v1/endpoints/orders.py": BAD_ENDPOINT}
    )


def test_a_clean_project_exits_0(fortress: Runner, tmp_path: Path) -> None:
    root = make_project(tmp_path / "clean")
    result = fortress("check", NO_DRIFT, cwd=root)
    assert (result.code, result.out) == (0, "")
    assert "All checks passed" in result.err


def test_text_output_is_like_ruff_with_a_help_line(fortress: Runner, project: Path) -> None:
    result = fortress("check", NO_DRIFT, cwd=project)
    assert result.code == 1
    assert result.out.splitlines() == [
        "app/api/v1/endpoints/orders.py:5:1: FTR101 an endpoint module imports a repository: "
        "`from app.repositories.OrderRepository import OrderRepository`",
        f"  help: {RULES['FTR101'].hint}",
        "app/api/v1/endpoints/orders.py:9:1: FTR102 an endpoint module imports a model or "
        "SQLAlchemy's query API: `from app import models`",
        f"  help: {RULES['FTR102'].hint}",
    ]
    assert "Found 2 findings in 1 file." in result.err
    hintless = fortress("check", NO_DRIFT, "--no-hints", cwd=project)
    assert len(hintless.out.splitlines()) == 2


def test_paths_are_shown_relative_to_the_working_directory(fortress: Runner, project: Path) -> None:
    result = fortress("check", NO_DRIFT, "endpoints", cwd=project / "app" / "api" / "v1")
    assert result.code == 1
    assert result.out.startswith("endpoints/orders.py:5:1: FTR101 ")


def test_json_output(fortress: Runner, project: Path) -> None:
    result = fortress("check", NO_DRIFT, "--format", "json", cwd=project)
    assert result.code == 1
    items = json.loads(result.out)
    assert [(i["code"], i["line"], i["column"]) for i in items] == [
        ("FTR101", 5, 1),
        ("FTR102", 9, 1),
    ]
    assert items[0]["path"] == "app/api/v1/endpoints/orders.py"
    assert items[0]["name"] == "endpoint-imports-repository"
    assert items[0]["hint"] == RULES["FTR101"].hint


def test_github_output(fortress: Runner, project: Path) -> None:
    result = fortress("check", NO_DRIFT, "--format", "github", cwd=project)
    first = result.out.splitlines()[0]
    assert first.startswith(
        "::error file=app/api/v1/endpoints/orders.py,line=5,col=1,"
        "title=FTR101 endpoint-imports-repository::FTR101 an endpoint module imports a repository"
    )


def test_sarif_output_is_structurally_valid(fortress: Runner, project: Path) -> None:
    result = fortress("check", NO_DRIFT, "--format", "sarif", cwd=project)
    assert result.code == 1
    log = json.loads(result.out)
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "fortress"
    rules = driver["rules"]
    ids = [r["id"] for r in rules]
    assert ids == sorted(set(ids)) == ["FTR101", "FTR102"]
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["help"]["text"]
        assert rule["name"] == RULES[rule["id"]].name
    assert len(run["results"]) == 2
    for item in run["results"]:
        assert rules[item["ruleIndex"]]["id"] == item["ruleId"]
        assert item["level"] in ("error", "warning", "note")
        assert item["message"]["text"]
        (location,) = item["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == "app/api/v1/endpoints/orders.py"
        assert physical["region"]["startLine"] >= 1 and physical["region"]["startColumn"] >= 1


def test_sarif_of_a_clean_project_has_empty_results(fortress: Runner, tmp_path: Path) -> None:
    root = make_project(tmp_path / "clean")
    result = fortress("check", NO_DRIFT, "--format", "sarif", cwd=root)
    assert result.code == 0
    assert json.loads(result.out)["runs"][0]["results"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--format", "xml"),
            "--format: 'xml' is not a format (allowed: text, json, github, sarif)",
        ),
        (("--select", "FTR9"), "'FTR9' is not a rule code or prefix"),
        (("--ignore", "E501"), "'E501' is not a rule code or prefix"),
        (("nowhere.py",), "nowhere.py: no such file or folder"),
    ],
)
def test_usage_errors_exit_2(
    fortress: Runner, project: Path, args: tuple[str, ...], message: str
) -> None:
    result = fortress("check", *args, cwd=project)
    assert result.code == 2
    assert message in result.err
    assert "Traceback" not in result.err


def test_outside_a_project_is_a_usage_error(fortress: Runner, tmp_path: Path) -> None:
    result = fortress("check", cwd=tmp_path)
    assert result.code == 2
    assert "not a Fortress project" in result.err


def test_list_rules(fortress: Runner, tmp_path: Path) -> None:
    result = fortress("check", "--list-rules", cwd=tmp_path)
    assert result.code == 0
    assert [line.split()[0] for line in result.out.splitlines()] == list(RULES)


def test_select_and_ignore_options(fortress: Runner, project: Path) -> None:
    only = fortress("check", "--select", "FTR102", "--no-hints", cwd=project)
    assert [line.split()[1] for line in only.out.splitlines()] == ["FTR102"]
    none = fortress("check", NO_DRIFT, "--ignore", "FTR1", cwd=project)
    assert (none.code, none.out) == (0, "")


def _write_config(root: Path, table: str) -> None:
    (root / "pyproject.toml").write_text(f'[project]\nname = "x"\n\n{table}', "utf-8")


def test_config_select_ignore_and_per_file_ignores(fortress: Runner, project: Path) -> None:
    _write_config(project, '[tool.fortress]\nselect = ["FTR1"]\nignore = ["FTR102"]\n')
    assert [line.split()[1] for line in fortress("check", cwd=project).out.splitlines()[::2]] == [
        "FTR101"
    ]
    _write_config(
        project,
        '[tool.fortress]\nignore = ["FTR5"]\n'
        '[tool.fortress.per-file-ignores]\n"app/api/*" = ["FTR101", "FTR102"]\n',
    )
    assert fortress("check", cwd=project).code == 0


def test_config_more_specific_select_wins_over_a_family_ignore(
    fortress: Runner, project: Path
) -> None:
    _write_config(
        project, '[tool.fortress]\nselect = ["FTR", "FTR102"]\nignore = ["FTR1", "FTR5"]\n'
    )
    result = fortress("check", cwd=project)
    assert [line.split()[1] for line in result.out.splitlines()[::2]] == ["FTR102"]


def test_config_exclude(fortress: Runner, project: Path) -> None:
    _write_config(
        project, '[tool.fortress]\nexclude = ["app/api/v1/endpoints/*"]\nignore = ["FTR5"]\n'
    )
    assert fortress("check", cwd=project).code == 0


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (
            '[tool.fortress]\nselct = ["FTR"]\n',
            "pyproject.toml:5:1: [tool.fortress]: unknown key 'selct'",
        ),
        (
            '[tool.fortress]\nselect = ["FTR999"]\n',
            "pyproject.toml:5:1: [tool.fortress] select: 'FTR999'",
        ),
        (
            '[tool.fortress]\nignore = "FTR1"\n',
            "pyproject.toml:5:1: [tool.fortress] ignore: expected a list",
        ),
        ("[tool.fortress\n", "pyproject.toml: pyproject.toml is not valid TOML"),
    ],
)
def test_bad_config_is_a_located_usage_error(
    fortress: Runner, project: Path, table: str, message: str
) -> None:
    _write_config(project, table)
    result = fortress("check", cwd=project)
    assert result.code == 2
    assert message in result.err


def test_merge_conflict_markers(fortress: Runner, tmp_path: Path) -> None:
    conflicted = (
        '"""A service mid-merge."""\n'
        "<<<<<<< HEAD\n"
        "LIMIT = 10\n"
        "||||||| base\n"
        "LIMIT = 5\n"
        "=======\n"
        "LIMIT = 20\n"
        ">>>>>>> feature\n"
    )
    spec = (
        "entity: Order\n<<<<<<< ours\nfields: {a: str}\n=======\nfields: {b: str}\n>>>>>>> theirs\n"
    )
    readme = "Title\n=======\n\nText with <<<<<<<< eight, and a line\n>>>>>>> not in a conflict\n"
    toml = '[tool.fortress]\n<<<<<<< HEAD\nignore = ["FTR2"]\n=======\n>>>>>>> main\n'
    root = make_project(
        tmp_path / "p",
        files={
            "app/core/limits.py": conflicted,
            "notes/spec.yaml": spec,
            "README.md": readme,
            "notes/settings.toml": toml,
        },
    )
    result = fortress("check", NO_DRIFT, "--no-hints", cwd=root)
    assert result.code == 1
    assert [line.split(": FTR503")[0] for line in result.out.splitlines()] == [
        "app/core/limits.py:2:1",
        "app/core/limits.py:4:1",
        "app/core/limits.py:6:1",
        "app/core/limits.py:8:1",
        "notes/settings.toml:2:1",
        "notes/settings.toml:4:1",
        "notes/settings.toml:5:1",
        "notes/spec.yaml:2:1",
        "notes/spec.yaml:4:1",
        "notes/spec.yaml:6:1",
    ]
    assert "FTR001" not in result.out


def test_non_ascii_lines_count_columns_in_characters(fortress: Runner, tmp_path: Path) -> None:
    text = (
        '"""Ünïcode."""\n\nfrom typing import Optional\n\n'
        'NAME: dict[str, "Optional[int]"] = {"é": None}\n'
        'X = "éé"; Y: Optional[int] = None\n'
    )
    root = make_project(tmp_path / "p", files={"app/core/names.py": text})
    result = fortress("check", NO_DRIFT, "--no-hints", cwd=root)
    assert [line.split(" ")[0] for line in result.out.splitlines()] == [
        "app/core/names.py:5:17:",
        "app/core/names.py:6:14:",
    ]


def test_the_cache_notices_a_changed_helper_in_another_module(
    fortress: Runner, tmp_path: Path
) -> None:
    service = (
        '"""Calls a helper."""\n\nfrom app.core.helpers import stop\n\n\n'
        'class StopService:\n    """Stops."""\n\n    def run(self) -> None:\n'
        '        """Run."""\n        stop()\n'
    )
    quiet = '"""Helpers."""\n\n\ndef stop() -> None:\n    """Nothing."""\n'
    loud = (
        '"""Helpers."""\n\nfrom fastapi import HTTPException\n\n\n'
        'def stop() -> None:\n    """Stop with an HTTP error."""\n'
        "    raise HTTPException(status_code=400)\n"
    )
    root = make_project(
        tmp_path / "p", files={"app/services/StopService.py": service, "app/core/helpers.py": quiet}
    )
    assert fortress("check", NO_DRIFT, cwd=root).code == 0
    assert (root / ".fortress_cache" / "check.json").is_file()
    assert (root / ".fortress_cache" / ".gitignore").read_text().splitlines()[-1] == "*"
    (root / "app/core/helpers.py").write_text(loud, "utf-8")
    result = fortress("check", NO_DRIFT, "--no-hints", cwd=root)
    assert result.out.startswith("app/services/StopService.py:11:9: FTR105 ")
    (root / "app/core/helpers.py").write_text(quiet, "utf-8")
    assert fortress("check", NO_DRIFT, cwd=root).code == 0
    assert fortress("check", NO_DRIFT, "--no-cache", cwd=root).code == 0


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ("package: app\nstyle: camel\n", "fortress.yaml:2:8: "),
        ("package: app\nunknown: 1\n", "fortress.yaml:2:1: "),
        ("package: [app\n", "fortress.yaml:2:1: invalid YAML"),
    ],
)
def test_a_bad_fortress_yaml_is_reported_as_generate_reports_it(
    fortress: Runner, project: Path, settings: str, message: str
) -> None:
    (project / "fortress.yaml").write_text(settings, "utf-8")
    result = fortress("check", cwd=project)
    assert result.code == 2
    assert result.err.startswith(f"error: {message}")


def test_settings_are_read_without_the_full_model_when_plain(tmp_path: Path) -> None:
    from fortress_gen.check.settings import Settings, read_settings

    (tmp_path / "fortress.yaml").write_text(
        "# comment\npackage: shop_api\nspecs: spec_files\nstyle: pep8\nformatter: black\n", "utf-8"
    )
    assert read_settings(tmp_path) == Settings("shop_api", "spec_files", "pep8", "black")
    (tmp_path / "fortress.yaml").write_text("", "utf-8")
    assert read_settings(tmp_path) == Settings()
