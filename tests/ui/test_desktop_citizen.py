"""A proper desktop citizen: an icon, a desktop entry that goes in and out cleanly, valid AppStream metadata."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from reflexmap.app.build import Built
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
    # the window's WM_CLASS class (tests/support/real.py): the dock shows the running window as this entry
    assert desktop["StartupWMClass"] == "reflexmap"
    for key in ("GenericName", "Comment"):  # in Ukrainian too, not a copy of the English
        uk = desktop[f"{key}[uk]"]
        assert uk != desktop[key] and any("\u0400" <= ch <= "\u04ff" for ch in uk), (key, uk)
    exec_line = desktop["Exec"].split()
    assert Path(exec_line[0]).exists()  # this very installation
    removed = _run("install-desktop", "--uninstall", env=env)
    assert removed.returncode == 0 and not entry.exists() and not icon.exists()


def test_the_desktop_entry_is_valid(tmp_path: Path) -> None:
    validate = shutil.which("desktop-file-validate")
    if validate is None:
        pytest.skip("needs desktop-file-validate (Debian package desktop-file-utils)")
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    assert _run("install-desktop", env=env).returncode == 0
    entry = tmp_path / "applications" / "reflexmap.desktop"
    check = subprocess.run([validate, str(entry)], capture_output=True, text=True, timeout=60, check=False)
    # it exits 0 on hints too, but prints them: a clean entry says nothing
    assert check.returncode == 0 and not (check.stdout + check.stderr).strip(), check.stdout + check.stderr


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


def test_the_window_has_the_app_icon_once_it_is_on_the_screen(
    make_built: Callable[..., Built], monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from reflexmap.app.runner import run_desktop
    from reflexmap.options import WindowOptions

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setWindowIcon(QIcon())
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_desktop logs uncaught exceptions from here on
    built = make_built("--size", "900x600", show=False)
    seen: list[QIcon] = []

    def look() -> None:
        seen.append(built.window.windowIcon())
        app.exit(0)

    QTimer.singleShot(1000, look)  # the first frame is long drawn by then
    assert run_desktop(app, built, WindowOptions(size=(900, 600))) == 0
    icon = seen[0]
    assert not icon.isNull() and not icon.pixmap(64, 64).toImage().isNull()
    assert icon.pixmap(64, 64).toImage() == QIcon(str(asset_path("icons/reflexmap.svg"))).pixmap(64, 64).toImage()
