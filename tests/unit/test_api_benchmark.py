"""benchmarks/api.py measures what it says: its specs generate, the edits `--patch` makes
still find their lines in what Fortress generates (a patch that matched nothing would
measure an unchanged copy), its wrk scripts send what they should, and wrk's latency
figures are read in the right unit.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path
from types import ModuleType

import pytest
from fortress_testing import REPO, generate, new_project

WRK_OUTPUT = """\
Running 10s test @ http://127.0.0.1:18100
  1 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    61.02ms   40.13ms 502.11ms   80.00%
    Req/Sec   530.12     80.20   700.00     70.00%
  Latency Distribution
     50%   51.60ms
     75%   70.00ms
     90%  100.00ms
     99%    1.20s
  5301 requests in 10.00s, 2.10MB read
Requests/sec:    530.05
Transfer/sec:    215.00KB
"""


@pytest.fixture(scope="module")
def api() -> ModuleType:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import api as module
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    return module


def test_every_patch_applies_to_a_generated_project(
    api: ModuleType, tmp_path: Path, template_cache: Path
) -> None:
    root = new_project(tmp_path / "bench", template_cache)
    for entity, spec in api.SPECS.items():
        (root / "specs" / f"{entity}.yaml").write_text(spec, encoding="utf-8")
    generate(root)

    patched = api._patched(root, sorted(api.PATCHES))

    assert "pool_pre_ping" not in (patched / "app/core/database.py").read_text()
    for route, entity in (("items", "Item"), ("notes", "Note")):
        endpoints = (patched / f"app/api/v1/endpoints/{route}.py").read_text()
        assert f"\nasync def get_{entity.lower()}_service(" in endpoints
        repository = (patched / f"app/repositories/{entity}Repository.py").read_text()
        add = repository[repository.index("async def add(") : repository.index("async def update(")]
        assert "refresh" not in add
        assert "await self._session.refresh(" in repository  # update() keeps its read-back
    for path in patched.rglob("*.py"):
        ast.parse(path.read_text(encoding="utf-8"), str(path))
    assert "pool_pre_ping=True" in (root / "app/core/database.py").read_text()  # a copy


def test_the_create_script_sends_a_new_unique_name_and_the_token(
    api: ModuleType, tmp_path: Path
) -> None:
    case = api.Case("authenticated", "notes", "TOKEN")

    script = api._script(tmp_path, case, "create", "generated-0").read_text()

    assert 'wrk.headers["Authorization"] = "Bearer TOKEN"' in script
    assert "counter = counter + 1" in script
    assert '\'{"name": "generated-0-%d", "price": %d' in script
    assert 'wrk.format("POST", "/api/v1/notes", nil, body)' in script


def test_a_public_script_sends_no_authorization(api: ModuleType, tmp_path: Path) -> None:
    script = api._script(tmp_path, api.Case("public", "items", None), "get", "t").read_text()

    assert "Authorization" not in script
    assert f"next_id = next_id % {api.ROWS} + 1" in script


def test_wrk_latency_percentiles_are_read_in_milliseconds(api: ModuleType) -> None:
    from _harness import _percentile

    assert _percentile(WRK_OUTPUT, "50") == pytest.approx(51.6)
    assert _percentile(WRK_OUTPUT, "99") == pytest.approx(1200.0)
