"""Throughput of a generated project's `GET /<id>` with a cache hit and with a miss, on
PostgreSQL (see benchmarks/README.md, "Read cache").

    .venv/bin/python benchmarks/cache.py            # needs PostgreSQL, Redis and wrk
    .venv/bin/python benchmarks/cache.py --runs 5 --seconds 10

A project with one cached entity (`cache: {ttl: 3600}`) is made with `fortress new-project`
and `fortress generate`, migrated on a throwaway PostgreSQL database and seeded with rows.
It is served by one uvicorn process; wrk, on one thread with a few connections over
loopback, sends `GET /api/v1/notes/<id>`:

- hit: always the same id, read once beforehand, so every timed request is served from
  the cache;
- miss: a new id on every request (each run starts past the ids of the runs before), so
  every timed request reads the cache, misses, reads PostgreSQL and stores the answer;
- uncached: the same reads of an identical entity without `cache:` (PostgreSQL only), the
  baseline a miss is compared with.

Both run with the Redis backend (`REDIS_URL`) and with the in-process one. The table gives
the median requests per second over the runs, and min-max.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import urllib.request
from pathlib import Path

from _harness import database, execute, new_project, run, serve, wrk

REDIS_URL = os.environ.get("FORTRESS_BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
ROWS = 200_000
CONNECTIONS = 8
FIELDS = """\
fields:
  title: {type: str, max_length: 120}
  body: {type: text, required: false}
  pinned: {type: bool, default: false}
"""
SPECS = {
    "Note": f"entity: Note\n{FIELDS}cache: {{ttl: 3600}}\n",  # cached
    "Plain": f"entity: Plain\n{FIELDS}",  # the same, uncached: the baseline
}
SEED = (
    "INSERT INTO {table} (title, body, pinned, created_at, updated_at) "
    "SELECT 'note ' || n, repeat('text ', 20), n % 2 = 0, now(), now() "
    "FROM generate_series(1, {rows}) AS n"
)
SEQUENTIAL_IDS = """\
local next_id = {start}
request = function()
  next_id = next_id + 1
  return wrk.format("GET", "/api/v1/{route}/" .. next_id)
end
"""


def _wrk(url: str, seconds: int, script: Path | None = None) -> float:
    return wrk(url, seconds, CONNECTIONS, script).rate


def _sequential(base: str, route: str, start: int, seconds: int, scratch: Path) -> float:
    """Requests per second for ids `start + 1`, `start + 2`, ...: each one read once."""
    script = scratch / f"{route}-{start}.lua"
    script.write_text(SEQUENTIAL_IDS.format(start=start, route=route), encoding="utf-8")
    rate = _wrk(base, seconds, script)
    if start + rate * seconds > ROWS:
        sys.exit(f"{ROWS} rows are too few at {rate:.0f} req/s; raise ROWS")
    return rate


def _measure(base: str, runs: int, seconds: int, scratch: Path) -> dict[str, list[float]]:
    urllib.request.urlopen(f"{base}/api/v1/notes/1", timeout=5).close()  # cache the hit
    figures: dict[str, list[float]] = {"uncached": [], "hit": [], "miss": []}
    start = 1
    for _ in range(runs):
        figures["hit"].append(_wrk(f"{base}/api/v1/notes/1", seconds))
        figures["uncached"].append(_sequential(base, "plains", start, seconds, scratch))
        rate = _sequential(base, "notes", start, seconds, scratch)
        figures["miss"].append(rate)
        start += int(max(rate, figures["uncached"][-1]) * seconds * 1.5) + 1000
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each figure (default 3)")
    parser.add_argument("--seconds", type=int, default=5, help="length of a run (default 5)")
    options = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is needed: apt-get install -y wrk")
    with tempfile.TemporaryDirectory() as scratch_dir, database() as url:
        scratch = Path(scratch_dir)
        project = new_project(scratch, SPECS)
        env = {**os.environ, "PYTHONPATH": str(project), "DATABASE_URL": url}
        env.pop("REDIS_URL", None)
        run(sys.executable, "-m", "alembic", "upgrade", "head", cwd=project, env=env)
        seeds = [SEED.format(table=table, rows=ROWS) for table in ("notes", "plains")]
        asyncio.run(execute(url, *seeds))
        results: dict[str, dict[str, list[float]]] = {}
        for backend, extra in (("redis", {"REDIS_URL": REDIS_URL}), ("memory", {})):
            with serve("app.main:app", project, {**env, **extra}) as server:
                results[backend] = _measure(server.url, options.runs, options.seconds, scratch)
    print(
        f"GET /api/v1/notes/<id>, PostgreSQL, 1 uvicorn process, wrk -t1 -c{CONNECTIONS}, "
        f"{options.runs} x {options.seconds} s"
    )
    print(f"{'backend':<8} {'case':<9} {'median req/s':>13} {'min-max':>11}")
    for backend, figures in results.items():
        medians = {case: statistics.median(rates) for case, rates in figures.items()}
        for case, rates in figures.items():
            spread = f"{min(rates):.0f}-{max(rates):.0f}"
            print(f"{backend:<8} {case:<9} {medians[case]:>13.0f} {spread:>11}")
        print(
            f"{backend:<8} hit/miss {medians['hit'] / medians['miss']:.2f}x, "
            f"miss/uncached {medians['miss'] / medians['uncached']:.2f}x"
        )


if __name__ == "__main__":
    main()
