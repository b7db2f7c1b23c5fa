"""The fast paths change how long a run takes, never what it writes.

- the CLI imports a command's pipeline only when the command runs (`--help` stays light),
  and a real `generate` of template-shaped files needs neither libcst nor copier;
- compiled templates come from a bytecode cache keyed by their source, and a cache that is
  missing, damaged or turned off renders the same bytes;
- the formatter's scratch tree on a RAM disk formats to the same bytes as one on disk.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from fortress_testing import REPO, generate, new_project

from fortress_gen import format as fmt
from fortress_gen.render import env as render_env
from fortress_gen.render.render import render_entity
from fortress_gen.spec.project import load_project

CUSTOMER = """\
entity: Customer
fields:
  name: {type: str, max_length: 120}
  email: {type: email, unique: true}
"""
ORDER = """\
entity: Order
fields:
  number: {type: str, max_length: 32, unique: true}
  total: decimal
relations:
  customer: {kind: many_to_one, target: Customer}
"""


def _modules_after(code: str, cwd: Path, env: dict[str, str] | None = None) -> set[str]:
    """The top-level packages imported by running `code` in a fresh interpreter."""
    script = code + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **(env or {})},
    )
    names: list[str] = json.loads(done.stdout.strip().splitlines()[-1])
    return {name.split(".")[0] for name in names}


def test_help_imports_no_pipeline(tmp_path: Path) -> None:
    code = (
        "import sys\nfrom fortress_gen.cli import main\nsys.argv = ['fortress', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
    )
    loaded = _modules_after(code, tmp_path)
    assert "typer" in loaded
    heavy = {"pydantic", "yaml", "jinja2", "libcst", "copier", "sqlalchemy", "alembic", "rich"}
    assert not loaded & heavy


@pytest.fixture
def project(tmp_path: Path, template_cache: Path) -> Path:
    root = new_project(tmp_path / "shop", template_cache)
    (root / "specs" / "Customer.yaml").write_text(CUSTOMER, encoding="utf-8")
    return root


def test_generate_of_template_shaped_files_needs_no_libcst(project: Path) -> None:
    generate(project)
    (project / "specs" / "Order.yaml").write_text(ORDER, encoding="utf-8")
    code = (
        "import sys\nfrom fortress_gen.cli import main\n"
        "sys.argv = ['fortress', 'generate']\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    assert not exit.code, exit.code\n"
    )
    loaded = _modules_after(code, project)
    registry = (project / "app" / "api" / "v1" / "__init__.py").read_text(encoding="utf-8")
    assert "api_router.include_router(orders.router)" in registry
    assert not loaded & {"libcst", "copier", "sqlalchemy", "alembic", "rich"}


def _render_all(root: Path) -> dict[str, str]:
    project = load_project(root)
    rendered: dict[str, str] = {}
    for entity in project.entities:
        rendered.update(render_entity(entity, project.entities, project.config))
    return rendered


def test_template_cache_renders_the_same_bytes(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "specs" / "Order.yaml").write_text(ORDER, encoding="utf-8")
    outputs = []
    cache = tmp_path / "cache"
    for setting in ("", str(cache), str(cache), str(cache)):
        monkeypatch.setenv(render_env.CACHE_ENV, setting)
        render_env.environment.cache_clear()
        environment = render_env.environment()
        assert (environment.bytecode_cache is None) == (setting == "")
        outputs.append(_render_all(project))
        if setting and len(outputs) == 3:  # damage every entry: they are compiled again
            for entry in cache.rglob("*.cache"):
                entry.write_bytes(b"j2 not bytecode")
    render_env.environment.cache_clear()
    assert list(cache.rglob("*.cache"))
    assert outputs[0] == outputs[1] == outputs[2] == outputs[3]


def test_unwritable_cache_is_no_cache(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv(render_env.CACHE_ENV, str(blocker / "cache"))
    render_env.environment.cache_clear()
    try:
        assert render_env.environment().bytecode_cache is None
        assert _render_all(project)
    finally:
        render_env.environment.cache_clear()


def test_cache_dir_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(render_env.CACHE_ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert render_env.cache_dir() == tmp_path / "fortress"
    monkeypatch.setenv(render_env.CACHE_ENV, "")
    assert render_env.cache_dir() is None


@pytest.mark.skipif(not Path("/dev/shm").is_dir(), reason="no RAM disk")
def test_ram_scratch_formats_the_same_bytes(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "specs" / "Order.yaml").write_text(ORDER, encoding="utf-8")
    rendered = _render_all(project)
    monkeypatch.delenv("TMPDIR", raising=False)
    assert fmt._ram_scratch() is not None
    on_ram = fmt.format_sources(rendered, root=project, package="app")
    monkeypatch.setattr(fmt, "_ram_scratch", lambda: None)
    on_disk = fmt.format_sources(rendered, root=project, package="app")
    assert on_ram == on_disk
    assert on_ram != rendered


def test_tmpdir_wins_over_the_ram_disk(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    assert fmt._ram_scratch() is None


def test_the_benchmark_specs_are_valid(tmp_path: Path, template_cache: Path) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import run as bench
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    root = new_project(tmp_path / "bench", template_cache)
    names = bench.write_specs(root, 12)
    edited = bench.synthetic_spec(11, names, edited=True)
    assert "page_size: 50" in edited
    project = load_project(root)
    assert [spec.entity for spec in project.entities] == sorted(names)
    assert all(5 <= len(spec.fields) <= 10 for spec in project.entities)
    assert sum(len(spec.relations) for spec in project.entities) >= 8
