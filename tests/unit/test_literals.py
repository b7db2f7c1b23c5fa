"""Literals for generated code: equal to the text, and clean under ruff's RUF001-003/E501."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from fortress_gen.literals import py_str, py_text
from fortress_gen.render.fields import docstring

TEXTS = [
    "pending",
    'say "hi"',
    "it's",
    "both \"' quotes",
    "back\\slash",
    "tab\there, NUL \x00 and \U000fadf8",
    "5 × 3 – the user’s “quote”",
    "a\u00a0no-break space",
    "Оrder with a Cyrillic O",
    "α lone Greek letter",
    "Привет мир, 日本語, Größe, naïve café",
    "x" * 150,
    "a long text " * 20,
]


@pytest.mark.parametrize("text", TEXTS)
def test_literals_equal_the_text(text: str) -> None:
    assert ast.literal_eval(py_str(text)) == text
    assert ast.literal_eval(py_text(text)) == text


def test_literals_pass_the_generated_projects_lint(tmp_path: Path) -> None:
    lines = [f"V{i} = dict(description={py_text(text)})" for i, text in enumerate(TEXTS)]
    lines += [
        f'def f{i}() -> None:\n    """{docstring(text, indent=4)}"""'
        for i, text in enumerate(TEXTS[6:11])
    ]
    source = tmp_path / "literals.py"
    source.write_text("\n\n\n".join(lines) + "\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--isolated", "--line-length", "100", str(source)],
        check=True,
        capture_output=True,
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "--isolated",
            "--line-length",
            "100",
            "--select",
            "E501,RUF001,RUF002,RUF003",
            str(source),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout
