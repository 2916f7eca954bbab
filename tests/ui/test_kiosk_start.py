"""The start path: no Qt enums or types its first frame does not need, no PIN or record modules, no run record."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reflexmap import fast_start

ROOT = Path(__file__).resolve().parents[2]

PROBE = textwrap.dedent(
    """
    import sys
    import PySide6.QtCore as QtCore
    import PySide6.QtGui as QtGui
    from reflexmap import cli
    status = cli.main(sys.argv[1:])
    watched = ("hashlib", "json", "segno", "msgspec", "psutil", "reflexmap.player")
    loaded = [name for name in watched if name in sys.modules]
    # Qt classes whose Python types (and enums) PySide6 builds only once something touches them
    classes = [name for name in ("QIcon", "QDataStream") if name in vars(QtGui) or name in vars(QtCore)]
    print(status, "Qt" in vars(QtCore), ",".join(loaded + classes))
    """
)


def _start(*args: str, cwd: Path) -> tuple[int, bool, list[str]]:
    """Run the command line's start in a fresh interpreter; its status, whether Qt's enums were built, what loaded.

    What loaded includes the Qt classes of those watched that PySide6 made Python types for.
    """
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=120, env=env, cwd=cwd, check=False
    )
    assert result.returncode == 0, result.stderr
    status, built, loaded = (result.stdout.strip().splitlines()[-1].split(" ") + [""])[:3]
    return int(status), built == "True", [m for m in loaded.split(",") if m]


def test_the_kiosk_start_never_builds_qt_enums(tmp_path: Path) -> None:
    """PySide6 builds every enum of Qt's namespace the first time anything touches it (12 ms): a warm kiosk
    start, to its first frame (the attract loop with its highlighted zone, QR code and logo), never does.

    The first start parses the art (as the desktop's does) and checks the config, then remembers them.
    """
    example = ROOT / "docs" / "kiosk-example"
    for name in ("config.toml", "logo.svg"):
        (tmp_path / name).write_bytes((example / name).read_bytes())
    args = ("--kiosk", "--config", str(tmp_path / "config.toml"), "--screenshot", str(tmp_path / "kiosk.png"))
    _start(*args, cwd=tmp_path)
    status, built, loaded = _start(*args, cwd=tmp_path)
    assert status == 0 and (tmp_path / "kiosk.png").stat().st_size > 10_000
    assert not built
    # the PIN's hashing, the routine player, the staff panel's psutil, the QR encoder and the config's parser
    # all wait for the moment they are needed (json does not: the checked files come back from JSON entries)
    assert not {"hashlib", "reflexmap.player", "psutil", "segno", "msgspec", "QIcon"} & set(loaded), loaded


def test_the_desktop_start_builds_neither_qts_enums_nor_types_its_first_frame_does_not_need(tmp_path: Path) -> None:
    """A warm desktop screenshot: no Qt namespace, no icon (set once a window is on a screen), no stream reader."""
    args = ("--screenshot", str(tmp_path / "app.png"), "--size", "1280x800")
    _start(*args, cwd=tmp_path)
    status, built, loaded = _start(*args, cwd=tmp_path)
    assert status == 0 and (tmp_path / "app.png").stat().st_size > 10_000
    assert not built
    assert not {"QIcon", "QDataStream", "reflexmap.player", "segno", "msgspec"} & set(loaded), loaded


def test_a_lazy_module_is_imported_when_first_used() -> None:
    name = "this_module_does_not_exist_yet"
    stand_in = fast_start.lazy_module(name)  # no error now: nothing is imported yet
    assert stand_in.__name__ == name
    with pytest.raises(ModuleNotFoundError):
        stand_in.anything  # noqa: B018 - the first use imports it
    assert fast_start.lazy_module("math").sqrt(9) == 3
