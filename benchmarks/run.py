"""Wall-time benchmarks of the `fortress` commands users wait for (see benchmarks/README.md).

Run from the repository root with the project's virtualenv:

    .venv/bin/python benchmarks/run.py            # the default run, under about two minutes
    .venv/bin/python benchmarks/run.py --quick    # fewer repetitions, for a quick look

Every figure times one `fortress` command as a subprocess, exactly as a user runs it, from
process start to exit. Work that is only setup (making the project, copying it, writing the
specs) is done before the clock starts. Each repetition of a command that writes runs on a
fresh copy of a pre-made project, so no run sees another's output.

The script imports nothing from `fortress_gen`: it runs whichever `fortress` the interpreter
finds (the console script beside `sys.executable`, else `python -m fortress_gen`). With
`--baseline DIR` (a checkout, or any directory holding a `fortress_gen` package) it also runs
that version (through PYTHONPATH), alternating the two run by run so that a busy machine
slows both alike, and prints both columns and their ratio:

    mkdir /tmp/before && git archive HEAD~1 | tar -x -C /tmp/before
    .venv/bin/python benchmarks/run.py --baseline /tmp/before
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

SOURCE_DATE_EPOCH = "1767225600"  # 2026-01-01T00:00:00Z: migrations get a fixed timestamp
NEW_ENTITY_ARGS = (
    "new-entity",
    "Order",
    "number:str:unique",
    "status:enum[pending,paid,shipped]:index",
    "total:decimal",
    "customer:ref[Customer]",
    "notes:text?",
)
CUSTOMER_ARGS = ("new-entity", "Customer", "name:str[120]", "email:email:unique")

# --- synthetic specs ---------------------------------------------------------------------------

_ADJECTIVES = (
    "Alpha",
    "Beta",
    "Gamma",
    "Delta",
    "Core",
    "Main",
    "Field",
    "Remote",
    "Local",
    "Prime",
)
_NOUNS = (
    "Account",
    "Invoice",
    "Ticket",
    "Product",
    "Shipment",
    "Review",
    "Payment",
    "Contract",
    "Vendor",
    "Project",
)
# (name, YAML flow mapping): a realistic mix of types and options.
_FIELDS = (
    ("title", "{type: str, max_length: 120, index: true}"),
    ("code", "{type: str, max_length: 32, unique: true}"),
    ("summary", "{type: text, required: false}"),
    ("quantity", "{type: int, ge: 0, default: 0}"),
    ("amount", "{type: decimal, max_digits: 12, decimal_places: 2, ge: 0}"),
    ("active", "{type: bool, default: true}"),
    ("starts_on", "{type: date, required: false}"),
    ("happened_at", "{type: datetime}"),
    ("state", "{type: enum, values: [draft, open, closed], default: draft, index: true}"),
    ("contact_email", "{type: email, required: false}"),
    ("ratio", "{type: float, ge: 0, le: 1, required: false}"),
    ("homepage", "{type: url, required: false}"),
    ("external_ref", "{type: uuid, required: false}"),
    ("payload", "{type: json, required: false}"),
    ("sequence", "{type: bigint, ge: 0}"),
)


def entity_names(count: int) -> list[str]:
    """`count` distinct PascalCase entity names (at most 100)."""
    names = [adjective + noun for noun in _NOUNS for adjective in _ADJECTIVES]
    return names[:count]


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() and i else c.lower() for i, c in enumerate(name))


def synthetic_spec(index: int, names: Sequence[str], *, edited: bool = False) -> str:
    """The YAML of entity `index`: 5-10 fields of mixed types, relations to earlier entities.

    With `edited`, the spec as a user changes it without touching the schema: another
    description and page size.
    """
    count = 5 + index % 6
    fields = [_FIELDS[(index * 7 + step) % len(_FIELDS)] for step in range(count)]
    lines = [
        f"entity: {names[index]}",
        f"description: {'Edited' if edited else 'Synthetic'} entity number {index}.",
        "fields:",
        *(f"  {name}: {body}" for name, body in fields),
    ]
    targets = []
    if index >= 1 and index % 3 != 0:
        targets.append(index - 1)
    if index >= 4 and index // 2 not in targets:
        targets.append(index // 2)
    if targets:
        lines.append("relations:")
        for number, target in enumerate(targets):
            required = "true" if number == 0 else "false"
            lines.append(
                f"  {_snake(names[target])}: {{kind: many_to_one, target: {names[target]},"
                f" required: {required}}}"
            )
    filterable = [name for name, body in fields if "index: true" in body or "bool" in body]
    sortable = [name for name, body in fields if "datetime" in body or "max_length: 120" in body]
    if filterable or sortable or edited:
        lines.append("list:")
        if edited:
            lines.append("  page_size: 50")
        if filterable:
            lines.append(f"  filters: [{', '.join(filterable)}]")
        if sortable:
            lines.append(f"  sort: [{', '.join(sortable)}]")
    return "\n".join(lines) + "\n"


def write_specs(project: Path, count: int) -> list[str]:
    """Write `count` synthetic specs into `project`/specs; returns the entity names."""
    names = entity_names(count)
    for index, name in enumerate(names):
        (project / "specs" / f"{name}.yaml").write_text(
            synthetic_spec(index, names), encoding="utf-8"
        )
    return names


# --- running ---------------------------------------------------------------------------------


def fortress_command() -> list[str]:
    """The `fortress` console script beside this interpreter, else `python -m fortress_gen`."""
    script = Path(sys.executable).with_name("fortress")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-m", "fortress_gen"]


@dataclass(frozen=True)
class Version:
    """A version of Fortress to measure: the installed one, or a checkout via PYTHONPATH."""

    name: str
    pythonpath: str | None = None

    def env(self) -> dict[str, str]:
        """The environment of its runs: fixed migration time, no colour, and bytecode written
        and read as in a normal install (some sandboxes set PYTHONDONTWRITEBYTECODE, which
        makes every run compile Fortress's modules again)."""
        env = dict(os.environ)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
        env["NO_COLOR"] = "1"
        if self.pythonpath is not None:
            env["PYTHONPATH"] = os.pathsep.join(
                part for part in (self.pythonpath, env.get("PYTHONPATH")) if part
            )
        return env


@dataclass(frozen=True)
class Timing:
    """The wall time of one run, and the CPU time (user + system) of it and its children."""

    wall: float
    cpu: float


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(
    version: Version,
    args: Sequence[str],
    cwd: Path,
    *,
    expect: int = 0,
    extra_env: Sequence[tuple[str, str]] = (),
) -> Timing:
    """Run one command and time it; fail loudly on a surprise exit code."""
    env = {**version.env(), **dict(extra_env)}
    cpu = _children_cpu()
    start = time.perf_counter()
    result = subprocess.run(list(args), cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != expect:
        raise SystemExit(
            f"[{version.name}] {' '.join(args)} (in {cwd}) exited {result.returncode},"
            f" expected {expect}:\n{result.stdout}{result.stderr}"
        )
    return Timing(elapsed, _children_cpu() - cpu)


def fresh_copy(source: Path, scratch: Path) -> Path:
    """A copy of the project `source` under `scratch`, in a new directory."""
    target = Path(tempfile.mkdtemp(dir=scratch, prefix="run-")) / "project"
    shutil.copytree(source, target, symlinks=True)
    return target


@dataclass(frozen=True)
class Case:
    """One benchmark: a command, the project it runs in, and whether it gets a fresh copy."""

    label: str
    args: tuple[str, ...]
    project: str | None  # a key of the setup; None: the scratch directory
    copy: bool
    big: bool = False
    env: tuple[tuple[str, str], ...] = ()


CASES = (
    Case("python -c pass", (), None, copy=False),
    Case("fortress --help", ("--help",), None, copy=False),
    Case("(a) new-entity Order", NEW_ENTITY_ARGS, "customer", copy=True),
    Case("(b) generate 10 entities", ("generate",), "specs10", copy=True),
    Case("(b) generate 100 entities", ("generate",), "specs100", copy=True, big=True),
    Case("(c) generate --check, 10, no-op", ("generate", "--check"), "generated10", copy=False),
    Case("(c) generate --check, 100, no-op", ("generate", "--check"), "generated100", copy=False),
    Case(
        "(c) --check 100 no-op, no fast path",
        ("generate", "--check"),
        "generated100",
        copy=False,
        big=True,
        env=(("FORTRESS_NO_FAST_PATH", "1"),),
    ),
    Case("(d) one spec changed, 10", ("generate",), "changed10", copy=True),
    Case("(d) one spec changed, 100", ("generate",), "changed100", copy=True, big=True),
    Case("(d) root spec changed, 100", ("generate",), "rootchanged100", copy=True, big=True),
    # `fortress check` on the generated projects: with the cache a previous check left (the
    # pre-commit/CI case), and without it (every file parsed, drift planned from scratch).
    Case("(e) check, 10, cached", ("check",), "generated10", copy=False),
    Case("(e) check, 100, cached", ("check",), "generated100", copy=False),
    Case(
        "(e) check, 100, no cache, no drift",
        ("check", "--no-cache", "--ignore", "FTR501,FTR502"),
        "generated100",
        copy=False,
        big=True,
    ),
    Case("(e) check, 100, no cache", ("check", "--no-cache"), "generated100", copy=False, big=True),
)


def set_up(version: Version, fortress: list[str], scratch: Path) -> dict[str, Path]:
    """Make every project the cases start from, with `version` (templates differ by version)."""
    base = scratch / version.name
    base.mkdir()
    empty = base / "empty"
    run(version, [*fortress, "new-project", str(empty)], base)
    projects: dict[str, Path] = {}
    customer = base / "customer" / "project"
    shutil.copytree(empty, customer)
    run(version, [*fortress, *CUSTOMER_ARGS], customer)
    projects["customer"] = customer
    for count in (10, 100):
        source = base / f"specs{count}" / "project"
        shutil.copytree(empty, source)
        names = write_specs(source, count)
        projects[f"specs{count}"] = source
        done = base / f"generated{count}" / "project"
        shutil.copytree(source, done)
        run(version, [*fortress, "generate"], done)
        projects[f"generated{count}"] = done
        changed = base / f"changed{count}" / "project"
        shutil.copytree(done, changed)
        run(version, [*fortress, "check"], done)  # must be clean; leaves the cache behind
        last = count - 1
        (changed / "specs" / f"{names[last]}.yaml").write_text(
            synthetic_spec(last, names, edited=True), encoding="utf-8"
        )
        projects[f"changed{count}"] = changed
    # The first entity is what most others relate to. Its operations are among what their
    # files read (DEPENDENCY_ATTRIBUTES), so changing them renders those entities again.
    root_changed = base / "rootchanged100" / "project"
    shutil.copytree(projects["generated100"], root_changed)
    first = entity_names(100)[0]
    (root_changed / "specs" / f"{first}.yaml").write_text(
        synthetic_spec(0, entity_names(100)) + "operations: [create, get, list, update]\n",
        encoding="utf-8",
    )
    projects["rootchanged100"] = root_changed
    return projects


def measure(
    case: Case,
    versions: Sequence[Version],
    setups: Sequence[dict[str, Path]],
    fortress: list[str],
    scratch: Path,
    runs: int,
) -> list[tuple[Timing, ...]]:
    """The times of `case` for each version, runs alternating between the versions."""
    times: list[list[Timing]] = [[] for _ in versions]
    for _ in range(runs):
        for number, (version, projects) in enumerate(zip(versions, setups, strict=True)):
            if not case.args:
                times[number].append(run(version, [sys.executable, "-c", "pass"], scratch))
                continue
            cwd = scratch if case.project is None else projects[case.project]
            if case.copy:
                cwd = fresh_copy(cwd, scratch)
            times[number].append(run(version, [*fortress, *case.args], cwd, extra_env=case.env))
            if case.copy:
                shutil.rmtree(cwd.parent)
    return [tuple(column) for column in times]


# --- the report ------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """Set up the projects, run every benchmark and print the table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--runs", type=int, default=None, help="repetitions of each figure")
    parser.add_argument(
        "--baseline", type=Path, default=None, help="also measure this checkout, alternating"
    )
    parser.add_argument("--keep", action="store_true", help="keep the scratch directory")
    options = parser.parse_args(argv)
    small_runs = options.runs or (3 if options.quick else 9)
    big_runs = options.runs or (2 if options.quick else 5)
    versions = [Version("current")]
    if options.baseline is not None:
        versions.insert(0, Version("baseline", str(options.baseline.resolve())))
    fortress = fortress_command()
    scratch = Path(tempfile.mkdtemp(prefix="fortress-bench-"))
    started = time.perf_counter()
    results: dict[str, list[tuple[Timing, ...]]] = {}
    try:
        print("setting up projects ...", file=sys.stderr)
        setups = [set_up(version, fortress, scratch) for version in versions]
        for case in CASES:
            print(f"{case.label} ...", file=sys.stderr)
            runs = big_runs if case.big else small_runs
            results[case.label] = measure(case, versions, setups, fortress, scratch, runs)
    finally:
        if options.keep:
            print(f"scratch: {scratch}", file=sys.stderr)
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    for number, version in enumerate(versions):
        title = version.name if len(versions) > 1 else ""
        _print_table(title, {label: times[number] for label, times in results.items()})
    if len(versions) > 1:
        _print_comparison(results)
    print(f"\n(total {time.perf_counter() - started:.0f} s; fortress = {' '.join(fortress)})")
    return 0


def _print_table(title: str, times: dict[str, tuple[Timing, ...]]) -> None:
    medians = {label: statistics.median(t.wall for t in values) for label, values in times.items()}
    header = f"{title or 'benchmark':<36} {'median':>8} {'min':>8} {'max':>8} {'N':>3} {'cpu':>8}"
    print(f"\n{header}")
    for label, values in times.items():
        walls = [t.wall for t in values]
        cpu = statistics.median(t.cpu for t in values)
        print(
            f"{label:<36} {medians[label]:>8.3f} {min(walls):>8.3f}"
            f" {max(walls):>8.3f} {len(walls):>3} {cpu:>8.3f}"
        )
    ratios = (
        ("(b) generate 100 / 10", "(b) generate 100 entities", "(b) generate 10 entities", 10.0),
        (
            "(c) --check 100 / 10",
            "(c) generate --check, 100, no-op",
            "(c) generate --check, 10, no-op",
            10.0,
        ),
        ("(d) one change 100 / 10", "(d) one spec changed, 100", "(d) one spec changed, 10", 1.0),
    )
    print(f"{'ratio of medians':<36} {'ratio':>8}")
    for label, top, bottom, ideal in ratios:
        print(f"{label:<36} {medians[top] / medians[bottom]:>8.2f}   (ideal: <= {ideal:g})")
    check = medians.get("(e) check, 100, cached")
    if check is not None:
        print(f"{'(e) check 100, cached':<36} {check:>8.3f}   (target: <= 1 s)")
    small = medians["(b) generate 10 entities"]
    large = medians["(b) generate 100 entities"]
    print(f"{'marginal s/entity, entities 11-100':<36} {(large - small) / 90:>8.4f}")
    print(f"{'s/entity, generate 10 (with startup)':<36} {small / 10:>8.4f}")


def _print_comparison(results: dict[str, list[tuple[Timing, ...]]]) -> None:
    print(f"\n{'median wall, baseline -> current':<36} {'before':>8} {'after':>8} {'speedup':>8}")
    for label, (before, after) in results.items():
        old = statistics.median(t.wall for t in before)
        new = statistics.median(t.wall for t in after)
        print(f"{label:<36} {old:>8.3f} {new:>8.3f} {old / new:>7.2f}x")


if __name__ == "__main__":
    raise SystemExit(main())
