"""The one place that knows where the bundled assets live.

In a wheel the ``assets/`` folder is installed as ``reflexmap/assets``; in a
source checkout it sits next to the package.  Everything else asks here.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def assets_dir() -> Path:
    """The folder that holds the bundled art, content, routines and fonts."""
    installed = _PACKAGE / "assets"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / "assets"


def asset_path(name: str) -> Path:
    """The bundled file ``name`` (e.g. ``"art/feet.svg"``); raises if it is unknown."""
    path = assets_dir() / name
    if not path.exists():
        raise FileNotFoundError(f"reflexmap has no bundled asset named {name!r} (looked in {assets_dir()})")
    return path
