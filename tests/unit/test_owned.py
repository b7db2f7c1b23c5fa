"""User-owned files (entity task modules): written once, then left alone unless they lack a
name the generated code imports."""

from __future__ import annotations

from pathlib import Path

import pytest
from fortress_testing import generate, new_project

from fortress_gen.config import ProjectConfig
from fortress_gen.generate import plan_generation
from fortress_gen.plan.owned import plan_owned
from fortress_gen.render.background import tasks_module
from fortress_gen.spec.model import EntitySpec
from fortress_gen.spec.project import load_project

TASKS = "app/tasks/NoteTasks.py"
FRESH = "def note_created(note_id: int) -> None:\n    pass\n"
NOTE = """\
entity: Note
fields:
  title: str
events: [created]
"""


def _write(root: Path, text: str) -> None:
    (root / TASKS).parent.mkdir(parents=True, exist_ok=True)
    (root / TASKS).write_text(text, encoding="utf-8")


def test_a_missing_file_is_created(tmp_path: Path) -> None:
    (op,) = plan_owned(tmp_path, {TASKS: (FRESH, ("note_created",))})
    assert (op.status, op.kind, op.content) == ("create", "owned", FRESH)


@pytest.mark.parametrize(
    "text",
    [
        FRESH,
        "import logging\n\ndef note_created(note_id: int) -> None:\n    logging.warning('mine')\n",
        "from somewhere import note_created\n",
        "note_created = make_task()\n",
    ],
)
def test_a_file_that_defines_the_names_is_kept(tmp_path: Path, text: str) -> None:
    _write(tmp_path, text)
    (op,) = plan_owned(tmp_path, {TASKS: (FRESH, ("note_created",))})
    assert (op.status, op.content) == ("identical", None)


def test_a_file_without_a_needed_name_is_left_alone_and_blocks(tmp_path: Path) -> None:
    _write(tmp_path, FRESH)
    both = FRESH + "\n\ndef note_deleted(note_id: int) -> None:\n    pass\n"
    (op,) = plan_owned(tmp_path, {TASKS: (both, ("note_created", "note_deleted"))})
    assert (op.status, op.blocking, op.content) == ("skip", True, both)
    assert op.reason is not None and "lacks note_deleted," in op.reason
    assert op.old == FRESH


def test_a_file_that_does_not_parse_is_left_alone_and_blocks(tmp_path: Path) -> None:
    _write(tmp_path, "def note_created(:\n")
    (op,) = plan_owned(tmp_path, {TASKS: (FRESH, ("note_created",))})
    assert (op.status, op.blocking, op.reason) == ("skip", True, "yours, but it does not parse")


def test_generate_writes_the_task_module_once(tmp_path: Path, template_cache: Path) -> None:
    root = new_project(tmp_path / "p", template_cache)
    (root / "specs" / "Note.yaml").write_text(NOTE, encoding="utf-8")
    assert TASKS in generate(root)
    mine = (
        (root / TASKS)
        .read_text(encoding="utf-8")
        .replace('logger.info("Note %s created", note_id)', "send_mail(note_id)")
    )
    (root / TASKS).write_text(mine, encoding="utf-8")
    plan = plan_generation(load_project(root))
    assert plan.is_noop
    assert not plan.conflicts
    assert TASKS not in plan.lock.files
    (root / TASKS).unlink()
    assert generate(root) == [TASKS]


@pytest.mark.parametrize(
    ("style", "path"), [("fortress", "app/tasks/NoteTasks.py"), ("pep8", "app/tasks/note_tasks.py")]
)
def test_the_task_module_follows_the_naming_style(style: str, path: str) -> None:
    config = ProjectConfig(package="app", style=style)
    spec = EntitySpec(entity="Note", events=("created",))
    assert tasks_module(spec, config).path == path
