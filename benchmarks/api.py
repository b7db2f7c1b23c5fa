"""A generated app against the ceiling of its stack, under wrk on PostgreSQL (see
benchmarks/README.md, "API throughput against the ceiling").

    .venv/bin/python benchmarks/api.py                 # about 8 minutes; PostgreSQL and wrk
    .venv/bin/python benchmarks/api.py --runs 5
    .venv/bin/python benchmarks/api.py --profile       # where the CPU time goes (py-spy)

A project is made with `fortress new-project` and `fortress generate` from two specs with
the same fields: `Item` (`access: public`) and `Note` (`access: authenticated`), migrated on
a throwaway PostgreSQL database, each table seeded with 10,000 rows. The generated app and
the hand-written ceiling (benchmarks/ceiling/app.py: same tables, same pool size, same JSON
shape, pydantic response models) are served side by side, each by one uvicorn process with
one worker, and loaded in turn by `wrk -t1 -c32 -d10s` over loopback:

- get: `GET /<route>/<id>`, ids 1, 2, ... 10,000 round and round;
- list: `GET /<route>?limit=20`, the first page of 20;
- create: `POST /<route>` with a JSON body whose unique `name` is new on every request.

Notes are read and written with `Authorization: Bearer <token>` of a user registered
through the generated app (`POST /auth/register`, then `POST /auth/token`); the ceiling
decodes the same JWT with the same secret and loads its user, as the generated app does.
Runs alternate
generated first / ceiling first, so load from other processes hits both alike. The table
gives medians over the runs: requests/s, p50 and p99 latency, and generated/ceiling.

`--profile` instead samples both servers with py-spy (`pip install py-spy`) while wrk loads
each endpoint, and prints the CPU time per request spent in each library and layer.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import importlib.metadata
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from _harness import BIN, Server, cpu_seconds, database, execute, new_project, run, serve, wrk

HERE = Path(__file__).resolve().parent
ROWS = 10_000
CONNECTIONS = 32
SECRET_KEY = "fortress-benchmark-secret-key-0123456789abcdef"
FIELDS = """\
fields:
  name: {type: str, max_length: 120, unique: true}
  price: int
  note: {type: text, required: false}
"""
SPECS = {
    "Item": f"entity: Item\naccess: public\n{FIELDS}",
    "Note": f"entity: Note\naccess: authenticated\n{FIELDS}",
}
SEED = (
    "INSERT INTO {table} (name, price, note, created_at, updated_at) "
    "SELECT '{table} ' || n, n, 'seeded row ' || n, now(), now() "
    "FROM generate_series(1, {rows}) AS n"
)
HEADERS = """\
wrk.headers["Content-Type"] = "application/json"
{authorization}
"""
GET = """\
local next_id = 0
request = function()
  next_id = next_id % {rows} + 1
  return wrk.format("GET", "/api/v1/{route}/" .. next_id)
end
"""
LIST = """\
request = function()
  return wrk.format("GET", "/api/v1/{route}?limit=20")
end
"""
CREATE = """\
local counter = 0
request = function()
  counter = counter + 1
  local body = string.format(
    '{{"name": "{tag}-%d", "price": %d, "note": "written by wrk"}}', counter, counter % 1000
  )
  return wrk.format("POST", "/api/v1/{route}", nil, body)
end
"""
SCRIPTS = {"get": GET, "list": LIST, "create": CREATE}


@dataclass(frozen=True)
class Case:
    label: str  # what the table calls it
    route: str
    token: str | None  # a bearer token, for an authenticated route


def _script(scratch: Path, case: Case, endpoint: str, tag: str) -> Path:
    authorization = f'wrk.headers["Authorization"] = "Bearer {case.token}"' if case.token else ""
    body = SCRIPTS[endpoint].format(rows=ROWS, route=case.route, tag=tag)
    path = scratch / f"{case.route}-{endpoint}-{tag}.lua"
    path.write_text(HEADERS.format(authorization=authorization) + body, encoding="utf-8")
    return path


def _request(
    url: str, data: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, object]]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def _token(base: str) -> str:
    """Register a user through the generated app and sign in with the OAuth2 password form."""
    with urllib.request.urlopen(f"{base}/openapi.json", timeout=10) as response:
        paths = list(json.load(response)["paths"])
    register, token = (
        next((path for path in paths if path.endswith(suffix)), f"/auth{suffix}")
        for suffix in ("/auth/register", "/auth/token")
    )
    email, password = "bench@example.com", "correct horse battery staple"
    body = json.dumps({"email": email, "password": password}).encode()
    status, answer = _request(base + register, body, {"Content-Type": "application/json"})
    if status not in (200, 201):
        sys.exit(f"POST {register} answered {status}: {answer}")
    form = urllib.parse.urlencode({"username": email, "password": password}).encode()
    status, answer = _request(base + token, form)
    data = answer.get("data", answer)
    if status != 200 or not isinstance(data, dict) or "access_token" not in data:
        sys.exit(f"POST {token} answered {status}: {answer}")
    return str(data["access_token"])


def _same_shape(apps: dict[str, Server], case: Case) -> None:
    """Every app answers a get and a list with the same keys; the route needs its token."""
    headers = {"Authorization": f"Bearer {case.token}"} if case.token else {}
    for path in (f"/api/v1/{case.route}/1", f"/api/v1/{case.route}?limit=20"):
        shapes = {}
        for name, server in apps.items():
            status, answer = _request(server.url + path, headers=headers)
            shapes[name] = (status, _keys(answer))
        if len(set(map(repr, shapes.values()))) != 1 or shapes["generated"][0] != 200:
            sys.exit(f"GET {path} answered differently: {shapes}")
    if case.token:
        for name, server in apps.items():
            status, _ = _request(f"{server.url}/api/v1/{case.route}/1")
            if status != 401:
                sys.exit(f"GET /api/v1/{case.route}/1 without a token: {status} from {name}")


def _keys(value: object) -> object:
    if isinstance(value, dict):
        return {key: _keys(item) for key, item in sorted(value.items())}
    if isinstance(value, list):
        return [_keys(value[0])] if value else []
    return type(value).__name__


# Edits to a copy of the generated project, served as a third app ("patched") with
# `--patch`: what each costs is the difference it makes. (file glob, pattern, replacement)
PATCHES: dict[str, tuple[str, str, str]] = {
    # `pool_pre_ping=True` sends a ping (a round trip) on every connection checkout.
    "no-pre-ping": ("app/core/database.py", r", pool_pre_ping=True", ""),
    # `refresh()` after the INSERT: a SELECT of the row just written (every column is already
    # known: the id comes back from INSERT ... RETURNING, the timestamps are set in Python).
    "no-refresh": (
        "app/repositories/*.py",
        r"(async def add\(.*?)\n *await self\._session\.refresh\(\w+\)",
        r"\1",
    ),
}


def _patched(project: Path, names: list[str]) -> Path:
    copy = project.with_name("patched")
    shutil.copytree(project, copy)
    for name in names:
        pattern_glob, pattern, replacement = PATCHES[name]
        changed = 0
        for path in copy.glob(pattern_glob):
            text = path.read_text(encoding="utf-8")
            new, count = re.subn(pattern, replacement, text, flags=re.DOTALL)
            if count:
                path.write_text(new, encoding="utf-8")
                changed += count
        if not changed:
            sys.exit(f"--patch {name}: {pattern!r} is nowhere in {pattern_glob}")
    return copy


@contextmanager
def _servers(
    project: Path, env: dict[str, str], patched: Path | None
) -> Iterator[dict[str, Server]]:
    with contextlib.ExitStack() as stack:
        apps = {"generated": stack.enter_context(serve("app.main:app", project, env))}
        if patched is not None:
            patched_env = {**env, "PYTHONPATH": str(patched)}
            apps["patched"] = stack.enter_context(serve("app.main:app", patched, patched_env))
        apps["ceiling"] = stack.enter_context(serve("app:app", HERE / "ceiling", env))
        yield apps


def _prepare(scratch: Path, url: str, fortress: Path | None) -> tuple[Path, dict[str, str], bool]:
    project = new_project(scratch, SPECS, fortress)
    env = {
        **os.environ,
        "PYTHONPATH": str(project),
        "DATABASE_URL": url,
        "SECRET_KEY": SECRET_KEY,
        "ENVIRONMENT": "production",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("REDIS_URL", None)
    run(BIN / "alembic", "upgrade", "head", cwd=project, env=env)
    seeds = [SEED.format(table=table, rows=ROWS) for table in ("items", "notes")]
    asyncio.run(execute(url, *seeds))
    return project, env, (project / "app" / "core" / "security.py").exists()


def _cases(generated: Server, with_auth: bool) -> list[Case]:
    cases = [Case("public", "items", None)]
    if with_auth:
        cases.append(Case("authenticated", "notes", _token(generated.url)))
    else:
        print("This Fortress generates no auth (no app/core/security.py): only the public entity.")
    return cases


@dataclass(frozen=True)
class Sample:
    """One wrk run against one app."""

    rate: float  # requests per second
    p50: float  # milliseconds
    p99: float
    cpu: float  # the server's CPU milliseconds (user + system) per request


def _load(server: Server, seconds: int, script: Path) -> Sample:
    before = cpu_seconds(server.pid)
    load = wrk(server.url, seconds, CONNECTIONS, script)
    cpu = (cpu_seconds(server.pid) - before) * 1000 / (load.rate * seconds)
    return Sample(load.rate, load.p50, load.p99, cpu)


Results = dict[tuple[str, str, str], list[Sample]]  # (case, endpoint, app): one per run


def _measure(
    scratch: Path, apps: dict[str, Server], cases: list[Case], runs: int, seconds: int
) -> tuple[Results, list[float]]:
    for case in cases:
        _same_shape(apps, case)
        for name, server in apps.items():  # warm up: connections, caches, first-call costs
            for endpoint in SCRIPTS:
                wrk(server.url, 2, CONNECTIONS, _script(scratch, case, endpoint, f"warm-{name}"))
    results: Results = collections.defaultdict(list)
    load_average = [os.getloadavg()[0]]
    for index in range(runs):
        order = list(apps) if index % 2 == 0 else list(reversed(apps))
        for case in cases:
            for endpoint in SCRIPTS:
                for name in order:
                    script = _script(scratch, case, endpoint, f"{name}-{index}")
                    results[case.label, endpoint, name].append(_load(apps[name], seconds, script))
                    load_average.append(os.getloadavg()[0])
    return results, load_average


STACK = ("fastapi", "pydantic", "sqlalchemy", "asyncpg", "uvicorn", "uvloop", "httptools")


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "missing"


def _median(samples: list[Sample], field: str) -> float:
    return statistics.median(getattr(sample, field) for sample in samples)


def _report(
    results: Results, patches: list[str], load_average: list[float], runs: int, seconds: int
) -> None:
    print(
        f"\nPostgreSQL, {ROWS} rows a table, 1 uvicorn worker each, wrk -t1 -c{CONNECTIONS} "
        f"-d{seconds}s; medians of {runs} runs"
    )
    print(", ".join(f"{name} {_version(name)}" for name in STACK))
    print(
        f"{'endpoint':<21} {'gen req/s':>9} {'ceil req/s':>10} {'ratio':>5}  "
        f"{'p50/p99 ms: gen':>15} {'ceil':>11}  {'CPU ms/req: gen':>15} {'ceil':>5} {'ratio':>5}"
    )
    medians: dict[tuple[str, str, str], dict[str, float]] = {
        key: {field: _median(samples, field) for field in ("rate", "p50", "p99", "cpu")}
        for key, samples in results.items()
    }
    endpoints = list(dict.fromkeys((label, endpoint) for label, endpoint, _ in results))
    for label, endpoint in endpoints:
        gen, ceil = medians[label, endpoint, "generated"], medians[label, endpoint, "ceiling"]
        print(
            f"{label + ' ' + endpoint:<21} {gen['rate']:>9.0f} {ceil['rate']:>10.0f} "
            f"{gen['rate'] / ceil['rate']:>5.2f}  {gen['p50']:>7.1f} / {gen['p99']:<5.0f} "
            f"{ceil['p50']:>5.1f} / {ceil['p99']:<3.0f}  {gen['cpu']:>15.2f} {ceil['cpu']:>5.2f}"
            f" {ceil['cpu'] / gen['cpu']:>5.2f}"
        )
    if patches:
        other = "patched"
        print(f"\nthe generated app with --patch {' --patch '.join(patches)}")
        print(
            f"{'endpoint':<21} {'req/s':>9} {'/ceiling':>8}  {'p50/p99 ms':>15}  "
            f"{'CPU ms/req':>10} {'ceil/it':>7}"
        )
        for label, endpoint in endpoints:
            figures, ceil = medians[label, endpoint, other], medians[label, endpoint, "ceiling"]
            print(
                f"{label + ' ' + endpoint:<21} {figures['rate']:>9.0f} "
                f"{figures['rate'] / ceil['rate']:>8.2f}  {figures['p50']:>7.1f} / "
                f"{figures['p99']:<5.0f}  {figures['cpu']:>10.2f} "
                f"{ceil['cpu'] / figures['cpu']:>7.2f}"
            )
    median = statistics.median(load_average)
    spread = f"{min(load_average):.2f}-{max(load_average):.2f}"
    print(f"load average (1 min) during the runs: median {median:.2f}, {spread}")


# --- profile ---------------------------------------------------------------------------------

# The library or layer a sampled frame belongs to, by its file; the first that matches wins.
LIBRARIES: list[tuple[str, Callable[[str], bool]]] = [
    ("generated code (app/)", lambda path: "/app/" in path and "site-packages" not in path),
    ("ceiling code", lambda path: "/ceiling/app.py" in path),
    ("PyJWT", lambda path: "/jwt/" in path),
    ("pwdlib, argon2", lambda path: "/pwdlib/" in path or "/argon2/" in path),
    ("asyncpg", lambda path: "/asyncpg/" in path),
    ("SQLAlchemy", lambda path: "/sqlalchemy/" in path),
    ("pydantic", lambda path: "/pydantic" in path),
    ("FastAPI", lambda path: "/fastapi/" in path),
    ("Starlette", lambda path: "/starlette/" in path),
    ("anyio, threads", lambda path: "/anyio/" in path or path.endswith("/threading.py")),
    ("uvicorn, httptools", lambda path: "/uvicorn/" in path or "httptools" in path),
    ("asyncio, uvloop (the event loop)", lambda path: "/asyncio/" in path or "uvloop" in path),
]
OTHER = "other (stdlib)"


def _in_thread(function: str, path: str) -> bool:
    """The event loop's side (`run_in_threadpool`) or the worker thread's (anyio, threading)."""
    return function == "run_in_threadpool" or "/anyio/" in path or path.endswith("/threading.py")


# Stages of a request, counted inclusively: a sample is in a stage if any of its frames is.
STAGES: list[tuple[str, Callable[[str, str], bool]]] = [
    ("FastAPI dependencies (solve_dependencies)", lambda f, p: f == "solve_dependencies"),
    ("sync dependency in a worker thread, both sides", _in_thread),
    (
        "  current user (JWT + user row)",
        lambda f, p: f.endswith(("get_current_user", "authenticate")),
    ),
    ("  PyJWT decode", lambda f, p: "/jwt/" in p),
    ("endpoint function (run_endpoint_function)", lambda f, p: f == "run_endpoint_function"),
    ("  service layer (app/services)", lambda f, p: "/app/services/" in p),
    ("  repository layer (app/repositories)", lambda f, p: "/app/repositories/" in p),
    ("SQL: BEGIN (asyncpg Transaction.start)", lambda f, p: f == "Transaction.start"),
    ("SQL: pool pre-ping", lambda f, p: "ping" in f and "/sqlalchemy/" in p),
    ("SQL: new connections (asyncpg connect)", lambda f, p: "/asyncpg/connect_utils" in p),
    ("SQL: session.flush", lambda f, p: f == "Session.flush"),
    ("SQL: session.refresh", lambda f, p: f == "Session.refresh"),
    ("SQL: session.commit", lambda f, p: f == "Session.commit"),
    ("SQL: session close + ROLLBACK", lambda f, p: f == "AsyncSession.close"),
    ("response model validation + JSON", lambda f, p: f == "serialize_response"),
    ("error envelope / exception handlers", lambda f, p: "/app/api/errors.py" in p),
    ("SQLAlchemy, all of it", lambda f, p: "/sqlalchemy/" in p),
    ("asyncpg, all of it", lambda f, p: "/asyncpg/" in p),
    ("pydantic, all of it", lambda f, p: "/pydantic" in p),
]
STACK_RECORD = re.compile(r"(?P<stack>.*?) (?P<count>\d+)$", re.DOTALL | re.MULTILINE)
FRAME = re.compile(r"^(?P<function>.*) \((?P<path>[^()]*?)(?::\d+)?\)$")
RATE = 250  # py-spy samples per second
Stacks = list[tuple[list[tuple[str, str]], int]]  # (function, file) root first; sample count


def _profile(output: Path, apps: dict[str, Server], cases: list[Case], seconds: int) -> None:
    py_spy = shutil.which("py-spy", path=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    if py_spy is None:
        sys.exit("--profile needs py-spy: pip install py-spy")
    for case in cases:
        for endpoint in SCRIPTS:
            profiles: dict[str, tuple[Sample, Stacks]] = {}
            for name, server in apps.items():
                raw = output / f"{case.route}-{endpoint}-{name}.txt"
                sampler = subprocess.Popen(
                    [py_spy, "record", "--pid", str(server.pid), "--rate", str(RATE),
                     "--format", "raw", "--full-filenames", "--nonblocking",
                     "--duration", str(seconds + 1), "--output", str(raw)],
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                )  # fmt: skip
                time.sleep(0.5)
                script = _script(output, case, endpoint, f"profile-{name}")
                sample = _load(server, seconds, script)
                sampler.wait(timeout=60)
                profiles[name] = (sample, _read_stacks(raw))
            _print_profile(f"{case.label} {endpoint}", profiles)


def _read_stacks(raw: Path) -> Stacks:
    stacks = []
    # One stack a record, ending in its count; a record can span lines, since the "file" of
    # code made by exec() (SQLAlchemy's generated wrappers) is its source text.
    for record in STACK_RECORD.finditer(raw.read_text(encoding="utf-8")):
        frames = [FRAME.match(frame) for frame in record["stack"].strip().split(";")]
        stacks.append(([(m["function"], m["path"]) for m in frames if m], int(record["count"])))
    return stacks


def _print_profile(title: str, profiles: dict[str, tuple[Sample, Stacks]]) -> None:
    """CPU ms per request: the server's measured CPU time shared out as py-spy's samples are."""
    names = list(profiles)
    print(f"\n{title}: CPU ms per request, shared out by py-spy's samples ({RATE} Hz)")
    print(f"{'':<48}" + "".join(f" {name:>9}" for name in names))
    print(
        f"{'req/s under the profiler':<48}"
        + "".join(f" {profiles[n][0].rate:>9.0f}" for n in names)
    )
    print(
        f"{'CPU ms per request, all of it':<48}"
        + "".join(f" {profiles[n][0].cpu:>9.2f}" for n in names)
    )

    def share(counts: dict[str, int], name: str, key: str) -> str:
        sample, stacks = profiles[name]
        total = sum(count for _, count in stacks) or 1
        return f" {sample.cpu * counts.get(key, 0) / total:>9.2f}"

    print("self time, by the library of the innermost Python frame:")
    by_library = {name: _by_library(stacks) for name, (_, stacks) in profiles.items()}
    for library in [label for label, _ in LIBRARIES] + [OTHER]:
        print(f"  {library:<46}" + "".join(share(by_library[n], n, library) for n in names))
    print("inclusive time, by stage of the request:")
    for stage, matches in STAGES:
        counts = {
            name: {stage: sum(c for frames, c in stacks if any(matches(f, p) for f, p in frames))}
            for name, (_, stacks) in profiles.items()
        }
        print(f"  {stage:<46}" + "".join(share(counts[n], n, stage) for n in names))


def _by_library(stacks: Stacks) -> dict[str, int]:
    counts: dict[str, int] = collections.Counter()
    for frames, count in stacks:
        library = OTHER
        for _, path in reversed(frames):
            found = next((label for label, matches in LIBRARIES if matches(path)), None)
            if found:
                library = found
                break
        counts[library] += count
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each figure (default 3)")
    parser.add_argument("--seconds", type=int, default=10, help="length of a run (default 10)")
    parser.add_argument(
        "--patch",
        action="append",
        choices=sorted(PATCHES),
        default=[],
        help="also serve a copy of the generated project with this edit (repeatable)",
    )
    parser.add_argument(
        "--fortress",
        type=Path,
        help="generate with this checkout of Fortress (a directory holding fortress_gen)",
    )
    parser.add_argument("--profile", action="store_true", help="profile instead of timing")
    parser.add_argument(
        "--profile-dir", type=Path, help="keep py-spy's raw (collapsed) stacks in this folder"
    )
    options = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is needed: apt-get install -y wrk")
    with tempfile.TemporaryDirectory() as scratch_dir, database() as url:
        scratch = Path(scratch_dir)
        project, env, with_auth = _prepare(scratch, url, options.fortress)
        patched = _patched(project, options.patch) if options.patch else None
        with _servers(project, env, patched) as apps:
            cases = _cases(apps["generated"], with_auth)
            if options.profile:
                output = options.profile_dir or scratch
                output.mkdir(parents=True, exist_ok=True)
                _profile(output, apps, cases, options.seconds)
                return
            results, load_average = _measure(scratch, apps, cases, options.runs, options.seconds)
    _report(results, options.patch, load_average, options.runs, options.seconds)


if __name__ == "__main__":
    main()
