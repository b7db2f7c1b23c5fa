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
through the generated app (`/auth/register`, `/auth/token`); the ceiling decodes the same
JWT with the same secret and loads its user, as the generated app does. Runs alternate
generated first / ceiling first, so load from other processes hits both alike. The table
gives medians over the runs: requests/s, p50 and p99 latency, and generated/ceiling.

`--profile` instead samples both servers with py-spy (`pip install py-spy`) while wrk loads
each endpoint, and prints the CPU time per request spent in each library and layer.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
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

from _harness import BIN, Load, Server, database, execute, new_project, run, serve, wrk

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
    email, password = "bench@example.com", "correct horse battery staple"
    body = json.dumps({"email": email, "password": password}).encode()
    status, answer = _request(
        f"{base}/api/v1/auth/register", body, {"Content-Type": "application/json"}
    )
    if status not in (200, 201):
        sys.exit(f"POST /auth/register answered {status}: {answer}")
    form = urllib.parse.urlencode({"username": email, "password": password}).encode()
    status, answer = _request(f"{base}/api/v1/auth/token", form)
    data = answer.get("data", answer)
    if status != 200 or not isinstance(data, dict) or "access_token" not in data:
        sys.exit(f"POST /auth/token answered {status}: {answer}")
    return str(data["access_token"])


def _same_shape(generated: Server, ceiling: Server, case: Case) -> None:
    """Both apps answer a get and a list with the same keys; the route needs its token."""
    headers = {"Authorization": f"Bearer {case.token}"} if case.token else {}
    for path in (f"/api/v1/{case.route}/1", f"/api/v1/{case.route}?limit=20"):
        answers = [_request(server.url + path, headers=headers) for server in (generated, ceiling)]
        shapes = [(status, _keys(answer)) for status, answer in answers]
        if shapes[0] != shapes[1] or shapes[0][0] != 200:
            sys.exit(f"GET {path}: generated {shapes[0]}, ceiling {shapes[1]}")
    if case.token:
        for server in (generated, ceiling):
            status, _ = _request(f"{server.url}/api/v1/{case.route}/1")
            if status != 401:
                sys.exit(
                    f"GET /api/v1/{case.route}/1 without a token answered {status} at {server.url}"
                )


def _keys(value: object) -> object:
    if isinstance(value, dict):
        return {key: _keys(item) for key, item in sorted(value.items())}
    if isinstance(value, list):
        return [_keys(value[0])] if value else []
    return type(value).__name__


@contextmanager
def _servers(project: Path, env: dict[str, str]) -> Iterator[tuple[Server, Server]]:
    with (
        serve("app.main:app", project, env) as generated,
        serve("app:app", HERE / "ceiling", env) as ceiling,
    ):
        yield generated, ceiling


def _prepare(scratch: Path, url: str) -> tuple[Path, dict[str, str], bool]:
    project = new_project(scratch, SPECS)
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


def _measure(
    scratch: Path, generated: Server, ceiling: Server, cases: list[Case], runs: int, seconds: int
) -> tuple[dict[tuple[str, str, str], list[Load]], list[float]]:
    apps = {"generated": generated, "ceiling": ceiling}
    for case in cases:
        _same_shape(generated, ceiling, case)
        for name, server in apps.items():  # warm up: connections, caches, first-call costs
            for endpoint in SCRIPTS:
                wrk(server.url, 2, CONNECTIONS, _script(scratch, case, endpoint, f"warm-{name}"))
    loads: dict[tuple[str, str, str], list[Load]] = collections.defaultdict(list)
    load_average = [os.getloadavg()[0]]
    for index in range(runs):
        order = list(apps) if index % 2 == 0 else list(reversed(apps))
        for case in cases:
            for endpoint in SCRIPTS:
                for name in order:
                    script = _script(scratch, case, endpoint, f"{name}-{index}")
                    load = wrk(apps[name].url, seconds, CONNECTIONS, script)
                    loads[case.label, endpoint, name].append(load)
                    load_average.append(os.getloadavg()[0])
    return loads, load_average


def _report(
    loads: dict[tuple[str, str, str], list[Load]],
    load_average: list[float],
    runs: int,
    seconds: int,
) -> None:
    print(
        f"PostgreSQL, {ROWS} rows a table, 1 uvicorn worker each, wrk -t1 -c{CONNECTIONS} "
        f"-d{seconds}s, medians of {runs} runs"
    )
    print(
        f"{'endpoint':<22} {'gen req/s':>9} {'ceil req/s':>10} {'ratio':>6}  "
        f"{'gen p50/p99 ms':>15}  {'ceil p50/p99 ms':>15}"
    )
    for (label, endpoint, name), _ in loads.items():
        if name != "generated":
            continue
        figures = {}
        for app in ("generated", "ceiling"):
            runs_of_app = loads[label, endpoint, app]
            figures[app] = tuple(
                statistics.median(getattr(load, field) for load in runs_of_app)
                for field in ("rate", "p50", "p99")
            )
        rate, p50, p99 = figures["generated"]
        ceiling_rate, ceiling_p50, ceiling_p99 = figures["ceiling"]
        latencies = f"{p50:.1f} / {p99:.1f}", f"{ceiling_p50:.1f} / {ceiling_p99:.1f}"
        print(
            f"{label + ' ' + endpoint:<22} {rate:>9.0f} {ceiling_rate:>10.0f} "
            f"{rate / ceiling_rate:>6.2f}  {latencies[0]:>15}  {latencies[1]:>15}"
        )
    median = statistics.median(load_average)
    spread = f"{min(load_average):.2f}-{max(load_average):.2f}"
    print(f"load average (1 min) during the runs: median {median:.2f}, {spread}")


# --- profile ---------------------------------------------------------------------------------

# The library or layer a sampled frame belongs to, by its file; the first that matches wins.
LIBRARIES: list[tuple[str, Callable[[str], bool]]] = [
    ("app (generated code)", lambda path: "/bench/app/" in path),
    ("ceiling (hand-written)", lambda path: "/ceiling/app.py" in path),
    ("PyJWT", lambda path: "/jwt/" in path),
    ("asyncpg", lambda path: "/asyncpg/" in path),
    ("SQLAlchemy", lambda path: "/sqlalchemy/" in path),
    ("pydantic", lambda path: "/pydantic" in path),
    ("FastAPI", lambda path: "/fastapi/" in path),
    ("Starlette", lambda path: "/starlette/" in path),
    ("uvicorn, httptools", lambda path: "/uvicorn/" in path or "httptools" in path),
    ("asyncio, uvloop", lambda path: "/asyncio/" in path or "uvloop" in path),
]
# Stages of a request, counted inclusively (a sample is in a stage if any frame is).
STAGES: list[tuple[str, Callable[[str, str], bool]]] = [
    ("dependencies (FastAPI solve_dependencies)", lambda f, p: f == "solve_dependencies"),
    ("  of which session open/close", lambda f, p: "/bench/app/core/database.py" in p),
    ("  of which current user (JWT + user row)", lambda f, p: f.startswith("get_current")),
    ("  of which PyJWT decode", lambda f, p: "/jwt/" in p),
    ("endpoint function (run_endpoint_function)", lambda f, p: f == "run_endpoint_function"),
    ("  of which service layer", lambda f, p: "/bench/app/services/" in p),
    ("  of which repository layer", lambda f, p: "/bench/app/repositories/" in p),
    ("  of which session.commit", lambda f, p: f == "commit" and "/sqlalchemy/" in p),
    ("  of which pool checkout + pre-ping", lambda f, p: f == "_do_ping_w_event"),
    ("response validation + JSON (serialize_response)", lambda f, p: f == "serialize_response"),
    ("SQLAlchemy, all of it", lambda f, p: "/sqlalchemy/" in p),
    ("asyncpg, all of it", lambda f, p: "/asyncpg/" in p),
    ("pydantic, all of it", lambda f, p: "/pydantic" in p),
    ("exception handling middleware", lambda f, p: "/starlette/middleware/" in p),
]
FRAME = re.compile(r"^(?P<function>.*?) \((?P<path>.*?)(?::\d+)?\)$")
RATE = 250  # py-spy samples per second


def _frames(stack: str) -> list[tuple[str, str]]:
    frames = []
    for frame in stack.split(";"):
        match = FRAME.match(frame)
        if match:
            frames.append((match["function"], match["path"]))
    return frames


def _profile(
    scratch: Path, generated: Server, ceiling: Server, cases: list[Case], seconds: int
) -> None:
    if shutil.which("py-spy", path=f"{BIN}:{os.environ['PATH']}") is None:
        sys.exit("--profile needs py-spy: pip install py-spy")
    py_spy = shutil.which("py-spy", path=f"{BIN}:{os.environ['PATH']}")
    for case in cases:
        for endpoint in SCRIPTS:
            print(f"\n{case.label} {endpoint}: CPU ms per request (py-spy, {RATE} Hz, {seconds} s)")
            profiles = {}
            for name, server in (("generated", generated), ("ceiling", ceiling)):
                raw = scratch / f"{name}-{case.route}-{endpoint}.txt"
                sampler = subprocess.Popen(
                    [py_spy, "record", "--pid", str(server.pid), "--rate", str(RATE), "--format",
                     "raw", "--nonblocking", "--duration", str(seconds + 1), "--output", str(raw)],
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                )  # fmt: skip
                time.sleep(0.5)
                script = _script(scratch, case, endpoint, f"profile-{name}")
                load = wrk(server.url, seconds, CONNECTIONS, script)
                sampler.wait(timeout=60)
                profiles[name] = (load, _read_samples(raw))
            _print_profile(profiles, seconds)


def _read_samples(raw: Path) -> list[tuple[list[tuple[str, str]], int]]:
    samples = []
    for line in raw.read_text(encoding="utf-8").splitlines():
        stack, _, count = line.rpartition(" ")
        samples.append((_frames(stack), int(count)))
    return samples


def _print_profile(
    profiles: dict[str, tuple[Load, list[tuple[list[tuple[str, str]], int]]]], seconds: int
) -> None:
    per_request: dict[str, Callable[[int], float]] = {}
    for name, (load, _) in profiles.items():
        requests = load.rate * seconds
        per_request[name] = lambda count, requests=requests: count / RATE * 1000 / requests
    print(f"{'':<48} {'generated':>9} {'ceiling':>9}")
    totals = {name: sum(count for _, count in samples) for name, (_, samples) in profiles.items()}
    rates = [f"{profiles[name][0].rate:>9.0f}" for name in ("generated", "ceiling")]
    print(f"{'req/s under the profiler':<48} {rates[0]} {rates[1]}")
    cells = [f"{per_request[name](totals[name]):>9.3f}" for name in ("generated", "ceiling")]
    print(f"{'CPU, all of it':<48} {cells[0]} {cells[1]}")
    print("self time, by the library of the innermost frame:")
    by_library = {name: _by_library(samples) for name, (_, samples) in profiles.items()}
    for library in [label for label, _ in LIBRARIES] + ["other (stdlib, C, ...)"]:
        cells = [
            f"{per_request[n](by_library[n][library]):>9.3f}" for n in ("generated", "ceiling")
        ]
        print(f"  {library:<46} {cells[0]} {cells[1]}")
    print("inclusive time, by stage of the request:")
    for stage, matches in STAGES:
        counts = {
            name: sum(count for frames, count in samples if any(matches(f, p) for f, p in frames))
            for name, (_, samples) in profiles.items()
        }
        cells = [f"{per_request[n](counts[n]):>9.3f}" for n in ("generated", "ceiling")]
        print(f"  {stage:<46} {cells[0]} {cells[1]}")


def _by_library(samples: list[tuple[list[tuple[str, str]], int]]) -> dict[str, int]:
    counts: dict[str, int] = collections.Counter()
    for frames, count in samples:
        library = "other (stdlib, C, ...)"
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
    parser.add_argument("--profile", action="store_true", help="profile instead of timing")
    options = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is needed: apt-get install -y wrk")
    with tempfile.TemporaryDirectory() as scratch_dir, database() as url:
        scratch = Path(scratch_dir)
        project, env, with_auth = _prepare(scratch, url)
        with _servers(project, env) as (generated, ceiling):
            cases = _cases(generated, with_auth)
            if options.profile:
                _profile(scratch, generated, ceiling, cases, options.seconds)
                return
            loads, load_average = _measure(
                scratch, generated, ceiling, cases, options.runs, options.seconds
            )
    _report(loads, load_average, options.runs, options.seconds)


if __name__ == "__main__":
    main()
