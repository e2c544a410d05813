"""Files the explorer reads at run time (its assets, the embedded demo): checkout or wheel."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
CHECKOUT = PACKAGE.parent


def resource(packaged: str, checkout: str) -> Path:
    """``explorer/<packaged>`` in an installed wheel (pyproject.toml maps the top-level folder
    there), else ``<checkout>`` beside ``explorer/`` in a clone. The wheel's copy is looked for
    first: next to an installed ``explorer`` lies site-packages, whose folders are not ours."""
    installed = PACKAGE / packaged
    return installed if installed.is_dir() else CHECKOUT / checkout


ASSETS = resource("_assets", "assets")
DEMO = resource("_demo", "examples/demo") / "app.py"
