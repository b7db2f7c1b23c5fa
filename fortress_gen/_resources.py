"""Where the templates live: inside the installed wheel, or at the root of a source checkout.

The wheel carries `copier.yml` and `templates/` inside the package (pyproject.toml
force-includes them as `fortress_gen/copier.yml` and `fortress_gen/templates`); a source
checkout keeps both at the repository root, where `copier copy <repo>` expects them.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["copier_root", "templates_root"]

_PACKAGE_DIR = Path(__file__).resolve().parent


def copier_root() -> Path:
    """Return the directory holding `copier.yml`, the source of the project template."""
    if (_PACKAGE_DIR / "copier.yml").is_file():
        return _PACKAGE_DIR
    return _PACKAGE_DIR.parent


def templates_root() -> Path:
    """Return the directory holding the `entity/`, `migration/` and `project/` templates."""
    return copier_root() / "templates"
