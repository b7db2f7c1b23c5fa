#!/usr/bin/env python3
"""Set up a development environment and run the demo or the test suite.

    python3 scripts/dev.py demo   # set up, generate a project from examples/shop, show it working
    python3 scripts/dev.py test   # set up, run the whole test suite (what CI runs)

Needs only Python 3.11+ and git. The virtual environment lives in .venv and is refreshed when
pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / "python"
STAMP = VENV / ".fortress-setup"


def run(*args: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None) -> None:
    """Run a command, echoing it; stop with its exit code if it fails."""
    print("+", " ".join(str(a) for a in args), flush=True)
    result = subprocess.run([str(a) for a in args], cwd=cwd, env=env, check=False)
    if result.returncode != 0:
        sys.exit(result.returncode)


def setup() -> None:
    """Create .venv and install Fortress with its dev extra, once per pyproject.toml."""
    if sys.version_info < (3, 11):  # noqa: UP036 - any python3 may run this script
        sys.exit(f"Python 3.11+ is needed; this is {sys.version.split()[0]}")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.is_file() and STAMP.read_text() == wanted and PYTHON.exists():
        return
    if not PYTHON.exists():
        run(sys.executable, "-m", "venv", VENV)
    run(PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(PYTHON, "-m", "pip", "install", "--quiet", "-e", ".[dev]")
    STAMP.write_text(wanted)


def _request(
    method: str, url: str, body: dict[str, object] | None = None, token: str | None = None
) -> dict[str, object]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token is not None:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as error:
        return json.loads(error.read())


def _show(
    method: str, url: str, body: dict[str, object] | None = None, token: str | None = None
) -> dict[str, object]:
    """Send a request, print it and its answer, and return the answer."""
    answer = _request(method, url, body, token)
    sent = " (with the token)" if token else ""
    print(f"{method} /{url.split('//', 1)[1].split('/', 1)[1]}{sent} ->", json.dumps(answer))
    return answer


def demo() -> None:
    """Make a project, generate examples/shop into it, run its gates and serve a few requests."""
    fortress = BIN / "fortress"
    target = ROOT / "demo"
    if target.exists():
        shutil.rmtree(target)
    run(fortress, "new-project", target, "--data", "project_name=Shop")
    shutil.rmtree(target / "specs")
    shutil.copytree(ROOT / "examples" / "shop" / "specs", target / "specs")
    run(fortress, "generate", cwd=target)
    env = {**os.environ, "PYTHONPATH": str(target)}
    run(PYTHON, "-m", "alembic", "upgrade", "head", cwd=target, env=env)
    run(PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider", cwd=target, env=env)
    port = "8765"
    server = subprocess.Popen(
        [str(PYTHON), "-m", "uvicorn", "app.main:app", "--port", port, "--log-level", "warning"],
        cwd=target,
        env=env,
    )
    root = f"http://127.0.0.1:{port}"
    base = f"{root}/api/v1"
    try:
        for _ in range(50):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        login = {"email": "ada@example.com", "password": "correct horse battery"}
        _show("POST", f"{root}/auth/register", login)
        _show("GET", f"{base}/orders")  # no token: 401
        token = str(_show("POST", f"{root}/auth/login", login)["data"]["access_token"])  # type: ignore[index]
        customer = _show(
            "POST", f"{base}/customers", {"name": "Ada", "email": "ada@example.com"}, token
        )
        order = {
            "number": "A-1001",
            "total": "42.50",
            "placed_at": "2026-11-29T10:00:00Z",
            "customer_id": customer["data"]["id"],  # type: ignore[index]
        }
        _show("POST", f"{base}/orders", order, token)
        _show("GET", f"{base}/orders?limit=5", None, token)
        _show("GET", f"{base}/orders/999", None, token)
        _show("POST", f"{base}/orders", {**order, "number": "A-1002", "total": "-1"}, token)
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"\nThe demo project is in {target.relative_to(ROOT)}/ (app.db holds the rows above).")


WHEELHOUSE = ROOT / ".cache" / "wheelhouse"


def wheelhouse() -> None:
    """Wheels of Fortress's dependencies and build backend, for the pre-commit hook test.

    `pre-commit try-repo` installs the hook into its own virtualenv with pip; the test
    points pip at this folder with no index, so the test itself needs no network.
    Refreshed when pyproject.toml changes.
    """
    stamp = WHEELHOUSE / ".fortress-wheelhouse"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.is_file() and stamp.read_text() == wanted:
        return
    run(PYTHON, "-m", "pip", "wheel", "--quiet", "--wheel-dir", WHEELHOUSE, ".", "hatchling")
    stamp.write_text(wanted)


def test(extra: list[str]) -> None:
    """Run the whole suite: unit, golden, CLI, property and end-to-end tests."""
    wheelhouse()
    env = {**os.environ, "FORTRESS_WHEELHOUSE": str(WHEELHOUSE)}
    run(PYTHON, "-m", "pytest", "-q", "-p", "no:cacheprovider", *extra, env=env)


def main() -> None:
    """Entry point: `demo` or `test` (extra arguments go to pytest)."""
    if len(sys.argv) < 2 or sys.argv[1] not in {"demo", "test", "setup"}:
        sys.exit(__doc__)
    setup()
    if sys.argv[1] == "demo":
        demo()
    elif sys.argv[1] == "test":
        test(sys.argv[2:])


if __name__ == "__main__":
    main()
