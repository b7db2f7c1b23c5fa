"""docs/rules.md documents every rule, and its Python examples do what they say.

Each rule's section has a bad and a good example; a bad Python example is reported under its
code, and the good one is not.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from corpus_support import make_project
from fortress_testing import REPO

from fortress_gen.check.registry import RULES
from fortress_gen.check.runner import run_check

DOC = (REPO / "docs" / "rules.md").read_text("utf-8")
_SECTION = re.compile(r"^## (FTR\d{3}) (\S+)\n(.*?)(?=^## |\Z)", re.MULTILINE | re.DOTALL)
_EXAMPLE = re.compile(
    r"^(?P<kind>Bad|Good)(?: \(`(?P<path>[^`]+)`[^)]*\))?:\n\n```(?P<lang>\w*)\n(?P<code>.*?)^```",
    re.MULTILINE | re.DOTALL,
)
SECTIONS = {code: (name, body) for code, name, body in _SECTION.findall(DOC)}


def test_every_rule_has_a_section_under_its_name() -> None:
    assert {code: name for code, (name, _) in SECTIONS.items()} == {
        code: rule.name for code, rule in RULES.items()
    }


@pytest.mark.parametrize("code", sorted(c for c in RULES if c != "FTR001"))
def test_every_rule_has_a_bad_and_a_good_example(code: str) -> None:
    body = SECTIONS[code][1]
    assert "Bad" in body and "Good" in body and "Fix: " in body


def _python_examples() -> list[tuple[str, str, str, str]]:
    found = []
    for code, (_, body) in sorted(SECTIONS.items()):
        path = None
        for match in _EXAMPLE.finditer(body):
            path = match.group("path") or path
            if match.group("lang") == "python":
                assert path is not None, f"{code}: a Python example needs a path"
                found.append((code, match.group("kind"), path, match.group("code")))
    return found


EXAMPLES = _python_examples()


def test_the_layer_and_code_rules_have_python_examples() -> None:
    covered = {code for code, kind, _, _ in EXAMPLES if kind == "Bad"}
    assert covered == {c for c in RULES if c[3] in "1234" and c != "FTR001"}


@pytest.mark.parametrize(
    ("code", "kind", "path", "text"), EXAMPLES, ids=[f"{e[0]}-{e[1]}" for e in EXAMPLES]
)
def test_examples_do_what_they_say(
    code: str, kind: str, path: str, text: str, tmp_path: Path
) -> None:
    root = make_project(tmp_path / "project", files={path: text})
    findings = run_check(root, [root / path], select=[code], cwd=root).findings
    if kind == "Bad":
        assert findings, f"the bad example of {code} is not reported"
    else:
        assert findings == (), f"the good example of {code} is reported: {findings}"
