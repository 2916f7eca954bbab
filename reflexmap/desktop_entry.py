"""A desktop entry and icon for the app menu, written into the user's XDG folders (and taken out again).  No Qt.

``reflexmap install-desktop`` puts ``reflexmap.desktop`` in
``$XDG_DATA_HOME/applications`` and the icon in
``$XDG_DATA_HOME/icons/hicolor/scalable/apps``; ``--uninstall`` removes
exactly those two files.  The entry starts this very installation (the
``reflexmap`` command beside the running Python, as pip installed it).
"""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

from reflexmap import __version__
from reflexmap.files import write_atomic
from reflexmap.resources import asset_path

__all__ = ["DESKTOP_ID", "install", "uninstall"]

DESKTOP_ID = "reflexmap"


def _data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def entry_path() -> Path:
    return _data_home() / "applications" / f"{DESKTOP_ID}.desktop"


def icon_path() -> Path:
    return _data_home() / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg"


def _command() -> str:
    script = Path(sys.executable).with_name("reflexmap")
    argv = [str(script)] if script.exists() else [sys.executable, "-m", "reflexmap"]
    return " ".join(shlex.quote(a) for a in argv)


def entry_text() -> str:
    """The desktop entry, in both languages."""
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Version=1.4",  # the newest desktop-file-validate knows in Debian 12; nothing of 1.5 is used
            "Name=reflexmap",
            "GenericName=Foot massage map",
            "GenericName[uk]=Карта масажу стоп",
            "Comment=Foot reflex zones and guided self-massage routines",
            "Comment[uk]=Рефлекторні зони стоп і програми самомасажу",
            f"Exec={_command()}",
            f"Icon={DESKTOP_ID}",
            "Terminal=false",
            "Categories=Education;MedicalSoftware;",  # one main category, as the metainfo: in the menu once
            "Keywords=massage;foot;reflexology;acupressure;",
            "Keywords[uk]=масаж;стопа;рефлексотерапія;акупресура;",
            f"StartupWMClass={DESKTOP_ID}",
            f"X-Reflexmap-Version={__version__}",
            "",
        ]
    )


def install() -> list[Path]:
    """Write the entry and the icon; what was written."""
    written = []
    for path, data in (
        (entry_path(), entry_text().encode("utf-8")),
        (icon_path(), asset_path("icons/reflexmap.svg").read_bytes()),
    ):
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
        written.append(path)
    return written


def uninstall() -> list[Path]:
    """Remove the entry and the icon (only reflexmap's own); what was removed."""
    removed = []
    for path in (entry_path(), icon_path()):
        if path.is_file() and not path.is_symlink():
            path.unlink()
            removed.append(path)
    return removed
