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
from platformdirs import user_state_path
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QImage
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from reflexmap.app.build import Built, KioskRun, build
from reflexmap.app.files import load_files
from reflexmap.app.reloader import Reloader
from reflexmap.kiosk import IdleState, PinGate, PinResult, RunRecord, hash_pin, verify_pin
from reflexmap.options import Paths, WindowOptions
from reflexmap.player import State
from reflexmap.systemd import WatchdogNotifier
from reflexmap.ui.kiosk import KioskShell
from tests.ui.conftest import FakeClock

PIN = "2468"
Running = tuple[Reloader, Path, KioskRun]
LOGO = """<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle cx="20" cy="20" r="18"/></svg>"""


def _config(folder: Path, **kiosk: object) -> Path:
    (folder / "logo.svg").write_text(LOGO, encoding="utf-8")
    lines = ['language = "uk"', "", "[kiosk]", f'pin_hash = "{hash_pin(PIN, iterations=1000)}"']
    lines += [
        f"{k} = {v!r}".replace("'", '"').replace("True", "true").replace("False", "false") for k, v in kiosk.items()
    ]
    lines += [
        "",
        "[branding]",
        'salon_name = "Seizó"',
        'logo = "logo.svg"',
        'accent = "#1f7a8c"',
        'booking_url = "https://example.com/seizo/book"',
        'welcome = { en = "Welcome!", uk = "Вітаємо!" }',
        'hours = { en = "10-20", uk = "10-20" }',
    ]
    path = folder / "config.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _record_path() -> Path:
    return user_state_path("reflexmap", appauthor=False) / "last-run.json"


@pytest.fixture
def built(make_built: Callable[..., Built], tmp_path: Path, clock: FakeClock) -> Built:
    """The kiosk as `reflexmap --kiosk --config ...` builds it, on the test's clock."""
    made = make_built("--kiosk", "--config", str(_config(tmp_path)), "--size", "1280x800", clock=clock)
    made.window.resize(1280, 800)
    QApplication.processEvents()
    return made


@pytest.fixture
def kiosk(built: Built) -> KioskShell:
    assert built.kiosk is not None
    return built.kiosk


def _press(widget: QWidget | None, qtbot: QtBot, pos: QPoint | None = None) -> None:
    assert widget is not None
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or widget.rect().center())


# --- locked ------------------------------------------------------------------------------


def test_window_is_locked_full_screen_in_front_with_no_way_out_by_keys(kiosk: KioskShell, qtbot: QtBot) -> None:
    window = kiosk.window
    flags = window.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint and flags & Qt.WindowType.WindowStaysOnTopHint
    assert not QApplication.instance().quitOnLastWindowClosed()
    assert QApplication.overrideCursor() is not None
    assert QApplication.overrideCursor().shape() == Qt.CursorShape.BlankCursor
    window.close()
    assert window.isVisible()
    for key, mods in (
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    ):
        qtbot.keyClick(window.map, key, mods)
        assert window.isVisible()
    menu = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(10, 10), QPoint(10, 10))
    assert kiosk.eventFilter(window.map, menu) is True  # swallowed


def test_escape_does_not_stop_a_visitors_routine(built: Built, kiosk: KioskShell, qtbot: QtBot) -> None:
    window = kiosk.window
    kiosk.wake()
    window.show_routines()
    window.routines.choose("acupressure-tour")
    player = built.session.player
    player.start()
    player.confirm_safety()
    page = window.routines.findChild(QWidget, "playPage")
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert player.state == State.LEAD_IN


# --- staff exit -----------------------------------------------------------------------------


def _enter(kiosk: KioskShell, qtbot: QtBot, pin: str) -> None:
    for key in pin + "✓":
        _press(kiosk.pad.findChild(QPushButton, f"pinKey_{key}"), qtbot)


def test_holding_the_corner_for_three_seconds_opens_the_pin_pad(kiosk: KioskShell, qtbot: QtBot) -> None:
    kiosk.wake()
    window = kiosk.window
    corner = window.childAt(QPoint(5, 5))  # the header's title: what a finger in the corner touches
    qtbot.mousePress(corner, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    assert kiosk.corner_held
    qtbot.mouseRelease(corner, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    assert not kiosk.corner_held  # let go too early: nothing
    qtbot.mousePress(window.map, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert not kiosk.corner_held  # the map's own corner is not the window's corner
    qtbot.mousePress(corner, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    qtbot.wait(2500)
    assert not kiosk.pad.isVisible()  # not yet
    qtbot.waitUntil(kiosk.pad.isVisible, timeout=2000)  # three seconds after the press
    kiosk.close_staff()
    qtbot.keyClick(
        window.map,
        Qt.Key.Key_K,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert kiosk.pad.isVisible()


def test_right_pin_opens_the_staff_panel(kiosk: KioskShell, qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    kiosk.open_pin_pad()
    with caplog.at_level(logging.INFO, logger="reflexmap.kiosk"):
        _enter(kiosk, qtbot, PIN)
    assert kiosk.staff.isVisible() and not kiosk.pad.isVisible()
    text = kiosk.staff.findChild(QWidget, "staffFacts").text()
    assert "Працює" in text and "памʼяті" in text and "Помилок від запуску: 0" in text
    assert "перший запуск" in text
    assert any("staff PIN accepted" in r.getMessage() for r in caplog.records)
    assert all(PIN not in r.getMessage() for r in caplog.records)


def test_wrong_pins_lock_the_pad_for_a_minute_and_every_try_is_logged(
    kiosk: KioskShell, qtbot: QtBot, clock: FakeClock, caplog: pytest.LogCaptureFixture
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
        assert kiosk.pins.attempt(PIN) == PinResult.LOCKED  # even the right PIN, while locked
        clock.now += 61
        kiosk.pad.refresh()
        assert kiosk.pad.findChild(QPushButton, "pinKey_1").isEnabled()
        _enter(kiosk, qtbot, PIN)
    assert kiosk.staff.isVisible()
    tries = [r for r in caplog.records if "PIN" in r.getMessage()]
    assert len(tries) == 7


def test_pin_gate_and_hash() -> None:
    stored = hash_pin("0000", iterations=1000)
    assert verify_pin("0000", stored) and not verify_pin("0001", stored)
    assert not verify_pin("0000", "garbage")
    assert PinGate(None).attempt("0000") == PinResult.DISABLED


def test_a_run_that_never_said_how_it_ended_is_reported_as_an_unexpected_stop(kiosk: KioskShell) -> None:
    crashed = RunRecord(_record_path())  # the kiosk's own run is still going: as if it had died
    assert "unexpected stop" in crashed.last_restart()[1]


# --- idle, still there, attract ---------------------------------------------------------------


def test_idle_reset_clears_everything_and_starts_the_attract_loop(
    built: Built, kiosk: KioskShell, qtbot: QtBot, clock: FakeClock
) -> None:
    window = kiosk.window
    kiosk.wake()
    built.language.set("en")
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
    assert built.language.code == "uk"  # back to the configured default


def test_a_playing_routine_first_asks_still_there(
    built: Built, kiosk: KioskShell, qtbot: QtBot, clock: FakeClock
) -> None:
    window = kiosk.window
    kiosk.wake()
    window.show_routines()
    window.routines.choose("finger-self-massage")
    player = built.session.player
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
    built: Built, kiosk: KioskShell, qtbot: QtBot
) -> None:
    window = kiosk.window
    assert kiosk.attract.isVisible()
    window.resize(900, 1200)  # e.g. full screen arriving late, or the screen rotated
    assert kiosk.attract.geometry() == window.rect()
    seen = []
    for _ in range(4):
        seen.append((kiosk.attract_zone, kiosk.attract.findChild(QWidget, "attractCaption").text()))
        kiosk.attract.show_next()
    zones = [z for z, _ in seen]
    assert len(set(zones)) == 4 and window.map.guide[0] == frozenset({kiosk.attract_zone})
    assert all(caption.startswith(built.session.content.zone(z or "").name("uk")) for z, caption in seen)
    call = kiosk.attract.findChild(QWidget, "attractCall").text()
    assert call == "Торкніться стопи, щоб дізнатися більше"
    assert kiosk.attract.findChild(QWidget, "attractSalon").text() == "Seizó"
    heel = window.map.mapTo(window, window.map.zone_centre("heel", "sole-left").toPoint())
    _press(kiosk.attract, qtbot, heel)  # the first touch lands on the heel...
    assert not kiosk.attract.isVisible()
    assert window.map.selected_zone is None  # ...and only wakes the kiosk
    _press(window.map, qtbot, window.map.zone_centre("heel", "sole-left").toPoint())
    assert window.map.selected_zone == "heel"


def test_booking_qr_code_decodes_back_to_the_link(kiosk: KioskShell) -> None:
    import numpy as np
    import zxingcpp

    image = kiosk.attract.qr.pixmap().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    data = np.array(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine())
    results = zxingcpp.read_barcodes(data[:, : image.width()])
    assert [r.text for r in results] == ["https://example.com/seizo/book"]


def test_touch_targets_and_text_size_for_a_wall_screen(kiosk: KioskShell, qtbot: QtBot) -> None:
    window = kiosk.window
    kiosk.wake()
    assert QApplication.font().pixelSize() >= 18  # readable from 1.5 m: the kiosk starts at 120 %
    for tab in (0, 1):
        window.tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        small = [
            (b.objectName(), b.width(), b.height())
            for b in window.findChildren(QPushButton)
            if b.isVisible() and (b.width() < 48 or b.height() < 48)
        ]
        assert not small, small
    bar = window.tabs.tabBar()
    assert all(bar.tabRect(i).height() >= 48 for i in range(bar.count()))


# --- hot reload, crashes, watchdog ------------------------------------------------------------


@pytest.fixture
def running(tmp_path: Path, qtbot: QtBot) -> Iterator[tuple[Reloader, Path, KioskRun]]:
    """The kiosk as `reflexmap --kiosk` runs it, with its hot reloader."""
    path = _config(tmp_path, enabled=True)
    paths, options = Paths(config=path), WindowOptions()
    kiosk_run = KioskRun.start()
    loaded = load_files(paths)
    first = build(loaded, options, kiosk_run=kiosk_run)
    assert first.kiosk is not None
    first.kiosk.show()
    reloader = Reloader(
        lambda: load_files(paths), lambda new: build(new, options, kiosk_run=kiosk_run), first, loaded, kiosk_run.report
    )
    yield reloader, path, kiosk_run
    if shiboken6.isValid(reloader):
        kiosks = [first.kiosk, reloader.kiosk]
        reloader.deleteLater()
    else:
        kiosks = [first.kiosk]
    for k in kiosks:
        if shiboken6.isValid(k):
            k.retire()


def test_good_edit_is_reloaded_and_a_broken_one_keeps_the_old_content(running: Running, qtbot: QtBot) -> None:
    reloader, path, _ = running
    old = reloader.kiosk
    path.write_text(path.read_text(encoding="utf-8").replace("Seizó", "Seizó Spa"), encoding="utf-8")
    qtbot.waitUntil(lambda: reloader.kiosk is not old, timeout=5000)  # the file watcher saw it
    new = reloader.kiosk
    assert new.window.header.title == "Seizó Spa"
    path.write_text(
        path.read_text(encoding="utf-8")
        .replace("idle_seconds", "idle_secs")
        .replace('salon_name = "Seizó Spa"', 'salon_name = "Broken"\nidle_secs = 5'),
        encoding="utf-8",
    )
    reloader.reload()
    assert reloader.kiosk is new and new.window.header.title == "Seizó Spa"
    notices = new.staff.findChild(QWidget, "staffNotices").text()
    assert "config.toml: рядок" in notices and "reflexmap" in notices and "попередній вміст" in notices
    assert not new.window.notice.isVisible()  # visitors see nothing of it


def test_an_unhandled_error_is_logged_and_the_kiosk_goes_back_to_the_map(running: Running, user_dirs: Path) -> None:
    from reflexmap.app.logs import setup_logging

    reloader, _, kiosk_run = running
    log = setup_logging()
    kiosk = reloader.kiosk
    kiosk.wake()
    kiosk.window.map.select_zone("toes")
    try:
        raise RuntimeError("something broke in a slot")
    except RuntimeError:
        reloader.on_exception(*sys.exc_info())
    assert kiosk.attract.isVisible() and kiosk.window.map.selected_zone is None
    assert kiosk_run.report.errors == ["RuntimeError: something broke in a slot"]
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
        assert notifier.active and notifier.interval_ms == 1000
        notifier.start()
        assert server.recv(64) == b"READY=1"
        assert server.recv(64) == b"WATCHDOG=1"
        server.setblocking(False)
        pings: list[bytes] = []

        def received() -> bool:
            try:
                pings.append(server.recv(64))
            except BlockingIOError:
                return False
            return True

        qtbot.waitUntil(received, timeout=3000)  # from the event loop's timer, a second later
        assert pings == [b"WATCHDOG=1"]
        notifier.stopping()
    assert not WatchdogNotifier({}).active


# --- the commands ---------------------------------------------------------------------------


def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reflexmap", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )


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
    (routines / "r1.toml").write_text("name = 5\n", encoding="utf-8")
    (routines / "r2.toml").write_bytes(b"\xff\xfe junk")
    result = _run("check", "--config", str(bad_config), "--art", str(art), "--routines", str(routines))
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert any(
        line.startswith("bad.toml: line 3, field kiosk.idle_secs: reflexmap has no such setting") for line in lines
    )
    assert any(line.startswith("feet.svg: path") and "near" in line for line in lines)
    assert any(line.startswith("r1.toml: ") for line in lines)
    assert any(line.startswith("r2.toml: line 1 is not UTF-8") for line in lines)
    assert len(lines) == 4


def test_check_reports_a_bad_setting_with_its_line(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('# salon\nlanguage = "uk"\n\n[branding]\naccent = "teal"\n', encoding="utf-8")
    result = _run("check", "--config", str(config))
    assert result.returncode == 1
    assert (
        result.stdout.strip() == "config.toml: line 5, field branding.accent: 'teal' is not a colour like \"#c8553d\"."
    )


def test_kiosk_option_and_config_both_turn_it_on(make_built: Callable[..., Built], tmp_path: Path) -> None:
    assert isinstance(make_built("--kiosk").kiosk, KioskShell)
    path = _config(tmp_path, enabled=True)
    assert isinstance(make_built("--config", str(path)).kiosk, KioskShell)
    assert make_built().kiosk is None


def test_a_tap_on_a_touch_screen_works_like_a_click(kiosk: KioskShell, qtbot: QtBot) -> None:
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
    content.write_text("[general]\npressure = 5\n", encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text('content = "content.toml"\n\n[branding]\nlogo = "nowhere.png"\n', encoding="utf-8")
    result = _run("check", "--config", str(config))
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert any(line.startswith("content.toml: field general.pressure: expected") for line in lines), lines
    assert any(
        line.startswith("config.toml: line 4, field branding.logo: nowhere.png: no such file") for line in lines
    ), lines


def test_staff_exit_ends_the_event_loop_and_the_next_start_reports_it(running: Running, qtbot: QtBot) -> None:
    """The Exit button, through the real wiring: the record on disk says so, and the loop ends with 0."""
    from PySide6.QtCore import QTimer

    from reflexmap.app.runner import run_kiosk

    reloader, path, kiosk_run = running
    reloader.deleteLater()  # run_kiosk makes its own, as the command does
    built = reloader.built
    kiosk = reloader.kiosk
    app = QApplication.instance()
    assert isinstance(app, QApplication)

    def exit_as_staff() -> None:
        kiosk.open_pin_pad()
        for key in PIN + "✓":
            kiosk.pad.findChild(QPushButton, f"pinKey_{key}").click()
        assert kiosk.staff.isVisible()
        kiosk.staff.findChild(QPushButton, "exitButton").click()

    QTimer.singleShot(0, exit_as_staff)
    QTimer.singleShot(5000, lambda: app.exit(99))  # the test's own way out if the exit were refused
    status = run_kiosk(app, built, load_files(Paths(config=path)), Paths(config=path), WindowOptions(), kiosk_run)
    assert status == 0
    assert RunRecord(_record_path()).last_restart()[1] == "staff exit"


def _edit_salon_name(path: Path, name: str) -> None:
    text = path.read_text(encoding="utf-8")
    start = text.index('salon_name = "') + len('salon_name = "')
    end = text.index('"', start)
    path.write_text(text[:start] + name + text[end:], encoding="utf-8")


def test_a_good_reload_waits_while_a_visitor_is_active_and_lands_at_the_idle_reset(running: Running) -> None:
    reloader, path, _ = running
    old = reloader.kiosk
    old.wake()  # a visitor is using it
    assert old.idle.state == IdleState.ACTIVE
    _edit_salon_name(path, "Seizó Later")
    reloader.reload()
    assert reloader.pending and reloader.kiosk is old  # not under the visitor's hands
    assert old.window.header.title == "Seizó"
    old.idle.rest()  # the visitor left: the idle reset
    assert not reloader.pending and reloader.kiosk is not old
    assert reloader.kiosk.window.header.title == "Seizó Later"


def test_many_reloads_stack_nothing_global(running: Running, qtbot: QtBot) -> None:
    """Each reload's kiosk takes back what it took: the hidden cursor, its event filter, timers, translators."""
    from PySide6.QtCore import QCoreApplication, QEvent, QTranslator

    from tests.support.soak import settle

    reloader, path, _ = running
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    first = reloader.kiosk
    assert first.config.kiosk.hide_cursor
    assert QApplication.overrideCursor() is not None
    translators = len(app.findChildren(QTranslator))
    retired = []
    for i in range(6):
        retired.append(reloader.kiosk)
        _edit_salon_name(path, f"Seizó {i}")
        reloader.reload()  # the kiosk rests (nobody there): the reload lands at once
        assert reloader.kiosk is not retired[-1]
        settle()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert all(not shiboken6.isValid(k) for k in retired)  # gone: with them their timers and event filters
    assert len(app.findChildren(QTranslator)) == translators
    current = reloader.kiosk
    assert (
        QApplication.overrideCursor() is not None
        and QApplication.overrideCursor().shape() == Qt.CursorShape.BlankCursor
    )
    current.retire()
    assert QApplication.overrideCursor() is None  # exactly one was stacked, and it is given back
