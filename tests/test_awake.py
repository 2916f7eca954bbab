"""Keeping the screen awake: the inhibit request really reaches a screen-saver service on a session bus."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

#: A stand-in for the desktop's org.freedesktop.ScreenSaver: writes every call to a file.
FAKE_SERVICE = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QCoreApplication, QObject, Slot
    from PySide6.QtDBus import QDBusConnection

    log = open(sys.argv[1], "a", buffering=1)

    class ScreenSaver(QObject):
        @Slot(str, str, result="uint")
        def Inhibit(self, app, reason):
            log.write(f"Inhibit {app} {reason}\\n")
            return 42

        @Slot("uint")
        def UnInhibit(self, cookie):
            log.write(f"UnInhibit {cookie}\\n")

    app = QCoreApplication([])
    bus = QDBusConnection.sessionBus()
    service = ScreenSaver()
    assert bus.registerObject("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", service,
                              QDBusConnection.RegisterOption.ExportAllSlots)
    assert bus.registerService("org.freedesktop.ScreenSaver")
    log.write("ready\\n")
    app.exec()
    """
)

#: What the Routines tab does while a routine plays, then after it stops.
CLIENT = textwrap.dedent(
    """
    from PySide6.QtCore import QCoreApplication
    from reflexmap.awake import ScreenAwake

    app = QCoreApplication([])
    awake = ScreenAwake()
    print("held", awake.hold("A massage routine is playing"), awake.holding)
    print("again", awake.hold("A massage routine is playing"))
    awake.release()
    print("released", awake.holding)
    """
)


@pytest.fixture
def session_bus(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A private D-Bus session bus; the environment that points at it."""
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("needs dbus-daemon (Debian package dbus)")
    proc = subprocess.Popen([daemon, "--session", "--nofork", "--print-address"], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    address = proc.stdout.readline().strip()
    env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=address, QT_QPA_PLATFORM="offscreen")
    yield env
    proc.terminate()
    proc.wait(timeout=10)


def test_the_screen_saver_is_inhibited_once_while_held_and_let_go_after(
    session_bus: dict[str, str], tmp_path: Path
) -> None:
    calls = tmp_path / "calls.txt"
    service = subprocess.Popen([sys.executable, "-c", FAKE_SERVICE, str(calls)], env=session_bus)
    try:
        deadline = time.monotonic() + 20
        while "ready" not in (calls.read_text() if calls.exists() else ""):
            assert time.monotonic() < deadline and service.poll() is None, "the stand-in service did not start"
            time.sleep(0.05)
        client = subprocess.run(
            [sys.executable, "-c", CLIENT], env=session_bus, capture_output=True, text=True, timeout=60, check=False
        )
    finally:
        service.terminate()
        service.wait(timeout=10)
    assert client.returncode == 0, client.stderr
    assert client.stdout.split("\n")[:3] == ["held True True", "again True", "released False"]
    assert calls.read_text().splitlines()[1:] == ["Inhibit reflexmap A massage routine is playing", "UnInhibit 42"]


def test_without_a_screen_saver_service_holding_says_so_once_and_the_app_goes_on(session_bus: dict[str, str]) -> None:
    code = CLIENT + "print('ok')\n"
    client = subprocess.run(
        [sys.executable, "-c", code], env=session_bus, capture_output=True, text=True, timeout=60, check=False
    )
    assert client.returncode == 0, client.stderr
    assert client.stdout.split("\n")[:4] == ["held False False", "again False", "released False", "ok"]
