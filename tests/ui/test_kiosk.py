"""Kiosk mode: locked, self-resetting, staff exit behind a PIN, hot reload, watchdog, exits."""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import shiboken6
from platformdirs import user_state_path
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QFontMetrics, QImage
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from reflexmap.app.build import Built, KioskRun, build
from reflexmap.app.files import load_files
from reflexmap.app.reloader import POLL_SECONDS, Reloader
from reflexmap.kiosk.idle import IdleState
from reflexmap.kiosk.pins import PinGate, PinResult, hash_pin, verify_pin
from reflexmap.kiosk.run_record import Ending, RunRecord
from reflexmap.options import Paths, WindowOptions
from reflexmap.player import State
from reflexmap.start_marker import StartMarker
from reflexmap.systemd import EXIT_RESTART, EXIT_STAFF, STATUS_FILE_VARIABLE, WatchdogNotifier
from reflexmap.ui.kiosk import KioskShell
from tests.ui.conftest import FakeClock

PIN = "2468"
Running = tuple[Reloader, Path, KioskRun]
LOGO = """<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle cx="20" cy="20" r="18"/></svg>"""
STAFF_KEYS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier


def _config(folder: Path, iterations: int = 1000, **kiosk: object) -> Path:
    (folder / "logo.svg").write_text(LOGO, encoding="utf-8")
    lines = ['language = "uk"', "", "[kiosk]", f'pin_hash = "{hash_pin(PIN, iterations=iterations)}"']
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


def _text(parent: QWidget, name: str) -> str:
    label = parent.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


# --- locked ------------------------------------------------------------------------------


def test_window_is_locked_full_screen_in_front_with_no_way_out_by_keys(kiosk: KioskShell, qtbot: QtBot) -> None:
    window = kiosk.window
    kiosk.show()
    qtbot.waitExposed(window)
    flags = window.windowFlags()
    assert flags & Qt.WindowType.FramelessWindowHint and flags & Qt.WindowType.WindowStaysOnTopHint
    assert window.isFullScreen() and window.geometry() == kiosk.screen_rect()
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


def test_the_app_names_itself_for_wayland() -> None:
    """cage and a desktop's window list know the app by its app id (``QGuiApplication.desktopFileName``)."""
    probe = "from reflexmap.app.startup import application; print(application().desktopFileName())"
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert result.stdout.strip() == "reflexmap", result.stderr


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


# --- the staff corner and the PIN pad ----------------------------------------------------------


def _enter(kiosk: KioskShell, qtbot: QtBot, pin: str) -> None:
    """Type ``pin`` and ✓, and wait for the check (it runs off the GUI thread)."""
    for key in pin:
        _press(kiosk.pad.findChild(QPushButton, f"pinKey_{key}"), qtbot)
    with qtbot.waitSignal(kiosk.pins.checked, timeout=5000):
        _press(kiosk.pad.findChild(QPushButton, "pinKey_✓"), qtbot)


def _corner_point(kiosk: KioskShell) -> QPoint:
    return kiosk.corner_rect().center()


def test_holding_the_staff_corner_for_three_seconds_opens_the_pin_pad(kiosk: KioskShell, qtbot: QtBot) -> None:
    kiosk.wake()
    window = kiosk.window
    assert kiosk.config.kiosk.staff_corner == "bottom-right"  # GNOME's and KDE's hot corner is the top-left one
    corner = _corner_point(kiosk)
    assert corner.x() > window.width() - 80 and corner.y() > window.height() - 80

    def press(point: QPoint) -> QWidget:
        target = window.childAt(point)  # what a finger there touches (the layout may have changed)
        assert target is not None
        qtbot.mousePress(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, point))
        return target

    def release(target: QWidget, point: QPoint) -> None:
        qtbot.mouseRelease(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, point))

    target = press(corner)
    assert kiosk.corner_held
    release(target, corner)
    assert not kiosk.corner_held  # let go too early: nothing
    top_left = press(QPoint(2, 2))
    assert not kiosk.corner_held  # the top-left corner is the desktop's, not staff's
    release(top_left, QPoint(2, 2))
    press(corner)
    qtbot.wait(2500)
    assert not kiosk.pad.isVisible()  # not yet
    qtbot.waitUntil(kiosk.pad.isVisible, timeout=2000)  # three seconds after the press
    kiosk.close_staff()
    qtbot.keyClick(window.map, Qt.Key.Key_K, STAFF_KEYS)
    assert kiosk.pad.isVisible()


@pytest.mark.parametrize("corner", ["top-left", "top-right", "bottom-left", "bottom-right"])
def test_the_staff_corner_is_the_configured_one(
    make_built: Callable[..., Built], tmp_path: Path, qtbot: QtBot, corner: str
) -> None:
    made = make_built("--kiosk", "--config", str(_config(tmp_path, staff_corner=corner)), "--size", "1280x800")
    kiosk = made.kiosk
    assert kiosk is not None
    QApplication.processEvents()  # the kiosk watches input from the event loop's first turn on
    kiosk.wake()
    window = kiosk.window
    rect = kiosk.corner_rect()
    assert rect.width() == rect.height() == 80
    assert (rect.left() == 0) == corner.endswith("left") and (rect.top() == 0) == corner.startswith("top")
    for point, held in ((rect.center(), True), (QPoint(window.width() // 2, window.height() // 2), False)):
        target = window.childAt(point)
        qtbot.mousePress(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, point))
        assert kiosk.corner_held is held, (corner, point)
        qtbot.mouseRelease(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, point))


def test_a_staff_corner_config_knows_only_the_four_corners(tmp_path: Path) -> None:
    bad = tmp_path / "config.toml"
    bad.write_text('[kiosk]\nstaff_corner = "middle"\n', encoding="utf-8")
    result = _run("check", "--config", str(bad))
    assert result.returncode == 1
    assert "field kiosk.staff_corner: 'middle' is not one of top-left, top-right, bottom-left, bottom-right" in (
        result.stdout
    )


def test_a_typo_in_the_config_costs_only_that_setting_not_the_pin_or_the_branding(
    make_built: Callable[..., Built], tmp_path: Path, qtbot: QtBot
) -> None:
    """One misspelt key and one bad value: the staff can still get in, the salon's name and colour stay."""
    path = _config(tmp_path, idle_secnds=30, attract_seconds="soon")
    made = make_built("--kiosk", "--config", str(path), "--size", "1280x800")
    kiosk = made.kiosk
    assert kiosk is not None
    assert kiosk.window.header.title == "Seizó"  # the branding stands
    kiosk.open_pin_pad()
    _enter(kiosk, qtbot, PIN)
    assert kiosk.staff.isVisible()  # and so does the PIN
    notices = " ".join(_text(kiosk.staff, f"staffNotice{i}") for i in range(2))  # in the salon's Ukrainian
    assert "поле kiosk.idle_secnds: у reflexmap немає такого налаштування" in notices
    assert "поле kiosk.attract_seconds" in notices
    assert notices.count("Це налаштування лишається типовим.") == 2
    result = _run("check", "--config", str(path))  # check names each of them
    assert result.returncode == 1
    assert "kiosk.idle_secnds" in result.stdout and "kiosk.attract_seconds" in result.stdout


def test_a_config_that_is_not_toml_at_all_falls_back_to_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('[kiosk\nenabled = "yes', encoding="utf-8")
    loaded = load_files(Paths(config=path))
    assert loaded.config.kiosk.pin_hash is None and loaded.config.branding.salon_name == ""
    assert any("Using the default settings." in notice for notice in loaded.notices)


def test_right_pin_opens_the_staff_panel(kiosk: KioskShell, qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    kiosk.open_pin_pad()
    with caplog.at_level(logging.INFO, logger="reflexmap.kiosk.pins"):
        _enter(kiosk, qtbot, PIN)
    assert kiosk.staff.isVisible() and not kiosk.pad.isVisible()
    assert "Працює" in _text(kiosk.staff, "staffUptime")
    assert "пам" in _text(kiosk.staff, "staffMemory")
    assert _text(kiosk.staff, "staffErrors") == "Помилок від запуску: 0"
    assert "перший запуск" in _text(kiosk.staff, "staffLastRun")
    assert any("staff PIN accepted" in r.getMessage() for r in caplog.records)
    assert all(PIN not in r.getMessage() for r in caplog.records)


def test_the_pin_is_checked_off_the_gui_thread(make_built: Callable[..., Built], tmp_path: Path, qtbot: QtBot) -> None:
    """The click on ✓ returns before the hash is done: the window keeps drawing while PBKDF2 runs."""
    made = make_built("--kiosk", "--config", str(_config(tmp_path, iterations=200_000)))
    kiosk = made.kiosk
    assert kiosk is not None
    kiosk.open_pin_pad()
    for key in PIN:
        _press(kiosk.pad.findChild(QPushButton, f"pinKey_{key}"), qtbot)
    with qtbot.waitSignal(kiosk.pins.checked, timeout=10_000) as result:
        _press(kiosk.pad.findChild(QPushButton, "pinKey_✓"), qtbot)
        assert kiosk.pins.checking  # the click is over, the check is not
        assert _text(kiosk.pad, "pinMessage") == "Перевірка…"
        assert not kiosk.pad.findChild(QPushButton, "pinKey_1").isEnabled()  # no keys meanwhile
    assert result.args == [PinResult.OK]
    assert kiosk.staff.isVisible()


def test_wrong_pins_lock_the_pad_which_counts_down_live_and_unlocks_by_itself(
    kiosk: KioskShell, qtbot: QtBot, clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    kiosk.open_pin_pad()
    key_1 = kiosk.pad.findChild(QPushButton, "pinKey_1")
    with caplog.at_level(logging.INFO, logger="reflexmap.kiosk.pins"):
        for tries_left, form, word in (
            (4, "Залишилося", "спроби"),
            (3, "Залишилося", "спроби"),
            (2, "Залишилося", "спроби"),
            (1, "Залишилася", "спроба"),
        ):
            _enter(kiosk, qtbot, "1111")
            assert _text(kiosk.pad, "pinMessage") == f"Хибний PIN-код. {form} {tries_left} {word}."
        _enter(kiosk, qtbot, "1111")
        assert _text(kiosk.pad, "pinMessage") == "Забагато хибних спроб. Спробуйте знову через 60 секунд."
        assert not key_1.isEnabled()
        assert kiosk.pins.attempt(PIN) == PinResult.LOCKED  # even the right PIN, while locked
        clock.now += 1  # a second later the message says so, with nobody touching anything
        qtbot.waitUntil(lambda: "через 59 секунд" in _text(kiosk.pad, "pinMessage"), timeout=3000)
        clock.now += 38
        qtbot.waitUntil(lambda: "через 21 секунду" in _text(kiosk.pad, "pinMessage"), timeout=3000)
        clock.now += 19
        qtbot.waitUntil(lambda: "через 2 секунди" in _text(kiosk.pad, "pinMessage"), timeout=3000)
        clock.now += 2
        qtbot.waitUntil(key_1.isEnabled, timeout=3000)  # the lock ends by itself: no Cancel and reopen
        assert _text(kiosk.pad, "pinMessage") == ""
        _enter(kiosk, qtbot, PIN)
    assert kiosk.staff.isVisible()
    tries = [r for r in caplog.records if "PIN" in r.getMessage()]
    assert len(tries) == 7


@pytest.mark.parametrize("lang", ["uk", "en"])
@pytest.mark.parametrize("step", [0, 1, 2])
def test_the_keys_never_move_when_a_message_appears(
    kiosk: KioskShell, built: Built, qtbot: QtBot, lang: str, step: int
) -> None:
    built.language.set(lang)
    built.sizes.set_step(step)
    kiosk.open_pin_pad()
    QApplication.processEvents()
    before = kiosk.pad.keys_rect
    _enter(kiosk, qtbot, "1111")  # "wrong PIN"
    QApplication.processEvents()
    assert _text(kiosk.pad, "pinMessage")
    assert kiosk.pad.keys_rect == before
    for _ in range(4):
        _enter(kiosk, qtbot, "1111")
    QApplication.processEvents()
    assert kiosk.pins.locked_for() > 0  # the longest message
    assert kiosk.pad.keys_rect == before
    message = kiosk.pad.findChild(QLabel, "pinMessage")
    assert message.heightForWidth(message.width()) <= message.height()  # and it is not cut off


def test_the_pin_pad_closes_by_itself_after_a_while_even_when_opened_by_the_shortcut_in_the_attract_loop(
    kiosk: KioskShell, qtbot: QtBot, clock: FakeClock
) -> None:
    assert kiosk.attract.isVisible() and kiosk.idle.state == IdleState.RESTING
    qtbot.keyClick(kiosk.window, Qt.Key.Key_K, STAFF_KEYS)
    assert kiosk.pad.isVisible()
    _press(kiosk.pad.findChild(QPushButton, "pinKey_1"), qtbot)
    clock.now += 20
    QApplication.processEvents()
    _press(kiosk.pad.findChild(QPushButton, "pinKey_2"), qtbot)  # a key: the time starts again
    clock.now += 20
    qtbot.wait(1200)
    assert kiosk.pad.isVisible()
    clock.now += 11
    qtbot.waitUntil(lambda: not kiosk.pad.isVisible(), timeout=3000)
    assert kiosk.attract.isVisible()  # back to what was there


def test_pin_gate_and_hash() -> None:
    stored = hash_pin("0000", iterations=1000)
    assert verify_pin("0000", stored) and not verify_pin("0001", stored)
    assert not verify_pin("0000", "garbage")
    assert PinGate(None).attempt("0000") == PinResult.DISABLED


# --- the staff panel ------------------------------------------------------------------------


def _open_staff(kiosk: KioskShell, qtbot: QtBot) -> None:
    kiosk.open_pin_pad()
    _enter(kiosk, qtbot, PIN)
    assert kiosk.staff.isVisible()


def test_the_staff_panel_outlasts_the_visitors_idle_time_and_closes_after_its_own(
    kiosk: KioskShell, qtbot: QtBot, clock: FakeClock
) -> None:
    kiosk.wake()
    kiosk.window.map.select_zone("heel")
    _open_staff(kiosk, qtbot)
    clock.now += 61  # the visitors' idle time
    kiosk.idle.update()
    assert kiosk.idle.state == IdleState.ACTIVE and kiosk.staff.isVisible()
    clock.now += 50
    _press(kiosk.staff, qtbot)  # staff still at it
    clock.now += 100
    qtbot.wait(1200)
    assert kiosk.staff.isVisible()
    clock.now += 21  # two minutes since the last touch
    qtbot.waitUntil(lambda: not kiosk.staff.isVisible(), timeout=3000)
    assert kiosk.attract.isVisible() and kiosk.window.map.selected_zone is None


def test_staff_panel_timeout_is_configurable(make_built: Callable[..., Built], tmp_path: Path, qtbot: QtBot) -> None:
    clock = FakeClock()
    made = make_built("--kiosk", "--config", str(_config(tmp_path, staff_panel_seconds=45)), clock=clock)
    kiosk = made.kiosk
    assert kiosk is not None
    _open_staff(kiosk, qtbot)
    clock.now += 46
    qtbot.waitUntil(lambda: not kiosk.staff.isVisible(), timeout=3000)


def test_a_run_that_never_said_how_it_ended_is_reported_as_a_crash(kiosk: KioskShell) -> None:
    RunRecord(_record_path()).begin()  # a run starts, and is never heard of again
    previous = RunRecord(_record_path()).last_restart()
    assert previous is not None and previous.ending == Ending.CRASH


def test_a_kiosk_screenshot_is_no_run(tmp_path: Path) -> None:
    """``--kiosk --screenshot`` writes no run record: the next real start must not think a run crashed."""
    config = _config(tmp_path)
    result = _run("--kiosk", "--config", str(config), "--screenshot", str(tmp_path / "kiosk.png"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "kiosk.png").stat().st_size > 10_000
    assert not _record_path().exists()


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


def test_a_visitors_voice_choice_is_undone_for_the_next_visitor(
    built: Built, kiosk: KioskShell, qtbot: QtBot, clock: FakeClock
) -> None:
    """The salon's config says no voice (the default): a visitor turns it on, the idle reset turns it off."""
    assert kiosk.config.kiosk.voice is False
    _start_routine(built, kiosk, "finger-self-massage")
    button = kiosk.window.routines.findChild(QPushButton, "voiceButton")
    assert button is not None and not button.isChecked()
    _press(button, qtbot)
    assert kiosk.window.routines.voice.enabled and button.isChecked()
    built.session.player.stop()
    _advance(built, kiosk, clock, 61)
    assert kiosk.idle.state == IdleState.RESTING
    assert not kiosk.window.routines.voice.enabled and not button.isChecked()


def _start_routine(built: Built, kiosk: KioskShell, routine: str, minutes: int | None = None) -> None:
    kiosk.wake()
    kiosk.window.show_routines()
    kiosk.window.routines.choose(routine, minutes)
    player = built.session.player
    player.start()
    player.confirm_safety()


def _advance(built: Built, kiosk: KioskShell, clock: FakeClock, seconds: float, step: float = 5.0) -> None:
    """Let ``seconds`` pass on every engine's clock, nobody touching anything."""
    left = seconds
    while left > 0:
        clock.now += min(step, left)
        left -= step
        built.session.player.update()
        kiosk.idle.update()


def _still_there_shown(kiosk: KioskShell) -> bool:
    overlay = kiosk.window.findChild(QWidget, "stillThere")  # built the first time it is needed
    return overlay is not None and overlay.isVisible()


def test_a_routine_playing_on_its_own_counts_as_use_for_as_long_as_it_plays(
    built: Built, kiosk: KioskShell, clock: FakeClock
) -> None:
    """Both hands on a foot, a ten-minute routine: no "Still there?" and no reset while it plays."""
    _start_routine(built, kiosk, "massage-ball", 10)
    player = built.session.player
    seen = set()
    for _ in range(400):
        if player.state == State.FINISHED:
            break
        if player.state == State.WAITING:  # its one until-done step waits for the visitor: they press Done
            player.done()
            kiosk.idle.touch()
        _advance(built, kiosk, clock, 5)
        seen.add(kiosk.idle.state)
        assert not _still_there_shown(kiosk)
    assert player.state == State.FINISHED
    assert seen == {IdleState.ACTIVE}
    assert player.summary().active_seconds > 9 * 60  # a single step is longer than... all of it was played


def test_still_there_comes_only_when_the_routine_waits_for_the_idle_time(
    built: Built, kiosk: KioskShell, qtbot: QtBot, clock: FakeClock
) -> None:
    _start_routine(built, kiosk, "finger-self-massage")
    player = built.session.player
    _advance(built, kiosk, clock, 120)  # playing: use
    assert kiosk.idle.state == IdleState.ACTIVE
    player.pause()
    _advance(built, kiosk, clock, 55)  # paused, nobody: counting from the pause, not from the last touch
    assert kiosk.idle.state == IdleState.ACTIVE
    _advance(built, kiosk, clock, 6)
    assert kiosk.idle.state == IdleState.STILL_THERE and kiosk.still.isVisible()
    assert _text(kiosk.still, "stillCount") in ("10", "9")
    clock.now += 4
    kiosk.idle.update()
    assert _text(kiosk.still, "stillCount") in ("6", "5")
    _press(kiosk.still, qtbot)  # any touch
    assert kiosk.idle.state == IdleState.ACTIVE and not kiosk.still.isVisible()
    assert player.state == State.PAUSED
    _advance(built, kiosk, clock, 61)
    assert kiosk.idle.state == IdleState.STILL_THERE
    _advance(built, kiosk, clock, 10)
    assert kiosk.idle.state == IdleState.RESTING and kiosk.attract.isVisible()
    assert player.state == State.IDLE


def test_a_step_waiting_for_done_asks_still_there_after_the_idle_time(
    built: Built, kiosk: KioskShell, clock: FakeClock
) -> None:
    _start_routine(built, kiosk, "massage-ball")
    player = built.session.player
    waiting = next(i for i, p in enumerate(player.plan()) if p.seconds is None)
    player.jump(waiting)
    assert player.state == State.WAITING
    _advance(built, kiosk, clock, 55)
    assert kiosk.idle.state == IdleState.ACTIVE
    _advance(built, kiosk, clock, 6)
    assert kiosk.idle.state == IdleState.STILL_THERE


def test_the_completion_screen_goes_back_to_the_attract_loop_after_the_idle_time(
    built: Built, kiosk: KioskShell, clock: FakeClock
) -> None:
    _start_routine(built, kiosk, "acupressure-tour", 3)
    player = built.session.player
    _advance(built, kiosk, clock, 5 + 180 + 1)  # the lead-in and the fitted three minutes, nobody touching
    assert player.state == State.FINISHED and kiosk.window.routines.page == "done"
    assert kiosk.idle.state == IdleState.ACTIVE  # the idle time counts from the end of the routine
    _advance(built, kiosk, clock, 56)
    assert kiosk.idle.state == IdleState.ACTIVE
    _advance(built, kiosk, clock, 5)
    assert kiosk.idle.state == IdleState.RESTING and kiosk.attract.isVisible()
    assert not _still_there_shown(kiosk)  # no question first


def test_attract_loop_cycles_zones_with_a_caption_and_the_waking_touch_selects_nothing(
    built: Built, kiosk: KioskShell, qtbot: QtBot
) -> None:
    window = kiosk.window
    assert kiosk.attract.isVisible()
    window.resize(900, 1200)  # e.g. full screen arriving late, or the screen rotated
    assert kiosk.attract.geometry() == window.rect()
    seen = []
    for _ in range(4):
        seen.append((kiosk.attract_zone, _text(kiosk.attract, "attractCaption")))
        kiosk.attract.show_next()
    zones = [z for z, _ in seen]
    assert len(set(zones)) == 4 and window.map.guide[0] == frozenset({kiosk.attract_zone})
    assert all(caption.startswith(built.session.content.zone(z or "").name("uk")) for z, caption in seen)
    for _, caption in seen:  # what it corresponds to continues the sentence after the dash, as on the map
        after = caption.split(" — ", 1)[1]
        assert after[:1].islower(), caption
    assert _text(kiosk.attract, "attractCall") == "Торкніться стопи, щоб дізнатися більше"
    assert _text(kiosk.attract, "attractSalon") == "Seizó"
    assert _text(kiosk.attract, "attractDisclaimer") == built.session.content.general.disclaimer("uk")
    assert "не замінює лікування" in _text(kiosk.attract, "attractDisclaimer")
    heel = window.map.mapTo(window, window.map.zone_centre("heel", "sole-left").toPoint())
    _press(kiosk.attract, qtbot, heel)  # the first touch lands on the heel...
    assert not kiosk.attract.isVisible()
    assert window.map.selected_zone is None  # ...and only wakes the kiosk
    _press(window.map, qtbot, window.map.zone_centre("heel", "sole-left").toPoint())
    assert window.map.selected_zone == "heel"


@pytest.mark.parametrize("size", [(1280, 800), (800, 1280), (1024, 768)])
@pytest.mark.parametrize("step", [1, 2, 3])
def test_the_first_touch_does_not_move_the_map_when_the_zone_panel_appears_where_the_card_was(
    make_built: Callable[..., Built], tmp_path: Path, size: tuple[int, int], step: int
) -> None:
    """The panel is made when the card first goes away: it takes the place kept for it, the feet stay put."""
    config = _config(tmp_path, text_size=step)
    built = make_built("--kiosk", "--config", str(config), "--size", "x".join(map(str, size)))
    assert built.kiosk is not None
    window = built.window
    QApplication.processEvents()
    feet = window.map.mapTo(window, window.map.rect().topLeft()), window.map.size()
    card = built.kiosk.attract.card_rect
    built.kiosk.attract.pressed.emit()
    QApplication.processEvents()
    assert (window.map.mapTo(window, window.map.rect().topLeft()), window.map.size()) == feet
    panel = window.panel
    assert panel.isVisible() and not panel.geometry().isEmpty()
    where = QRect(panel.mapTo(window, QPoint(0, 0)), panel.size())
    assert card.intersected(where).width() * card.intersected(where).height() > 0.8 * card.width() * card.height()


def test_the_zone_panel_under_the_attract_card_shows_in_full_with_texts_it_got_while_hidden(
    built: Built, kiosk: KioskShell
) -> None:
    panel = kiosk.window.panel
    built.language.set("en")
    kiosk.attract.pressed.emit()  # a visitor wakes it, reads in English, then leaves
    QApplication.processEvents()
    kiosk.attract.start()
    assert kiosk.attract.isVisible() and not panel.isVisible()
    built.language.set("uk")  # longer texts while the card lies over the panel (not laid out meanwhile)
    kiosk.window.resize(1400, 800)
    QApplication.processEvents()
    kiosk.attract.pressed.emit()  # the next visitor
    QApplication.processEvents()
    assert panel.isVisible() and "Пошук зони за частиною тіла" in panel.text()
    buttons = [b for b in panel.findChildren(QPushButton, "indexButton") if b.isVisible()]
    assert len(buttons) == len(built.session.content.body_index) == 10
    assert all(b.width() >= QFontMetrics(b.font()).horizontalAdvance(b.text()) for b in buttons)
    for label in panel.findChildren(QLabel):
        if label.isVisible() and label.wordWrap() and label.text():
            assert label.heightForWidth(label.width()) <= label.height() + 1, label.objectName()


def test_booking_qr_code_decodes_back_to_the_link_and_is_remembered(kiosk: KioskShell, tmp_path: Path) -> None:
    import numpy as np
    import zxingcpp

    from reflexmap.app.files import cache_dir
    from reflexmap.ui.qr import qr_modules

    image = kiosk.attract.qr.pixmap().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    data = np.array(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine())
    results = zxingcpp.read_barcodes(data[:, : image.width()])
    assert [r.text for r in results] == ["https://example.com/seizo/book"]
    # the next start draws it from the cache, without segno
    assert any(p.name.startswith("qrmodules-") for p in cache_dir().iterdir())
    assert qr_modules("https://example.com/seizo/book", cache_dir()) == qr_modules("https://example.com/seizo/book")
    assert qr_modules("https://example.com/other", cache_dir()) != qr_modules("https://example.com/seizo/book")


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


def test_visitors_never_see_a_broken_routine_file_staff_and_the_log_do(
    make_built: Callable[..., Built], tmp_path: Path, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    routines = tmp_path / "routines"
    routines.mkdir()
    good = (Path(__file__).resolve().parents[2] / "assets" / "routines" / "massage-ball.toml").read_text("utf-8")
    (routines / "salon-evening.toml").write_text(good.replace("massage", "salon", 1), encoding="utf-8")
    (routines / "salon.toml").write_text(good.replace("duration = ", "duration = -", 1), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        made = make_built("--kiosk", "--config", str(_config(tmp_path)), "--routines", str(routines))
    kiosk = made.kiosk
    assert kiosk is not None
    assert any("salon.toml" in r.getMessage() for r in caplog.records)  # the log has it
    kiosk.wake()
    window = kiosk.window
    window.show_routines()
    QApplication.processEvents()
    ids = [r.id for r in made.session.routines]
    assert "salon" not in ids and "salon-evening" in ids  # the list just lacks the broken one
    seen = [w.text() for w in window.findChildren(QLabel) if w.isVisible()]
    assert not any("salon.toml" in t for t in seen), [t for t in seen if "salon.toml" in t]
    assert not window.routines.findChild(QLabel, "routineNotice").isVisible()
    _open_staff(kiosk, qtbot)  # staff see it
    notices = [_text(kiosk.staff, f"staffNotice{i}") for i in range(3)]
    assert any("salon.toml" in n and "duration" in n for n in notices), notices


# --- hot reload, crashes, watchdog ------------------------------------------------------------


@contextmanager
def _reloading(
    paths: Paths, clock: FakeClock, poll_seconds: float = POLL_SECONDS, marker: StartMarker | None = None
) -> Iterator[tuple[Reloader, KioskRun]]:
    """The kiosk for ``paths`` as `reflexmap --kiosk` runs it, with its hot reloader, on the test's clock."""
    options = WindowOptions(kiosk=True)
    kiosk_run = KioskRun.start(clock)
    loaded = load_files(paths, marker)
    first = build(loaded, options, kiosk_run=kiosk_run, clock=clock)
    assert first.kiosk is not None
    first.kiosk.show()
    made = Reloader(
        lambda: load_files(paths, marker),
        lambda new: build(new, options, kiosk_run=kiosk_run, clock=clock),
        first,
        loaded,
        kiosk_run.report,
        poll_seconds=poll_seconds,
    )
    try:
        yield made, kiosk_run
    finally:
        if shiboken6.isValid(made):
            kiosks = [first.kiosk, made.kiosk]
            made.deleteLater()
        else:
            kiosks = [first.kiosk]
        for k in kiosks:
            if shiboken6.isValid(k):
                k.retire()


@pytest.fixture
def running(tmp_path: Path, qtbot: QtBot, clock: FakeClock) -> Iterator[tuple[Reloader, Path, KioskRun]]:
    """The kiosk as `reflexmap --kiosk` runs it, with its hot reloader, on the test's clock."""
    path = _config(tmp_path, enabled=True)
    with _reloading(Paths(config=path), clock) as (reloader, kiosk_run):
        yield reloader, path, kiosk_run


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
    new.staff.open()
    notices = "\n".join(_text(new.staff, f"staffNotice{i}") for i in range(3))
    assert "config.toml: рядок" in notices and "reflexmap" in notices and "попередній вміст" in notices
    assert not new.window.notice.isVisible()  # visitors see nothing of it


def test_a_reload_while_staff_are_in_the_panel_waits_until_they_leave_it(
    running: Running, qtbot: QtBot, clock: FakeClock
) -> None:
    reloader, path, kiosk_run = running
    old = reloader.kiosk
    _open_staff(old, qtbot)
    _edit_salon_name(path, "Seizó Later")
    _press(old.staff.findChild(QPushButton, "reloadButton"), qtbot)  # staff ask for it, even
    assert reloader.pending and reloader.kiosk is old and old.staff.isVisible()  # not thrown out
    assert kiosk_run.report.reload_waiting
    assert _text(old.staff, "staffReloadWaiting") == "Новий вміст готовий: він зʼявиться, щойно ви вийдете з панелі."
    clock.now += 61
    old.idle.update()  # nor by the visitors' idle time
    assert reloader.pending and reloader.kiosk is old and old.staff.isVisible()
    _press(old.staff.findChild(QPushButton, "staffBack"), qtbot)  # they leave
    assert not reloader.pending and reloader.kiosk is not old
    assert reloader.kiosk.window.header.title == "Seizó Later"
    assert not kiosk_run.report.reload_waiting


def test_uptime_is_the_processes_and_a_reload_is_not_a_crash(running: Running, qtbot: QtBot, clock: FakeClock) -> None:
    reloader, path, kiosk_run = running
    first = reloader.kiosk
    _open_staff(first, qtbot)
    last_run = _text(first.staff, "staffLastRun")
    assert "перший запуск" in last_run
    _press(first.staff.findChild(QPushButton, "staffBack"), qtbot)
    clock.now += 7 * 60
    for i in range(3):
        _edit_salon_name(path, f"Seizó {i}")
        reloader.reload()
    second = reloader.kiosk
    assert second is not first
    _open_staff(second, qtbot)
    assert _text(second.staff, "staffUptime") == "Працює 0 год 7 хв"
    assert _text(second.staff, "staffLastRun") == last_run  # still the run before this process, not "a crash"


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
        assert notifier.active and notifier.interval_ms == 1000 and notifier.watchdog_seconds == 2.0
        with qtbot.waitSignal(notifier.pinged, timeout=1000):
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
    assert not WatchdogNotifier({}).active and WatchdogNotifier({}).watchdog_seconds is None


# --- how the run ends: exit statuses, the record ---------------------------------------------------


def _run_kiosk(
    running: Running, act: Callable[[KioskShell], None], environ: dict[str, str] | None = None
) -> tuple[int, list[str]]:
    """``run_kiosk`` through the real wiring, ``act`` done in its event loop; its status and the restarts asked."""
    from reflexmap.app.runner import run_kiosk

    reloader, path, kiosk_run = running
    reloader.deleteLater()  # run_kiosk makes its own, as the command does
    built = reloader.built
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    restarts: list[str] = []
    QTimer.singleShot(0, lambda: act(reloader.kiosk))
    way_out = QTimer()  # the test's own way out if the exit were refused, stopped after: a stray
    way_out.setSingleShot(True)  # exit() would end the event loops of the tests that follow at once
    way_out.timeout.connect(lambda: app.exit(99))
    way_out.start(8000)
    try:
        status = run_kiosk(
            app,
            built,
            load_files(Paths(config=path)),
            Paths(config=path),
            WindowOptions(),
            kiosk_run,
            restart=lambda: restarts.append("again"),
            environ=environ or {},
        )
    finally:
        way_out.stop()
    return status, restarts


@pytest.mark.parametrize("reload_at_once", [False, True], ids=["drawn", "replaced-before-drawn"])
def test_the_kiosk_gets_the_app_icon_even_when_a_reload_replaces_its_first_window_before_it_is_drawn(
    running: Running, reload_at_once: bool
) -> None:
    from PySide6.QtGui import QIcon

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setWindowIcon(QIcon())
    seen: list[bool] = []

    def act(kiosk: KioskShell) -> None:
        if reload_at_once:  # staff's reload, in the loop's first turn: before the first window's map is drawn
            kiosk.reload_requested.emit()

        def look() -> None:
            seen.append(not QApplication.windowIcon().isNull())
            app.exit(0)

        QTimer.singleShot(1500, look)

    first = running[0].kiosk
    status, _ = _run_kiosk(running, act)
    for window in QApplication.topLevelWidgets():  # the kiosk the reload put up: it gives back its cursor
        for kiosk in window.findChildren(KioskShell):
            if kiosk is not first:
                kiosk.retire()
    assert status == 0 and seen == [True]


def _as_staff(button: str) -> Callable[[KioskShell], None]:
    def act(kiosk: KioskShell) -> None:
        kiosk.open_pin_pad()
        for key in PIN:
            kiosk.pad.findChild(QPushButton, f"pinKey_{key}").click()

        def then(result: PinResult) -> None:
            assert kiosk.staff.isVisible()
            kiosk.staff.findChild(QPushButton, button).click()

        kiosk.pins.checked.connect(then)
        kiosk.pad.findChild(QPushButton, "pinKey_✓").click()

    return act


def test_staff_exit_ends_with_the_status_the_units_do_not_restart_on(running: Running, tmp_path: Path) -> None:
    """Exit in the staff panel: status 10 (RestartPreventExitStatus=10 in packaging/), the record says so."""
    status_file = tmp_path / "status"
    status, restarts = _run_kiosk(running, _as_staff("exitButton"), {STATUS_FILE_VARIABLE: str(status_file)})
    assert status == EXIT_STAFF == 10 and restarts == []
    assert status_file.read_text().strip() == "10"  # for cage 0.1.4, which always exits 0 (see packaging/)
    previous = RunRecord(_record_path()).last_restart()
    assert previous is not None and previous.ending == Ending.STAFF_EXIT


def test_staff_restart_starts_the_program_again_in_place(running: Running) -> None:
    status, restarts = _run_kiosk(running, _as_staff("restartButton"))
    assert restarts == ["again"]  # os.execv in real life: this returns only if that failed...
    assert status == EXIT_RESTART == 11  # ...and then the units restart it
    previous = RunRecord(_record_path()).last_restart()
    assert previous is not None and previous.ending == Ending.STAFF_RESTART


def test_sigterm_from_systemd_is_a_clean_exit(running: Running) -> None:
    status, _ = _run_kiosk(running, lambda kiosk: os.kill(os.getpid(), signal.SIGTERM))
    assert status == 0
    previous = RunRecord(_record_path()).last_restart()
    assert previous is not None and previous.ending == Ending.CLEAN_EXIT
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL  # put back as it was


def test_under_the_watchdog_the_record_keeps_the_last_sign_of_life(running: Running, tmp_path: Path) -> None:
    address = tmp_path / "notify.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as server:
        server.bind(str(address))
        environ = {"NOTIFY_SOCKET": str(address), "WATCHDOG_USEC": "30000000"}

        def look(kiosk: KioskShell) -> None:
            data = json.loads(_record_path().read_text(encoding="utf-8"))
            assert data["alive"] is not None and data["watchdog_seconds"] == 30.0 and data["why"] is None
            assert data["boot_id"] and data["pid"] == os.getpid()
            os.kill(os.getpid(), signal.SIGTERM)

        status, _ = _run_kiosk(running, look, environ)
        messages = []
        server.setblocking(False)
        while True:
            try:
                messages.append(server.recv(64))
            except BlockingIOError:
                break
    assert status == 0
    assert messages[:2] == [b"READY=1", b"WATCHDOG=1"] and messages[-1] == b"STOPPING=1"


def test_the_staff_report_is_made_once_per_process(running: Running, qtbot: QtBot) -> None:
    """Errors and file problems seen before a reload are still in the panel after it."""
    reloader, path, kiosk_run = running
    first = reloader.kiosk
    try:
        raise ValueError("an error before the reload")
    except ValueError:
        reloader.on_exception(*sys.exc_info())
    _edit_salon_name(path, "Seizó again")
    reloader.reload()
    assert reloader.kiosk is not first
    _open_staff(reloader.kiosk, qtbot)
    assert _text(reloader.kiosk.staff, "staffErrors") == "Помилок від запуску: 1"
    assert _text(reloader.kiosk.staff, "staffError0") == "ValueError: an error before the reload"


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
    assert any(line.startswith("bad.toml: line 1, field language: 'de' is not one of") for line in lines)
    assert len(lines) == 5  # each bad setting of the config, not only the first


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


@pytest.mark.parametrize("waiting_for", ["visitor", "staff"])
def test_a_refused_edit_drops_the_good_reload_still_waiting(running: Running, qtbot: QtBot, waiting_for: str) -> None:
    """A good edit waits for a quiet moment; a half-written edit after it is refused, and the quiet moment
    then brings neither: the screen keeps the content from before both."""
    reloader, path, kiosk_run = running
    old = reloader.kiosk
    if waiting_for == "visitor":
        old.wake()  # a visitor is using it
    else:
        _open_staff(old, qtbot)
    _edit_salon_name(path, "Seizó Later")
    reloader.reload()
    assert reloader.pending and reloader.kiosk is old
    assert kiosk_run.report.reload_waiting == (waiting_for == "staff")
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("Seizó Later") + len("Seizó La")], encoding="utf-8")  # the editor's first bytes
    reloader.reload()
    assert not reloader.pending and not kiosk_run.report.reload_waiting
    refused = [n for n in kiosk_run.report.notices if n.startswith("config.toml: ")]
    assert refused and refused[-1].endswith("The previous content stays on screen."), kiosk_run.report.notices
    if waiting_for == "visitor":
        old.idle.rest()  # the visitor leaves: the idle reset
    else:
        assert "config.toml" in _text(old.staff, "staffNotice0")  # staff see why, in the panel they are in
        assert not old.staff.findChild(QLabel, "staffReloadWaiting").isVisible()  # nothing is ready any more
        _press(old.staff.findChild(QPushButton, "staffBack"), qtbot)  # they leave
    assert reloader.kiosk is old and old.window.header.title == "Seizó"


ROUTINE = (
    'name = {{ en = "{name}", uk = "{name}" }}\ndescription = {{ en = "d", uk = "о" }}\n'
    '[[steps]]\nzone = "heel"\nfoot = "left"\nduration = 10\ninstruction = {{ en = "a", uk = "б" }}\n'
)


def _routine_names(reloader: Reloader) -> dict[str, str]:
    return {r.id: r.name.en for r in reloader.built.session.routines}


def _routine_folder(folder: Path, count: int) -> Path:
    folder.mkdir()
    for i in range(count):
        (folder / f"r{i:03}.toml").write_text(ROUTINE.format(name=f"Routine {i}"), encoding="utf-8")
    return folder


def test_routine_folders_are_watched_not_each_file(tmp_path: Path, clock: FakeClock) -> None:
    """300 routine files take no watch each: the folders, the config and the logo are all that is watched."""
    config = _config(tmp_path, enabled=True)
    folder = _routine_folder(tmp_path / "routines", 300)
    with _reloading(Paths(config=config, routines=folder), clock) as (reloader, _):
        watched = reloader.watching
        assert str(folder) in watched and str(config) in watched and str(tmp_path / "logo.svg") in watched
        assert len(watched) <= 6, watched


@pytest.mark.parametrize("save", ["renamed in", "written in place"])
def test_a_routine_saved_either_way_reloads(tmp_path: Path, qtbot: QtBot, clock: FakeClock, save: str) -> None:
    """Saved the way most editors save (a new file renamed over the old one: the folder's watch sees it, no poll
    needed), or written in place (the folder's watch says nothing: the poll sees it), the routine reloads."""
    config = _config(tmp_path, enabled=True)
    folder = _routine_folder(tmp_path / "routines", 150)
    poll = 3600 if save == "renamed in" else 0.2
    with _reloading(Paths(config=config, routines=folder), clock, poll_seconds=poll) as (reloader, _):
        assert _routine_names(reloader)["r001"] == "Routine 1"
        target = folder / "r001.toml"
        if save == "renamed in":
            new = folder / ".r001.toml.swp"
            new.write_text(ROUTINE.format(name="Saved"), encoding="utf-8")
        inode = target.stat().st_ino
        with qtbot.waitSignal(reloader.replaced, timeout=5000):
            if save == "renamed in":
                os.replace(new, target)
            else:
                target.write_text(ROUTINE.format(name="Saved"), encoding="utf-8")
        assert (target.stat().st_ino == inode) == (save == "written in place")
        assert _routine_names(reloader)["r001"] == "Saved"


def test_a_config_deleted_then_written_again_reloads(running: Running, qtbot: QtBot) -> None:
    """Deleting a file takes its watch with it: writing it again later is still seen (by the poll)."""
    reloader, path, kiosk_run = running
    old = reloader.kiosk
    text = path.read_text(encoding="utf-8")
    path.unlink()
    reloader.reload()  # what the watch would do: refused, the file is gone
    assert reloader.kiosk is old and any("no such file" in n for n in kiosk_run.report.notices)
    path.write_text(text.replace("Seizó", "Seizó Again"), encoding="utf-8")
    with qtbot.waitSignal(reloader.replaced, timeout=round((POLL_SECONDS + 3) * 1000)):
        pass
    assert reloader.kiosk.window.header.title == "Seizó Again"


def test_a_file_a_start_died_on_stays_skipped_through_reloads_which_it_does_not_refuse(
    tmp_path: Path, qtbot: QtBot, clock: FakeClock
) -> None:
    """The art a start died reading: the kiosk shows the built-in feet and tells staff once, however often
    the salon's other files are reloaded (the reload is not refused for it: it is no problem, only skipped)."""
    config = _config(tmp_path, enabled=True)
    config.write_text('art = "salon-feet.svg"\n' + config.read_text(encoding="utf-8"), encoding="utf-8")
    art = tmp_path / "salon-feet.svg"
    art.write_bytes((Path(__file__).resolve().parents[2] / "assets" / "art" / "feet.svg").read_bytes())
    state = tmp_path / "state" / "loading.json"
    StartMarker(state).before_loading(art)  # and the start died there
    with _reloading(Paths(config=config), clock, marker=StartMarker(state)) as (reloader, kiosk_run):
        assert reloader.built.session.art.source.name == "feet.svg"
        for name in ("Seizó Later", "Seizó Again"):
            _edit_salon_name(config, name)
            reloader.reload()
            assert reloader.kiosk.window.header.title == name
        assert reloader.built.session.art.source.name == "feet.svg"
        said = [n for n in kiosk_run.report.notices if "salon-feet.svg was being loaded" in n]
        assert len(said) == 1, kiosk_run.report.notices
        _open_staff(reloader.kiosk, qtbot)
        assert "salon-feet.svg" in _text(reloader.kiosk.staff, "staffNotice0")


def test_a_reload_while_the_attract_card_shows_builds_no_zone_panel_on_the_window_it_retires(
    running: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window going away stays as it was under its card: only the new kiosk's first touch builds a panel."""
    from reflexmap.ui.zone_panel import ZonePanel

    reloader, path, _ = running
    old = reloader.kiosk
    assert old.attract.isVisible()
    built: list[object] = []
    real = ZonePanel.__init__

    def counting(self: ZonePanel, *args: object, **kwargs: object) -> None:
        built.append(self)
        real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ZonePanel, "__init__", counting)
    _edit_salon_name(path, "Seizó again")
    reloader.reload()  # the kiosk rests: the reload lands at once
    assert reloader.kiosk is not old and reloader.kiosk.attract.isVisible()
    assert built == []
    reloader.kiosk.attract.pressed.emit()  # the next visitor
    assert len(built) == 1 and reloader.kiosk.window.panel.isVisible()


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
