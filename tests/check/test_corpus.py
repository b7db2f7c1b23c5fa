"""Every corpus file is reported exactly at its expected lines and columns, and nowhere else.

The violating sections carry ``# expect: CODE@COLUMN`` comments; the compliant look-alikes
carry none and must get no finding at all (from any rule).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_support import CORPUS, Section, make_project, sections

from fortress_gen.check.registry import RULES
from fortress_gen.check.runner import run_check

NOT_DRIFT = [code for code in RULES if code not in ("FTR501", "FTR502")]
SECTIONS = [
    s for f in sorted(CORPUS.glob("*.txt")) if f.name != "_support.txt" for s in sections(f.name)
]


def _found(root: Path, section: Section) -> set[tuple[int, int, str]]:
    result = run_check(root, [root / section.path], select=NOT_DRIFT, cwd=root)
    assert {f.path for f in result.findings} <= {section.path}
    return {(f.line, f.column, f.code) for f in result.findings}


@pytest.mark.parametrize("section", SECTIONS, ids=lambda s: f"{s.source}:{s.path}")
def test_corpus_section(section: Section, tmp_path: Path) -> None:
    root = make_project(tmp_path / "project", section.style, {section.path: section.text})
    assert _found(root, section) == section.expected


@pytest.mark.parametrize("style", ["fortress", "pep8"])
def test_support_files_are_clean(style: str, tmp_path: Path) -> None:
    root = make_project(tmp_path / "project", style)
    assert run_check(root, select=NOT_DRIFT, cwd=root).findings == ()


def test_every_rule_has_three_violating_sections() -> None:
    files: dict[str, set[str]] = {code: set() for code in RULES}
    for section in SECTIONS:
        for _, _, code in section.expected:
            files[code].add(section.source)
    thin = {
        code: len(s)
        for code, s in files.items()
        if len(s) < 3 and code not in ("FTR501", "FTR502", "FTR503")
    }
    assert thin == {}
