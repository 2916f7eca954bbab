"""A proper desktop citizen: an icon, a desktop entry that goes in and out cleanly, valid AppStream metadata."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reflexmap.resources import asset_path

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reflexmap", *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_install_desktop_writes_an_entry_and_icon_that_start_this_app_and_uninstall_removes_them(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "XDG_DATA_HOME": str(data)}
    result = _run("install-desktop", env=env)
    assert result.returncode == 0, result.stderr
    entry = data / "applications" / "reflexmap.desktop"
    icon = data / "icons" / "hicolor" / "scalable" / "apps" / "reflexmap.svg"
    assert entry.is_file() and icon.read_bytes() == asset_path("icons/reflexmap.svg").read_bytes()
    parsed = configparser.ConfigParser(interpolation=None)
    parsed.optionxform = str  # type: ignore[assignment,method-assign]
    parsed.read(entry, encoding="utf-8")
    desktop = parsed["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Icon"] == "reflexmap"
    assert desktop["StartupWMClass"] == "reflexmap" and "uk" in desktop["Comment[uk]"] or desktop["Comment[uk]"]
    exec_line = desktop["Exec"].split()
    assert Path(exec_line[0]).exists()  # this very installation
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False)
        assert check.returncode == 0, check.stdout + check.stderr
    removed = _run("install-desktop", "--uninstall", env=env)
    assert removed.returncode == 0 and not entry.exists() and not icon.exists()


def test_the_metainfo_is_valid_appstream() -> None:
    appstreamcli = shutil.which("appstreamcli")
    if appstreamcli is None:
        pytest.skip("needs appstreamcli (Debian package appstream)")
    result = subprocess.run(
        [appstreamcli, "validate", "--no-net", str(ROOT / "packaging" / "reflexmap.metainfo.xml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_window_has_the_app_icon(make_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    make_window()
    icon = QApplication.windowIcon()
    assert not icon.isNull() and not icon.pixmap(64, 64).toImage().isNull()
