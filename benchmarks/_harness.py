"""What the HTTP benchmarks share: a throwaway PostgreSQL database, a generated project, a
uvicorn process, and wrk (see benchmarks/README.md).

Environment:
    FORTRESS_TEST_POSTGRES_URL  the PostgreSQL server; a throwaway database is made on it
    FORTRESS_BENCH_PORTS        a port range for the servers, e.g. "18100-18199" (default:
                                whatever free port the system gives)
"""

from __future__ import annotations

import asyncio
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import create_async_engine

SERVER_URL = os.environ.get(
    "FORTRESS_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
BIN = Path(sys.executable).parent
SERVER_OPTIONS = ("--log-level", "warning", "--no-access-log")


def run(*args: str | Path, cwd: Path, env: Mapping[str, str] | None = None) -> str:
    """Run a command; exit with its output if it fails."""
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        sys.exit(f"{' '.join(map(str, args))} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


async def execute(url: str, *statements: str) -> None:
    """Run SQL statements, each in its own transaction."""
    engine = create_async_engine(url, isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as connection:
            for statement in statements:
                await connection.execute(sa.text(statement))
    finally:
        await engine.dispose()


@contextmanager
def database() -> Iterator[str]:
    """The URL of a new database on `SERVER_URL`, dropped afterwards."""
    server = sa.make_url(SERVER_URL)
    name = f"fortress_bench_{uuid.uuid4().hex[:8]}"
    asyncio.run(execute(SERVER_URL, f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        asyncio.run(execute(SERVER_URL, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def new_project(root: Path, specs: Mapping[str, str], fortress: Path | None = None) -> Path:
    """`fortress new-project` in `root`, the specs written, `fortress generate` run.

    `fortress` is another checkout to run (any directory holding a `fortress_gen` package,
    e.g. a branch exported with `git archive`), through PYTHONPATH; by default this one.
    """
    env = {**os.environ, "PYTHONPATH": str(fortress.resolve())} if fortress else None
    command = BIN / "fortress"
    run(command, "new-project", root / "bench", "--data", "project_name=Bench", cwd=root, env=env)
    project = root / "bench"
    for entity, spec in specs.items():
        (project / "specs" / f"{entity}.yaml").write_text(spec, encoding="utf-8")
    run(command, "generate", cwd=project, env=env)
    return project


def free_port() -> int:
    """A free loopback port, from `FORTRESS_BENCH_PORTS` when it is set."""
    low, _, high = os.environ.get("FORTRESS_BENCH_PORTS", "0-0").partition("-")
    for port in range(int(low), int(high or low) + 1):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return int(probe.getsockname()[1])
    sys.exit(f"no free port in FORTRESS_BENCH_PORTS={os.environ['FORTRESS_BENCH_PORTS']}")


@dataclass(frozen=True)
class Server:
    url: str
    pid: int


@contextmanager
def serve(app: str, cwd: Path, env: Mapping[str, str], health: str = "/health") -> Iterator[Server]:
    """One uvicorn process (one worker) serving `app` on loopback until the block ends."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", app, "--port", str(port), *SERVER_OPTIONS],
        cwd=cwd,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            if process.poll() is not None:
                sys.exit(f"{app} exited with {process.returncode}")
            try:
                urllib.request.urlopen(f"{base}{health}", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            sys.exit(f"{app} did not start")
        yield Server(base, process.pid)
    finally:
        process.terminate()
        process.wait(timeout=30)


def cpu_seconds(pid: int) -> float:
    """The CPU time (user + system) a process has used so far, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Load:
    """What one wrk run measured."""

    rate: float  # requests per second
    p50: float  # latency percentiles, in milliseconds
    p99: float


_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def wrk(
    url: str, seconds: int, connections: int, script: Path | None = None, *, check: bool = True
) -> Load:
    """Load `url` with wrk on one thread; exit if any response was not 2xx (`check`)."""
    # A 10 s timeout (wrk's default is 2 s): on a busy machine a slow answer is a latency
    # to count, not an error that stops the run.
    args = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency"]
    if script is not None:
        args += ["-s", str(script)]
    output = run(*args, url, cwd=Path.cwd())
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if check and non_2xx:
        sys.exit(f"{non_2xx.group(1)} requests to {url} failed:\n{output}")
    errors = re.search(r"Socket errors: .*", output)
    if check and errors:
        sys.exit(f"wrk reported {errors.group(0)} on {url}:\n{output}")
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if rate is None:
        sys.exit(f"unexpected wrk output:\n{output}")
    return Load(float(rate.group(1)), _percentile(output, "50"), _percentile(output, "99"))


def _percentile(output: str, percent: str) -> float:
    match = re.search(rf"^\s+{percent}(?:\.0+)?%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.MULTILINE)
    if match is None:
        sys.exit(f"no {percent}% latency in wrk output:\n{output}")
    return float(match.group(1)) * _UNITS_MS[match.group(2)]
