"""Check many files on several cores: forked workers, each parsing and checking its share.

Parsing is most of an uncached check (about 0.5 s of CPU for the 630 files of a 100-entity
project) and Python parses on one core, so a large check forks: each worker inherits the
read files and the project context, parses and checks its share, and sends back plain
findings (pickled through a pipe). A worker that fails in any way has its share checked
again in the parent, so the result never depends on whether, or how, the work was split.

Files that look at each other (an endpoint and its service, a service and its repository)
go to the same worker, so few modules are parsed twice. On a busy machine (a load average
that leaves less than two cores idle) the check stays in one process: there the workers'
extra work (modules both parse) costs more than the cores they compete for give back. Set
``FORTRESS_CHECK_JOBS=1`` to check in one process, or to a number of processes to use.
"""

from __future__ import annotations

import os
import pickle
import re
import sys
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from fortress_gen.check.source import SourceFile

__all__ = ["in_parallel", "jobs"]

_Result = TypeVar("_Result")

# Below this much Python source, forking costs more than it saves.
_MIN_BYTES = 400_000
_MAX_JOBS = 4
_AFFIX = re.compile(r"^test|(service|repository|schema|s)$")


def jobs(size: int) -> int:
    """How many processes to check `size` bytes of source with (1: no fork)."""
    setting = os.environ.get("FORTRESS_CHECK_JOBS", "").strip()
    if setting.isdigit() and int(setting) > 0:
        return int(setting)
    if size < _MIN_BYTES or sys.platform != "linux" or not hasattr(os, "fork"):
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
        idle = cores - os.getloadavg()[0]
    except (AttributeError, OSError):  # pragma: no cover - Linux has both
        return 1
    # On a busy machine the workers only compete with each other and with the files they
    # both parse: fork only as many as there are idle cores.
    return max(1, min(cores, _MAX_JOBS, round(idle)))


def _affinity(source: SourceFile) -> str:
    """A key that files about the same entity share (``alpha_accounts.py``,
    ``AlphaAccountService.py``, ``test_alpha_accounts.py`` -> ``alphaaccount``)."""
    stem = (source.relpath or source.path).rsplit("/", 1)[-1].removesuffix(".py")
    return _AFFIX.sub("", stem.replace("_", "").lower())


def _shares(sources: Sequence[SourceFile], count: int) -> list[list[int]]:
    """Indexes of `sources` in `count` shares of about equal size, related files together."""
    groups: dict[str, list[int]] = {}
    for index, source in enumerate(sources):
        groups.setdefault(_affinity(source), []).append(index)
    total = sum(len(s.data) for s in sources)
    shares: list[list[int]] = [[] for _ in range(count)]
    done = 0
    for key in sorted(groups):
        members = groups[key]
        share = min(count - 1, done * count // max(total, 1))
        shares[share].extend(members)
        done += sum(len(sources[i].data) for i in members)
    return [sorted(share) for share in shares if share]


def in_parallel(
    sources: Sequence[SourceFile],
    check: Callable[[Sequence[SourceFile]], list[_Result]],
) -> list[_Result]:
    """`check(sources)`, computed in forked workers when there is enough to do.

    `check` must return one picklable result per source, in order, and depend only on
    the sources and on state the workers inherit.
    """
    count = jobs(sum(len(s.data) for s in sources))
    if count < 2 or threading.active_count() > 1:  # forking a threaded process is unsafe
        return check(sources)
    shares = _shares(sources, count)
    if len(shares) < 2:
        return check(sources)
    workers: list[tuple[int, int, list[int]]] = []
    for share in shares[1:]:
        pid, fd = _fork([sources[i] for i in share], check)
        workers.append((pid, fd, share))
    results: dict[int, _Result] = dict(
        zip(shares[0], check([sources[i] for i in shares[0]]), strict=True)
    )
    for pid, fd, share in workers:
        part: list[_Result] | None = _collect(pid, fd, len(share))
        if part is None:  # the worker failed: check its share here
            part = check([sources[i] for i in share])
        results.update(zip(share, part, strict=True))
    return [results[i] for i in range(len(sources))]


def _fork(
    share: list[SourceFile], check: Callable[[Sequence[SourceFile]], list[_Result]]
) -> tuple[int, int]:
    """Start a worker that checks `share` and writes its pickled results to a pipe."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker: never returns into the caller's code
        status = 1
        try:
            os.close(read)
            data = pickle.dumps(check(share), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write, "wb") as stream:
                stream.write(data)
            status = 0
        finally:
            os._exit(status)
    os.close(write)
    return pid, read


def _collect(pid: int, fd: int, size: int) -> list[Any] | None:
    """A worker's results, or None when it failed."""
    with os.fdopen(fd, "rb") as stream:
        data = stream.read()
    _, status = os.waitpid(pid, 0)
    if status != 0:
        return None
    try:
        part = pickle.loads(data)
    except Exception:
        return None
    return part if isinstance(part, list) and len(part) == size else None
