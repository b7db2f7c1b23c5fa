"""The fast forms of `fortress check` give what the plain forms give.

Large checks fork workers (`fortress_gen.check.parallel`), and a plain `fortress check`
command line runs without typer (`fortress_gen.check.command`): both must be invisible
in the output.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from corpus_support import CORPUS, make_project, sections

from fortress_gen import _entry
from fortress_gen.check import parallel
from fortress_gen.check.command import parse
from fortress_gen.check.runner import run_check
from fortress_gen.check.source import SourceFile
from fortress_gen.cli import main as typer_main


def _corpus_project(root: Path, style: str) -> Path:
    """A project holding every corpus section of `style` (the first one of each path)."""
    files: dict[str, str] = {}
    for name in sorted(p.name for p in CORPUS.glob("*.txt") if p.name != "_support.txt"):
        for section in sections(name):
            if section.style == style:
                files.setdefault(section.path, section.text)
    return make_project(root, style, files)


@pytest.mark.parametrize("style", ["fortress", "pep8"])
def test_forked_workers_find_what_one_process_finds(
    style: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _corpus_project(tmp_path / "project", style)
    monkeypatch.setenv("FORTRESS_CHECK_JOBS", "1")
    serial = run_check(root, cwd=root, use_cache=False)
    assert serial.findings
    for jobs in ("2", "3"):
        monkeypatch.setenv("FORTRESS_CHECK_JOBS", jobs)
        assert run_check(root, cwd=root, use_cache=False) == serial


def test_a_failed_worker_has_its_share_checked_again(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORTRESS_CHECK_JOBS", "3")
    sources = [SourceFile(f"m{i}.py", f"app/m{i}.py", b"x = 1\n" * i, "app") for i in range(9)]
    parent = os.getpid()

    def check(chunk: Sequence[SourceFile]) -> list[str]:
        if os.getpid() != parent:
            raise RuntimeError("a worker fails")
        return [s.path for s in chunk]

    assert parallel.in_parallel(sources, check) == [s.path for s in sources]


def test_small_checks_do_not_fork(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FORTRESS_CHECK_JOBS", raising=False)
    assert parallel.jobs(10_000) == 1


def _run(
    entry: object,
    args: Sequence[str],
    cwd: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> tuple[int, str, str]:
    monkeypatch.chdir(cwd)
    monkeypatch.setattr(sys, "argv", ["fortress", *args])
    capsys.readouterr()
    code = 0
    try:
        entry()  # type: ignore[operator]
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    out, err = capsys.readouterr()
    return code, out, err


BAD = "from app.repositories.OrderRepository import OrderRepository\n"


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("--no-cache",),
        ("--format", "json"),
        ("--format=github", "--no-hints"),
        ("--format", "sarif", "app"),
        ("--select", "FTR1", "--ignore", "FTR107", "--ignore=FTR405"),
        ("--select=FTR101,FTR102",),
        ("--format", "bogus"),
        ("--ignore", "E501"),
        ("nowhere.py",),
        ("app/api",),
        ("--list-rules",),
        ("--no-such-option",),
        ("--format",),
    ],
)
def test_the_console_script_answers_like_the_typer_command(
    args: tuple[str, ...],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = make_project(tmp_path / "project", files={"app/api/v1/endpoints/orders.py": BAD})
    argv = ("check", *args)
    fast = _run(_entry.main, argv, root, monkeypatch, capsys)
    slow = _run(typer_main, argv, root, monkeypatch, capsys)
    assert fast == slow


def test_the_root_option_and_a_missing_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_project(tmp_path / "project", files={"app/api/v1/endpoints/orders.py": BAD})
    for argv, cwd in ((("check", "--root", str(root)), tmp_path), (("check",), tmp_path)):
        fast = _run(_entry.main, argv, cwd, monkeypatch, capsys)
        assert fast == _run(typer_main, argv, cwd, monkeypatch, capsys)
    assert fast[0] == 2


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["-h"],
        ["--list-rules"],
        ["--"],
        ["-"],
        ["--format"],
        ["--root", "-x"],
        ["-Cdir"],
        ["--format", "json", "--format", "text"],
        ["--no-cache=1"],
    ],
)
def test_command_lines_typer_must_read(argv: list[str]) -> None:
    assert parse(argv) is None


def test_a_plain_check_imports_neither_typer_nor_pydantic(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project")
    code = (
        "import sys\n"
        "sys.argv = ['fortress', 'check', '--no-cache', '--ignore', 'FTR501,FTR502']\n"
        "from fortress_gen._entry import main\n"
        "try:\n    main()\nexcept SystemExit as exc:\n    code = exc.code\n"
        "heavy = ('typer', 'pydantic', 'jinja2', 'libcst')\n"
        "print(code, sorted(m for m in heavy if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert done.stdout.split("\n")[-2] == "0 []", done.stderr
