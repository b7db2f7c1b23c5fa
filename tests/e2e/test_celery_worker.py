"""End to end: an entity with `events: [created]` runs its task in a real Celery worker.

A generated project is migrated on SQLite; a worker (`celery -A <pkg>.core.worker worker`)
runs against the Redis that `REDIS_URL` names; a POST through the project's own application
commits a row and enqueues `<entity>_created`, and the worker runs it: the task body, which
the test writes as a user would (a second `fortress generate` keeps it), reads the committed
row and logs its title. Skipped, with the reason, when `REDIS_URL` is unset or unreachable.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis
from gates import run_gate

from fortress_gen.generate import plan_generation
from fortress_gen.project import create_project
from fortress_gen.spec.project import load_project
from fortress_gen.write import apply_plan

pytestmark = [pytest.mark.e2e, pytest.mark.redis]

REDIS_VARIABLE = "REDIS_URL"
# A package of its own, so the task names of this run are unique on a shared Redis.
PACKAGE = f"worker_e2e_{uuid.uuid4().hex[:8]}"
NOTE = """\
entity: Note
fields:
  title: {type: str, max_length: 120}
events: [created]
"""
POST_A_NOTE = f"""
import asyncio

import httpx

from {PACKAGE}.main import create_app


async def main() -> None:
    transport = httpx.ASGITransport(app=create_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://e2e") as client:
        account = {{"email": "worker@example.com", "password": "correct horse battery"}}
        (await client.post("/auth/register", json=account)).raise_for_status()
        login = await client.post("/auth/login", json=account)
        login.raise_for_status()
        headers = {{"Authorization": f"Bearer {{login.json()['data']['access_token']}}"}}
        response = await client.post("/api/v1/notes", json={{"title": "hello"}}, headers=headers)
        response.raise_for_status()
        print(response.json()["data"]["id"])


asyncio.run(main())
"""
# The user's own task body, which reads the row: it exists once the service has committed.
TASKS = f"""\
import asyncio
import logging

from sqlalchemy.ext.asyncio import AsyncSession

from {PACKAGE}.core.config import get_settings
from {PACKAGE}.core.database import create_engine
from {PACKAGE}.core.worker import celery_app
from {PACKAGE}.repositories.NoteRepository import NoteRepository

logger = logging.getLogger(__name__)


@celery_app.task
def note_created(note_id: int) -> None:
    \"\"\"Log the title the new note was committed with.\"\"\"
    asyncio.run(log_title(note_id))


async def log_title(note_id: int) -> None:
    engine = create_engine(get_settings().DATABASE_URL)
    try:
        async with AsyncSession(engine) as session:
            note = await NoteRepository(session).get(note_id)
            logger.info("note %s was committed as %r", note_id, note and note.title)
    finally:
        await engine.dispose()
"""


@pytest.fixture(scope="module")
def redis_url() -> str:
    url = os.environ.get(REDIS_VARIABLE)
    if not url:
        pytest.skip(f"set {REDIS_VARIABLE} (e.g. redis://127.0.0.1:6379/13) to run a Celery worker")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        pytest.skip(f"Redis at {url} cannot be reached: {exc}")
    return url


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = create_project(tmp_path_factory.mktemp("e2e") / "notes", data={"package": PACKAGE})
    (root / "specs" / "Note.yaml").write_text(NOTE, encoding="utf-8")
    apply_plan(plan_generation(load_project(root)), root)
    tasks = root / PACKAGE / "tasks" / "NoteTasks.py"
    tasks.write_text(TASKS, encoding="utf-8")
    plan = plan_generation(load_project(root))
    assert plan.is_noop, "a second generate must leave the user's task module alone"
    assert tasks.read_text(encoding="utf-8") == TASKS
    return root


@dataclass
class Worker:
    """A running Celery worker of the project and the environment it was started with."""

    process: subprocess.Popen[bytes]
    log: Path
    env: dict[str, str]

    def wait_for(self, text: str, timeout: float = 60) -> str:
        """The worker's log once it contains `text`; fails if the worker dies or time runs out."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            content = self.log.read_text(encoding="utf-8", errors="replace")
            if text in content:
                return content
            returncode = self.process.poll()
            assert returncode is None, f"the worker exited with {returncode}:\n{content}"
            time.sleep(0.2)
        raise AssertionError(f"no {text!r} in the worker's log after {timeout} s:\n{content}")


@pytest.fixture
def worker(redis_url: str, project: Path, tmp_path: Path) -> Iterator[Worker]:
    """A Celery worker of the project on a migrated SQLite database, logging to a file."""
    database = f"sqlite+aiosqlite:///{tmp_path / 'app.db'}"
    env = {"DATABASE_URL": database, REDIS_VARIABLE: redis_url}
    run_gate(project, [sys.executable, "-m", "alembic", "upgrade", "head"], **env)
    log = tmp_path / "worker.log"
    command = [
        *(sys.executable, "-m", "celery", "-A", f"{PACKAGE}.core.worker", "worker"),
        *("--loglevel=INFO", "--pool=solo", "--without-gossip", "--without-mingle"),
    ]
    full_env = {**os.environ, "PYTHONPATH": str(project), **env}
    with log.open("w") as output:
        process = subprocess.Popen(
            command, cwd=project, env=full_env, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        running = Worker(process=process, log=log, env=env)
        running.wait_for("ready.")
        yield running
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_a_created_row_runs_its_task_in_the_worker(worker: Worker, project: Path) -> None:
    output = run_gate(project, [sys.executable, "-c", POST_A_NOTE], **worker.env)
    note_id = output.splitlines()[0]  # stdout first, then the log lines on stderr
    log = worker.wait_for(f"note {note_id} was committed as 'hello'")
    task = f"Task {PACKAGE}.tasks.NoteTasks.note_created["
    assert task in log
    assert "succeeded" in worker.wait_for("succeeded").split(task, 1)[1]
