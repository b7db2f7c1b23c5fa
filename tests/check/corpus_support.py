"""The check corpus: files written as sections of text, each checked in a project of its own.

A corpus file (``corpus/*.txt``) holds sections; each starts with a header line

    # === app/api/v1/endpoints/orders.py

(add `` [pep8]`` to check it in a pep8-style project). Lines of a section are numbered from
1 after its header. A comment ``# expect: FTR101@1 FTR102@5`` on a line says which findings
that line must get (code @ column); a section without one must get none. Every section is
checked together with the clean support files of ``corpus/_support.txt``, in a project with
the specs Order and Customer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

CORPUS = Path(__file__).parent / "corpus"
_HEADER = re.compile(r"^# === (?P<path>\S+)(?: \[(?P<style>pep8)\])?\s*$")
_EXPECT = re.compile(r"#.*?expect: (?P<items>(?:FTR\d{3}@\d+\s*)+)")


@dataclass(frozen=True)
class Section:
    """One file of the corpus."""

    source: str  # corpus file and line, for test ids and messages
    path: str
    style: str
    text: str

    @property
    def expected(self) -> set[tuple[int, int, str]]:
        """(line, column, code) of every finding the section must get."""
        found: set[tuple[int, int, str]] = set()
        for number, line in enumerate(self.text.splitlines(), start=1):
            match = _EXPECT.search(line)
            if match:
                for item in match.group("items").split():
                    code, column = item.split("@")
                    found.add((number, int(column), code))
        return found


def sections(name: str) -> list[Section]:
    """The sections of ``corpus/<name>``."""
    found: list[Section] = []
    current: tuple[int, str, str] | None = None
    lines: list[str] = []

    def close() -> None:
        if current is not None:
            start, path, style = current
            found.append(Section(f"{name}:{start}", path, style, "\n".join(lines) + "\n"))

    for number, line in enumerate((CORPUS / name).read_text("utf-8").splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            close()
            current = (number, header.group("path"), header.group("style") or "fortress")
            lines = []
        else:
            lines.append(line)
    close()
    return found


def make_project(root: Path, style: str = "fortress", files: dict[str, str] | None = None) -> Path:
    """A minimal project: fortress.yaml, two specs, the support files, and `files`."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "fortress.yaml").write_text(f"package: app\nstyle: {style}\n", "utf-8")
    (root / "specs").mkdir(exist_ok=True)
    (root / "specs" / "Order.yaml").write_text("entity: Order\nfields:\n  number: str\n", "utf-8")
    (root / "specs" / "Customer.yaml").write_text(
        "entity: Customer\nfields:\n  name: str\n  api_token: str\n"
        "  password_hash: {type: str, secret: true}\n",
        "utf-8",
    )
    support = {s.path: s.text for s in sections("_support.txt")}
    if style == "pep8":
        support = {
            path.replace("OrderSchema", "order_schema")
            .replace("OrderRepository", "order_repository")
            .replace("OrderService", "order_service")
            .replace("models/Order.py", "models/order.py"): text.replace(
                "app.schemas.OrderSchema", "app.schemas.order_schema"
            )
            .replace("app.repositories.OrderRepository", "app.repositories.order_repository")
            .replace("app.services.OrderService", "app.services.order_service")
            .replace("app.models.Order ", "app.models.order ")
            for path, text in support.items()
        }
    for path, text in {**support, **(files or {})}.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8")
    return root
