"""Kiosk mode: locked, self-resetting, staff exit behind a PIN, hot reload, watchdog."""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QImage
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from reflexmap.config import load_config
from reflexmap.kiosk import IdleState, PinGate, RunRecord, WatchdogNotifier, hash_pin, verify_pin
from reflexmap.player import State
from reflexmap.ui.kiosk_shell import Kiosk
from reflexmap.ui.main_window import MainWindow

PIN = "2468"
LOGO = """<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle cx="20" cy="20" r="18"/></svg>"""


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _config(folder: Path, **kiosk: object) -> Path:
    (folder / "logo.svg").write_text(LOGO, encoding="utf-8")
    lines = ['language = "uk"', "", "[kiosk]", f'pin_hash = "{hash_pin(PIN, iterations=1000)}"']
    lines += [f"{k} = {v!r}".replace("'", '"').replace("True", "true").replace("False", "false") for k, v in kiosk.items()]
    lines += ["", "[branding]", 'salon_name = "Seizó"', 'logo = "logo.svg"', 'accent = "#1f7a8c"',
              'booking_url = "https://example.com/seizo/book"',
              'welcome = { en = "Welcome!", uk = "Вітаємо!" }', 'hours = { en = "10-20", uk = "10-20" }']
    path = folder / "config.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def kiosk(make_window: Callable[..., MainWindow], tmp_path: Path, clock: Clock, qtbot: QtBot) -> Iterator[Kiosk]:
    path = _config(tmp_path)
    config = load_config(path)
    window = make_window("--config", str(path), "--size", "1280x800")
    window.routines._player._clock = clock
    record = RunRecord(tmp_path / "state" / "last-run.json")
    k = Kiosk(window, config, record=record, clock=clock, parent=window)
    window.resize(1280, 800)
    QApplication.processEvents()
    yield k
    QApplication.restoreOverrideCursor()
    window.removeEventFilter(k)
    QApplication.instance().removeEventFilter(k)


def _press(widget: QWidget, qtbot: QtBot, pos: QPoint | None = None) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or widget.rect().center())


# --- locked ------------------------------------------------------------------------------


def test_window_is_locked_full_screen_in_front_with_no_way_out_by_keys(kiosk: Kiosk, qtbot: QtBot) -> None:
    window = kiosk.window
    flags = window.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint and flags & Qt.WindowType.WindowStaysOnTopHint
    assert not QApplication.instance().quitOnLastWindowClosed()
    assert QApplication.overrideCursor() is not None
    assert QApplication.overrideCursor().shape() == Qt.CursorShape.BlankCursor
    window.close()
    assert window.isVisible()
    for key, mods in ((Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
                      (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
                      (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
                      (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
                      (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)):
        qtbot.keyClick(window.map, key, mods)
        assert window.isVisible()
    menu = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(10, 10), QPoint(10, 10))
    assert kiosk.eventFilter(window.map, menu) is True  # swallowed


def test_escape_does_not_stop_a_visitors_routine(kiosk: Kiosk, qtbot: QtBot, clock: Clock) -> None:
    window = kiosk.window
    kiosk.wake()
    window.tabs.setCurrentWidget(window.routines)
    window.routines.choose("acupressure-tour")
    player = window.routines._player
    player.start()
    player.confirm_safety()
    page = window.routines.findChild(QWidget, "playPage")
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert player.state == State.LEAD_IN


# --- staff exit -----------------------------------------------------------------------------


def _enter(kiosk: Kiosk, qtbot: QtBot, pin: str) -> None:
    for key in pin + "✓":
        _press(kiosk.pad.findChild(QPushButton, f"pinKey_{key}"), qtbot)


def test_holding_the_corner_for_three_seconds_opens_the_pin_pad(kiosk: Kiosk, qtbot: QtBot) -> None:
    kiosk.wake()
    window = kiosk.window
    corner = window.childAt(QPoint(5, 5))  # the header's title: what a finger in the corner touches
    qtbot.mousePress(corner, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    assert kiosk._hold_timer.isActive() and kiosk._hold_timer.interval() == 3000
    qtbot.mouseRelease(corner, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    assert not kiosk._hold_timer.isActive()  # let go too early: nothing
    qtbot.mousePress(window.map, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert not kiosk._hold_timer.isActive()  # the map's own corner is not the window's corner
    qtbot.mousePress(corner, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    kiosk._hold_timer.timeout.emit()  # three seconds later
    assert kiosk.pad.isVisible()
    kiosk.close_staff()
    qtbot.keyClick(window.map, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert kiosk.pad.isVisible()


def test_right_pin_opens_the_staff_panel(kiosk: Kiosk, qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    kiosk.open_pin_pad()
    with caplog.at_level(logging.INFO, logger="reflexmap.kiosk"):
        _enter(kiosk, qtbot, PIN)
    assert kiosk.staff.isVisible() and not kiosk.pad.isVisible()
    text = kiosk.staff.findChild(QWidget, "staffFacts").text()
    assert "Працює" in text and "пам'яті" in text and "Помилок від запуску: 0" in text
    assert "перший запуск" in text
    assert any("staff PIN accepted" in r.getMessage() for r in caplog.records)
    assert all(PIN not in r.getMessage() for r in caplog.records)


def test_wrong_pins_lock_the_pad_for_a_minute_and_every_try_is_logged(
    kiosk: Kiosk, qtbot: QtBot, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    kiosk.open_pin_pad()
    message = kiosk.pad.findChild(QWidget, "pinMessage")
    with caplog.at_level(logging.INFO, logger="reflexmap.kiosk"):
        for i in range(4):
            _enter(kiosk, qtbot, "1111")
            assert "залишилося спроб — " + str(4 - i) in message.text()
        _enter(kiosk, qtbot, "1111")
        assert "Забагато хибних спроб" in message.text()
        assert not kiosk.pad.findChild(QPushButton, "pinKey_1").isEnabled()
        assert kiosk.pins.attempt(PIN) == "locked"  # even the right PIN, while locked
        clock.now += 61
        kiosk._refresh_pin()
        assert kiosk.pad.findChild(QPushButton, "pinKey_1").isEnabled()
        _enter(kiosk, qtbot, PIN)
    assert kiosk.staff.isVisible()
    tries = [r for r in caplog.records if "PIN" in r.getMessage()]
    assert len(tries) == 7


def test_pin_gate_and_hash() -> None:
    stored = hash_pin("0000", iterations=1000)
    assert verify_pin("0000", stored) and not verify_pin("0001", stored)
    assert not verify_pin("0000", "garbage")
    assert PinGate(None).attempt("0000") == "disabled"


def test_staff_exit_records_why_and_the_next_start_reports_it(kiosk: Kiosk, tmp_path: Path) -> None:
    reasons: list[str] = []
    kiosk.exit_requested.connect(reasons.append)
    kiosk.staff.findChild(QPushButton, "exitButton").click()
    assert reasons == ["staff exit"]
    kiosk._record.ended("staff exit")
    again = RunRecord(tmp_path / "state" / "last-run.json")
    assert again.last_restart()[1] == "staff exit"
    crashed = RunRecord(tmp_path / "state" / "last-run.json")  # the previous one never said how it ended
    assert "unexpected stop" in crashed.last_restart()[1]


# --- idle, still there, attract ---------------------------------------------------------------


def test_idle_reset_clears_everything_and_starts_the_attract_loop(kiosk: Kiosk, qtbot: QtBot, clock: Clock) -> None:
    window = kiosk.window
    kiosk.wake()
    window.set_language("en")
    window.map.select_zone("heel")
    window.tabs.setCurrentWidget(window.routines)
    clock.now += 59
    kiosk.idle.update()
    assert kiosk.idle.state == IdleState.ACTIVE and not kiosk.attract.isVisible()
    clock.now += 1.5
    kiosk.idle.update()
    assert kiosk.idle.state == IdleState.RESTING
    assert kiosk.attract.isVisible()
    assert window.map.selected_zone is None
    assert window.tabs.currentIndex() == 0
    assert window._language.code == "uk"  # back to the configured default


def test_a_playing_routine_first_asks_still_there(kiosk: Kiosk, qtbot: QtBot, clock: Clock) -> None:
    window = kiosk.window
    kiosk.wake()
    window.tabs.setCurrentWidget(window.routines)
    window.routines.choose("finger-self-massage")
    player = window.routines._player
    player.start()
    player.confirm_safety()
    clock.now += 60
    kiosk.idle.update()
    player.update()
    assert kiosk.idle.state == IdleState.STILL_THERE and kiosk.still.isVisible()
    assert kiosk.still.findChild(QWidget, "stillCount").text() == "10"
    clock.now += 4
    kiosk.idle.update()
    assert kiosk.still.findChild(QWidget, "stillCount").text() == "6"
    _press(kiosk.still, qtbot)  # any touch
    assert kiosk.idle.state == IdleState.ACTIVE and not kiosk.still.isVisible()
    assert player.state in (State.RUNNING, State.LEAD_IN)
    clock.now += 60
    kiosk.idle.update()
    assert kiosk.idle.state == IdleState.STILL_THERE
    clock.now += 10
    kiosk.idle.update()
    assert kiosk.idle.state == IdleState.RESTING and kiosk.attract.isVisible()
    assert player.state == State.IDLE


def test_attract_loop_cycles_zones_with_a_caption_and_the_waking_touch_selects_nothing(
    kiosk: Kiosk, qtbot: QtBot
) -> None:
    window = kiosk.window
    assert kiosk.attract.isVisible()
    window.resize(900, 1200)  # e.g. full screen arriving late, or the screen rotated
    assert kiosk.attract.geometry() == window.rect()
    seen = []
    for _ in range(4):
        seen.append((kiosk.attract_zone, kiosk.attract.findChild(QWidget, "attractCaption").text()))
        kiosk._attract_timer.timeout.emit()
    zones = [z for z, _ in seen]
    assert len(set(zones)) == 4 and window.map.guide[0] == frozenset({kiosk.attract_zone})
    assert all(caption.startswith(window._content.zone(z).name("uk")) for z, caption in seen)
    call = kiosk.attract.findChild(QWidget, "attractCall").text()
    assert call == "Торкніться стопи, щоб дізнатися більше"
    assert kiosk.attract.findChild(QWidget, "attractSalon").text() == "Seizó"
    heel = window.map.mapTo(window, window.map.zone_centre("heel", "sole-left").toPoint())
    _press(kiosk.attract, qtbot, heel)  # the first touch lands on the heel...
    assert not kiosk.attract.isVisible()
    assert window.map.selected_zone is None  # ...and only wakes the kiosk
    _press(window.map, qtbot, window.map.zone_centre("heel", "sole-left").toPoint())
    assert window.map.selected_zone == "heel"


def test_booking_qr_code_decodes_back_to_the_link(kiosk: Kiosk) -> None:
    import numpy as np
    import zxingcpp

    image = kiosk.qr.pixmap().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    data = np.array(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine())
    results = zxingcpp.read_barcodes(data[:, : image.width()])
    assert [r.text for r in results] == ["https://example.com/seizo/book"]


def test_touch_targets_and_text_size_for_a_wall_screen(kiosk: Kiosk, qtbot: QtBot) -> None:
    window = kiosk.window
    kiosk.wake()
    assert QApplication.font().pixelSize() >= 18  # readable from 1.5 m: the kiosk starts at 120 %
    for tab in (0, 1):
        window.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        small = [(b.objectName(), b.width(), b.height()) for b in window.findChildren(QPushButton)
                 if b.isVisible() and (b.width() < 48 or b.height() < 48)]
        assert not small, small
    bar = window.tabs.tabBar()
    assert all(bar.tabRect(i).height() >= 48 for i in range(bar.count()))


# --- hot reload, crashes, watchdog ------------------------------------------------------------


@pytest.fixture
def running(tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The kiosk as `reflexmap --kiosk` runs it, with its hot reloader."""
    from reflexmap.app import Reloader, _build_window, build_parser, load_files

    path = _config(tmp_path, enabled=True)
    opts = build_parser().parse_args(["--config", str(path)])
    loaded = load_files(opts)
    window = _build_window(opts, loaded)
    first = window.kiosk
    first.show()
    reloader = Reloader(opts, first, loaded)
    yield reloader, path
    for k in (first, reloader.kiosk):
        if shiboken6.isValid(k):
            k.retire()
    reloader.deleteLater()
    QApplication.restoreOverrideCursor()


def test_good_edit_is_reloaded_and_a_broken_one_keeps_the_old_content(running, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    reloader, path = running
    old = reloader.kiosk
    path.write_text(path.read_text(encoding="utf-8").replace("Seizó", "Seizó Spa"), encoding="utf-8")
    qtbot.waitUntil(lambda: reloader.kiosk is not old, timeout=5000)  # the file watcher saw it
    new = reloader.kiosk
    assert new.window._title.text() == "Seizó Spa"
    path.write_text(path.read_text(encoding="utf-8").replace("idle_seconds", "idle_secs")
                    .replace('salon_name = "Seizó Spa"', 'salon_name = "Broken"\nidle_secs = 5'), encoding="utf-8")
    reloader.reload()
    assert reloader.kiosk is new and new.window._title.text() == "Seizó Spa"
    notices = new.staff.findChild(QWidget, "staffNotices").text()
    assert "config.toml: рядок" in notices and "reflexmap" in notices and "попередній вміст" in notices
    assert not new.window.notice.isVisible()  # visitors see nothing of it


def test_an_unhandled_error_is_logged_and_the_kiosk_goes_back_to_the_map(running, user_dirs: Path) -> None:  # type: ignore[no-untyped-def]
    from reflexmap.app import setup_logging

    reloader, _ = running
    log = setup_logging()
    kiosk = reloader.kiosk
    kiosk.wake()
    kiosk.window.map.select_zone("toes")
    try:
        raise RuntimeError("something broke in a slot")
    except RuntimeError:
        reloader.on_exception(*sys.exc_info())
    assert kiosk.attract.isVisible() and kiosk.window.map.selected_zone is None
    assert kiosk.errors == ["RuntimeError: something broke in a slot"]
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "something broke in a slot" in text


def test_watchdog_pings_systemd_through_notify_socket(tmp_path: Path, qtbot: QtBot) -> None:
    address = tmp_path / "notify.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind(str(address))
        server.settimeout(5)
        notifier = WatchdogNotifier({"NOTIFY_SOCKET": str(address), "WATCHDOG_USEC": "2000000"})
        assert notifier.active and notifier._timer.interval() == 1000
        notifier.start()
        assert server.recv(64) == b"READY=1"
        assert server.recv(64) == b"WATCHDOG=1"
        with qtbot.waitSignal(notifier._timer.timeout, timeout=3000):
            pass
        assert server.recv(64) == b"WATCHDOG=1"  # from the event loop's timer, a second later
        notifier.stopping()
    assert not WatchdogNotifier({}).active


# --- the commands ---------------------------------------------------------------------------


def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reflexmap", *args], capture_output=True, text=True,
                          input=stdin, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, check=False)


def test_hash_pin_prints_a_line_for_the_config() -> None:
    result = _run("hash-pin", stdin="4321\n")
    assert result.returncode == 0
    line = result.stdout.strip()
    assert line.startswith('pin_hash = "pbkdf2_sha256$')
    assert verify_pin("4321", line.split('"')[1])
    assert _run("hash-pin", stdin="12\n").returncode == 2


def test_check_reports_every_kind_of_problem_one_per_line(tmp_path: Path) -> None:
    good = _config(tmp_path)
    ok = _run("check", "--config", str(good))
    assert ok.returncode == 0 and "no problems" in ok.stdout

    bad_config = tmp_path / "bad.toml"
    bad_config.write_text('language = "de"\n[kiosk]\nidle_secs = 3\n', encoding="utf-8")
    art = tmp_path / "feet.svg"
    art.write_text("<svg xmlns='http://www.w3.org/2000/svg'><path data-zone='heel' d='M0 0 L x'/></svg>")
    routines = tmp_path / "routines"
    routines.mkdir()
    (routines / "r1.toml").write_text('name = 5\n', encoding="utf-8")
    (routines / "r2.toml").write_bytes(b"\xff\xfe junk")
    result = _run("check", "--config", str(bad_config), "--art", str(art), "--routines", str(routines))
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert any(line.startswith("bad.toml: line 3, field kiosk.idle_secs: reflexmap has no such setting") for line in lines)
    assert any(line.startswith("feet.svg: path") and "near" in line for line in lines)
    assert any(line.startswith("r1.toml: ") for line in lines)
    assert any(line.startswith("r2.toml: line 1 is not UTF-8") for line in lines)
    assert len(lines) == 4


def test_check_reports_a_bad_setting_with_its_line(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('# salon\nlanguage = "uk"\n\n[branding]\naccent = "teal"\n', encoding="utf-8")
    result = _run("check", "--config", str(config))
    assert result.returncode == 1
    assert result.stdout.strip() == 'config.toml: line 5, field branding.accent: \'teal\' is not a colour like "#c8553d".'


def test_kiosk_option_and_config_both_turn_it_on(make_window: Callable[..., MainWindow], tmp_path: Path) -> None:
    window = make_window("--kiosk")
    assert isinstance(getattr(window, "kiosk", None), Kiosk)
    QApplication.instance().removeEventFilter(window.kiosk)
    QApplication.restoreOverrideCursor()
    path = _config(tmp_path, enabled=True)
    window = make_window("--config", str(path))
    assert isinstance(getattr(window, "kiosk", None), Kiosk)
    QApplication.instance().removeEventFilter(window.kiosk)
    QApplication.restoreOverrideCursor()
    assert not hasattr(make_window(), "kiosk")


def test_a_tap_on_a_touch_screen_works_like_a_click(kiosk: Kiosk, qtbot: QtBot) -> None:
    from PySide6.QtTest import QTest

    window = kiosk.window
    device = QTest.createTouchDevice()
    kiosk.wake()
    point = window.map.mapTo(window, window.map.zone_centre("arch", "sole-right").toPoint())
    handle = window.windowHandle()
    QTest.touchEvent(handle, device).press(0, point, handle).commit()
    QTest.touchEvent(handle, device).release(0, point, handle).commit()
    qtbot.waitUntil(lambda: window.map.selected_zone == "arch")
    assert "Склепіння" in window.panel.text()


def test_check_also_reports_bad_content_and_a_missing_logo(tmp_path: Path) -> None:
    content = tmp_path / "content.toml"
    content.write_text('[general]\npressure = 5\n', encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text('content = "content.toml"\n\n[branding]\nlogo = "nowhere.png"\n', encoding="utf-8")
    result = _run("check", "--config", str(config))
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert any(line.startswith("content.toml: field general.pressure: expected") for line in lines), lines
    assert any(line.startswith("config.toml: line 4, field branding.logo: no such file") for line in lines), lines


def test_staff_exit_really_ends_the_event_loop(running, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTimer

    reloader, _ = running
    kiosk = reloader.kiosk
    app = QApplication.instance()
    QTimer.singleShot(0, lambda: kiosk.exit_requested.emit("staff exit"))
    QTimer.singleShot(5000, lambda: app.exit(99))  # the test's own way out if the exit were refused
    assert app.exec() == 0
