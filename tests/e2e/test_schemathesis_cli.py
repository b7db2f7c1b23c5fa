"""End to end: `st run` in a generated project's folder, against the app served by uvicorn.

The project has a few entities; `schemathesis.toml` signs in through `/auth/token` with a
registered account and keeps every check on. The run must find nothing, on SQLite and on
PostgreSQL (when `FORTRESS_TEST_POSTGRES_URL` names a server). Bounded examples keep it
well under a minute per database.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from gates import BIN, DATABASE_VARIABLES, run_gate

from fortress_gen.project import create_project

pytestmark = pytest.mark.e2e

ACCOUNT = {"SCHEMATHESIS_USERNAME": "schemathesis@example.com", "SCHEMATHESIS_PASSWORD": "x" * 16}
ENTITIES = [
    ["Customer", "name:str[80]", "email:email:unique", "birthday:date?"],
    [
        "Order",
        "number:str[32]:unique",
        "status:enum[pending,paid,shipped]",
        "total:decimal",
        "placed_at:datetime",
        "customer:ref[Customer]",
        "notes:text?",
    ],
]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = create_project(tmp_path_factory.mktemp("st") / "shop")
    for entity in ENTITIES:
        run_gate(root, [sys.executable, "-m", "fortress_gen", "new-entity", *entity])
    return root


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def serve(project: Path, database_url: str) -> Iterator[str]:
    """The project's app under uvicorn on a free loopback port; its base URL."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in DATABASE_VARIABLES}
    env.update(DATABASE_URL=database_url, ENVIRONMENT="development", PYTHONPATH=str(project))
    env.pop("REDIS_URL", None)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "app.main:app",
            "--port",
            str(port),
            "--log-level",
            "warning",
        ],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert server.poll() is None, server.communicate()[0]
            assert time.monotonic() < deadline, "uvicorn did not start in 30 s"
            time.sleep(0.2)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_st_run_finds_nothing(project: Path, database_url: str) -> None:
    run_gate(
        project, [sys.executable, "-m", "alembic", "upgrade", "head"], DATABASE_URL=database_url
    )
    with serve(project, database_url) as url:
        account = {
            "email": ACCOUNT["SCHEMATHESIS_USERNAME"],
            "password": ACCOUNT["SCHEMATHESIS_PASSWORD"],
        }
        assert httpx.post(f"{url}/auth/register", json=account).status_code == 201
        output = run_gate(
            project,
            [str(BIN / "st"), "run", f"{url}/openapi.json", "--max-examples", "10", "--seed", "1"],
            **ACCOUNT,
        )
    assert "No issues found" in output or "passed" in output, output
