"""The copier project template, rendered through `create_project`: what each file says."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from fortress_gen._resources import copier_root, templates_root
from fortress_gen.config import ProjectConfig, load_config
from fortress_gen.errors import FortressError, ProjectError
from fortress_gen.naming import Layer, module_stem
from fortress_gen.project import create_project, template_questions

PACKAGE = "shop_api"
PROJECT_TEMPLATE = templates_root() / "project"

# docs/generated-project.md: the names entity code imports from the project core.
CORE_NAMES = {
    "core/config.py": {"Settings", "get_settings"},
    "core/database.py": {"create_engine", "engine", "SessionFactory", "get_session"},
    "core/errors.py": {
        "DomainError",
        "NotFoundError",
        "ConflictError",
        "PermissionDeniedError",
        "InvalidReferenceError",
        "InvalidCursorError",
    },
    "models/base.py": {"Base", "NAMING_CONVENTION", "TimestampMixin"},
    "models/types.py": {"UTCDateTime", "utc_now"},
    "models/__init__.py": {"Base", "User", "__all__"},
    "schemas/envelope.py": {
        "DataT",
        "Envelope",
        "ErrorDetail",
        "ErrorEnvelope",
        "CursorPage",
        "error_responses",
    },
    "repositories/pagination.py": {"encode_cursor", "decode_cursor", "keyset_after"},
    "core/security.py": {
        "ALGORITHM",
        "create_access_token",
        "decode_access_token",
        "hash_password",
        "verify_password",
        "InvalidTokenError",
    },
    "api/deps.py": {
        "SessionDep",
        "CurrentUser",
        "AdminUser",
        "get_current_user",
        "get_current_admin",
    },
    "api/errors.py": {"register_exception_handlers"},
    "api/v1/__init__.py": {"api_router"},
    "main.py": {"create_app", "app"},
}


def _render(destination: Path, **data: str) -> Path:
    return create_project(destination, data={"package": PACKAGE, **data})


@pytest.fixture(scope="module", params=["fortress", "pep8"])
def style(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture(scope="module")
def project(style: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _render(tmp_path_factory.mktemp(style) / "shop", project_name="Shop API", style=style)


def _python_files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.py"))


def _top_level_names(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.ImportFrom):
            names.update(alias.asname or alias.name for alias in node.names)
    return names


def test_fortress_yaml_matches_the_answers(project: Path, style: str) -> None:
    settings = yaml.safe_load((project / "fortress.yaml").read_text(encoding="utf-8"))

    assert settings == {
        "package": PACKAGE,
        "specs": "specs",
        "style": style,
        "formatter": "ruff",
        "api_prefix": "/api/v1",
    }
    assert load_config(project) == ProjectConfig(package=PACKAGE, style=style)


def test_answers_file_records_the_answers(project: Path, style: str) -> None:
    answers = yaml.safe_load((project / ".copier-answers.yml").read_text(encoding="utf-8"))

    assert {key: answers[key] for key in template_questions()} == {
        "project_name": "Shop API",
        "package": PACKAGE,
        "style": style,
        "formatter": "ruff",
        "database": "sqlite",
    }


def test_package_directory_is_named_after_the_answer(project: Path) -> None:
    assert (project / PACKAGE / "__init__.py").is_file()
    assert not (project / "app").exists()
    assert (project / "specs" / ".gitkeep").is_file()
    assert [p.name for p in (project / "migrations" / "versions").iterdir()] == [
        "20260101_000000_0001_create_users.py"
    ]


def test_the_user_modules_are_named_in_the_projects_style(project: Path, style: str) -> None:
    layers: tuple[Layer, ...] = ("model", "schema", "repository", "service")
    stems = {
        layer: module_stem("User", layer, "pep8" if style == "pep8" else "fortress")
        for layer in layers
    }
    folders = {"model": "models", "schema": "schemas", "repository": "repositories"}
    for layer, stem in stems.items():
        folder = folders.get(layer, "services")
        assert (project / PACKAGE / folder / f"{stem}.py").is_file(), (layer, stem)
    assert "class User(" in (project / PACKAGE / "models" / f"{stems['model']}.py").read_text()


@pytest.mark.parametrize("module", sorted(CORE_NAMES))
def test_core_modules_provide_the_documented_names(project: Path, module: str) -> None:
    assert CORE_NAMES[module] <= _top_level_names(project / PACKAGE / module)


def test_imports_use_the_package_name(project: Path) -> None:
    env = (project / "migrations" / "env.py").read_text(encoding="utf-8")
    conftest = (project / "tests" / "conftest.py").read_text(encoding="utf-8")

    assert f"from {PACKAGE}.models import Base" in env
    assert f"from {PACKAGE}.main import create_app" in conftest
    assert "from app." not in env + conftest


def test_nothing_is_left_unrendered(project: Path) -> None:
    for path in project.rglob("*"):
        assert not path.name.endswith(".jinja"), path
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            assert "{{" not in text and "{%" not in text, path


def test_every_python_file_compiles(project: Path) -> None:
    files = _python_files(project)

    assert len(files) > 20
    for path in files:
        compile(path.read_text(encoding="utf-8"), str(path), "exec")


@pytest.mark.parametrize("command", [["format", "--check"], ["check"]])
def test_every_python_file_passes_ruff(project: Path, command: list[str]) -> None:
    """Already formatted as rendered: copier's update merge runs before any task could format."""
    files = [str(path.relative_to(project)) for path in _python_files(project)]
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *command, *files],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_pyproject_configures_the_tools_for_the_package(project: Path, style: str) -> None:
    pyproject = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))
    tool = pyproject["tool"]

    assert pyproject["project"]["name"] == "shop-api"
    assert PACKAGE in tool["ruff"]["lint"]["isort"]["known-first-party"]
    assert tool["mypy"] == {"strict": True, "plugins": ["pydantic.mypy"]}
    assert tool["pytest"]["ini_options"]["asyncio_mode"] == "auto"
    assert tool["importlinter"]["root_package"] == PACKAGE
    layers = tool["importlinter"]["contracts"][0]
    assert layers["layers"] == ["api", "services", "tasks", "repositories", "models"]
    ignores = tool["ruff"]["lint"].get("per-file-ignores", {})
    if style == "fortress":
        assert ignores[f"{PACKAGE}/models/*"] == ["N999"]
    else:
        assert ignores == {}


def test_alembic_ini_names_revisions_by_utc_time(project: Path) -> None:
    ini = (project / "alembic.ini").read_text(encoding="utf-8")

    assert (
        "file_template = %%(year)d%%(month).2d%%(day).2d_%%(hour).2d%%(minute).2d%%(second).2d"
        "_%%(rev)s_%%(slug)s\n"
    ) in ini
    assert "timezone = UTC\n" in ini


def test_plain_files_are_copied_verbatim(project: Path) -> None:
    source = PROJECT_TEMPLATE / "{{ package }}" / "core" / "errors.py"

    assert (project / PACKAGE / "core" / "errors.py").read_bytes() == source.read_bytes()


def test_uncommitted_template_changes_are_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a git checkout, the files on disk are rendered, not the last commit or tag."""
    checkout = tmp_path / "checkout"
    shutil.copytree(PROJECT_TEMPLATE, checkout / "templates" / "project")
    shutil.copy(copier_root() / "copier.yml", checkout)
    git = ["git", "-C", str(checkout), "-c", "user.name=t", "-c", "user.email=t@example.com"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "v1"], ["tag", "v1.0.0"]):
        subprocess.run([*git, *args], check=True, capture_output=True)
    readme = checkout / "templates" / "project" / "README.md.jinja"
    readme.write_text(readme.read_text(encoding="utf-8") + "\nUncommitted.\n", encoding="utf-8")
    monkeypatch.setattr("fortress_gen.project.copier_root", lambda: checkout)

    project = create_project(tmp_path / "p")

    assert (project / "README.md").read_text(encoding="utf-8").endswith("\nUncommitted.\n")


def test_postgresql_and_black_answers(tmp_path: Path) -> None:
    project = _render(tmp_path / "p", database="postgresql", formatter="black")
    pyproject = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))
    url = f"postgresql+asyncpg://postgres:postgres@localhost:5432/{PACKAGE}"

    assert f"DATABASE_URL={url}\n" in (project / ".env.example").read_text(encoding="utf-8")
    assert f'DATABASE_URL: str = "{url}"' in (project / PACKAGE / "core" / "config.py").read_text(
        encoding="utf-8"
    )
    assert "black>=24" in pyproject["project"]["optional-dependencies"]["dev"]
    assert pyproject["tool"]["black"]["line-length"] == 100


@pytest.mark.parametrize("command", [["format", "--check"], ["check"]])
def test_longest_package_name_still_passes_ruff(tmp_path: Path, command: list[str]) -> None:
    project = create_project(tmp_path / "p", data={"package": "p" * 32})
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *command, "."],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_unknown_question_names_the_allowed_ones(tmp_path: Path) -> None:
    with pytest.raises(FortressError, match="unknown template question") as info:
        create_project(tmp_path / "p", data={"pkg": "shop"})

    assert info.value.hint == "allowed: project_name, package, style, formatter, database"
    assert not (tmp_path / "p").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"package": "Shop-API"}, "lower-case Python identifier"),
        ({"package": "class"}, "'class' is reserved"),
        ({"package": "tests"}, "'tests' is reserved"),
        ({"style": "camel"}, "Invalid choice for 'style'"),
        ({"project_name": 'Say "hi"'}, "letters, digits, spaces"),
    ],
)
def test_invalid_answer_is_refused(tmp_path: Path, data: dict[str, str], message: str) -> None:
    with pytest.raises(FortressError, match=message):
        create_project(tmp_path / "p", data=data)

    assert not (tmp_path / "p").exists()


def test_non_empty_destination_is_refused(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")

    with pytest.raises(ProjectError, match="not empty"):
        create_project(tmp_path)

    assert [path.name for path in tmp_path.iterdir()] == ["keep.txt"]


def test_empty_destination_is_used(tmp_path: Path) -> None:
    assert create_project(tmp_path) == tmp_path.resolve()
    assert (tmp_path / "app" / "main.py").is_file()


def test_resources_point_at_the_templates() -> None:
    assert (copier_root() / "copier.yml").is_file()
    assert {"entity", "migration", "project"} <= {p.name for p in templates_root().iterdir()}
