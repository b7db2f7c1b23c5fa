"""Findings as text (like ruff), JSON, GitHub Actions annotations or SARIF 2.1.0."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Literal

from fortress_gen import __version__
from fortress_gen.check.registry import RULES, Finding

__all__ = ["FORMATS", "Format", "render"]

Format = Literal["text", "json", "github", "sarif"]
FORMATS: tuple[Format, ...] = ("text", "json", "github", "sarif")


def render(findings: Sequence[Finding], fmt: Format, *, hints: bool = True) -> str:
    """The findings in one format; empty text output when there are none."""
    if fmt == "json":
        return json.dumps([_as_dict(f) for f in findings], indent=2) + "\n"
    if fmt == "github":
        return "".join(_github(f) for f in findings)
    if fmt == "sarif":
        return json.dumps(_sarif(findings), indent=2) + "\n"
    lines = []
    for item in findings:
        lines.append(f"{item.path}:{item.line}:{item.column}: {item.code} {item.message}\n")
        if hints:
            lines.append(f"  help: {item.rule.hint}\n")
    return "".join(lines)


def _as_dict(item: Finding) -> dict[str, Any]:
    return {
        "code": item.code,
        "name": item.rule.name,
        "message": item.message,
        "hint": item.rule.hint,
        "path": item.path,
        "line": item.line,
        "column": item.column,
    }


def _escape(text: str, *, property_value: bool = False) -> str:
    """Escape a workflow-command value (GitHub's `toolkit/core` command encoding)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def _github(item: Finding) -> str:
    props = (
        f"file={_escape(item.path, property_value=True)},line={item.line},col={item.column},"
        f"title={_escape(f'{item.code} {item.rule.name}', property_value=True)}"
    )
    return f"::error {props}::{_escape(f'{item.code} {item.message}')}\n"


def _sarif(findings: Sequence[Finding]) -> dict[str, Any]:
    used = sorted({f.code for f in findings})
    index = {code: i for i, code in enumerate(used)}
    rules = [
        {
            "id": code,
            "name": RULES[code].name,
            "shortDescription": {"text": RULES[code].message},
            "fullDescription": {"text": RULES[code].message},
            "help": {"text": RULES[code].hint},
            "defaultConfiguration": {"level": "error"},
        }
        for code in used
    ]
    results = [
        {
            "ruleId": item.code,
            "ruleIndex": index[item.code],
            "level": "error",
            "message": {"text": f"{item.message} ({item.rule.hint})"},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": item.path},
                        "region": {"startLine": item.line, "startColumn": item.column},
                    }
                }
            ],
        }
        for item in findings
    ]
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "fortress",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }
