"""Shared fixtures: the golden-file update flag, a frozen clock, a cache of rendered templates."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fortress_testing import FROZEN_EPOCH, FROZEN_NOW, REPO, generate, new_project

__all__ = ["FROZEN_EPOCH", "FROZEN_NOW", "REPO", "generate", "new_project"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite tests/golden/*/expected and examples/* from the current output.",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(autouse=True)
def _frozen_source_date(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(FROZEN_EPOCH))
    yield


@pytest.fixture(scope="session")
def template_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("templates")
