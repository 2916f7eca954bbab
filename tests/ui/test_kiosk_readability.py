"""Every line of the kiosk's own screens is there in full: attract, "Still there?", PIN pad, staff panel.

Both languages x 1280x800 and 800x1280 x the three text sizes, with the
staff panel at its fullest (a long run behind it, many errors and problems
with files, a reload waiting).  A wrapped label fits when its height for
its width is within its widget; a one-line label and a button when their
text's width is; and every text is inside the window.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from platformdirs import user_state_path
from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from reflexmap.app.build import Built, KioskRun, build
from reflexmap.app.files import load_files
from reflexmap.kiosk.pins import hash_pin
from reflexmap.kiosk.staff_report import StaffReport
from reflexmap.messages import Message
from reflexmap.options import parse_window_args
from reflexmap.ui.fonts import SCALES
from reflexmap.ui.kiosk import KioskShell
from tests.ui.conftest import FakeClock

PIN = "2468"
SIZES = ("1280x800", "800x1280")


def _config(folder: Path) -> Path:
    example = Path(__file__).resolve().parents[2] / "docs" / "kiosk-example"
    (folder / "logo.svg").write_bytes((example / "logo.svg").read_bytes())
    text = (example / "config.toml").read_text(encoding="utf-8")
    start = text.index('pin_hash = "') + len('pin_hash = "')
    text = text[:start] + hash_pin(PIN, iterations=1000) + text[text.index('"', start) :]
    path = folder / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _problem(widget: QWidget) -> str | None:
    text = widget.text() if isinstance(widget, (QLabel, QAbstractButton)) else ""
    if not text.strip():
        return None
    metrics = QFontMetrics(widget.font())
    if isinstance(widget, QLabel) and widget.wordWrap():
        need = widget.heightForWidth(widget.width())
        if need > widget.height() + 1:
            return f"needs {need} px of height, has {widget.height()}"
    elif isinstance(widget, QLabel):
        need_w = max(metrics.horizontalAdvance(line) for line in text.splitlines())
        if need_w > widget.width() + 1:
            return f"needs {need_w} px of width, has {widget.width()}"
    else:
        need_w = metrics.horizontalAdvance(text) + 12
        if need_w > widget.width() or metrics.height() > widget.height():
            return f"needs {need_w}x{metrics.height()}, has {widget.width()}x{widget.height()}"
    window = widget.window()
    box = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    if not window.rect().contains(box):
        return f"is outside the window ({box.getRect()} in {window.rect().getRect()})"
    return None


def _check(kiosk: KioskShell, overlay: QWidget, screen: str) -> list[str]:
    QApplication.processEvents()
    kiosk.window.grab()  # lays everything out
    problems = []
    for widget in overlay.findChildren(QWidget):
        if widget.isVisible() and isinstance(widget, (QLabel, QAbstractButton)):
            problem = _problem(widget)
            if problem:
                problems.append(f"{screen}: {widget.objectName()} {widget.text()[:50]!r} {problem}")
    return problems


def _screens(kiosk: KioskShell, built: Built, qtbot: QtBot, clock: FakeClock) -> Iterator[tuple[str, QWidget]]:
    longest = max(kiosk.window.map.zone_ids(), key=lambda z: len(built.session.content.zone(z).corresponds("uk")))
    while kiosk.attract_zone != longest:
        kiosk.attract.show_next()
    yield "attract loop", kiosk.attract
    kiosk.wake()
    kiosk.window.show_routines()
    kiosk.window.routines.choose("finger-self-massage")
    player = built.session.player
    player.start()
    player.confirm_safety()
    player.pause()
    clock.now += 61
    kiosk.idle.update()
    yield "still there?", kiosk.still
    kiosk.wake()
    kiosk.open_pin_pad()
    yield "PIN pad", kiosk.pad
    for attempt in range(5):
        for key in "1111":
            kiosk.pad.findChild(QPushButton, f"pinKey_{key}").click()
        with qtbot.waitSignal(kiosk.pins.checked, timeout=5000):
            kiosk.pad.findChild(QPushButton, "pinKey_✓").click()
        if attempt == 0:
            yield "PIN pad, wrong PIN", kiosk.pad
    yield "PIN pad, locked", kiosk.pad
    kiosk.close_staff()
    kiosk.staff.open()
    yield "staff panel", kiosk.staff


@pytest.fixture
def make_kiosk(qtbot: QtBot, clock: FakeClock) -> Iterator[Callable[..., tuple[Built, StaffReport]]]:
    """The kiosk as the command line builds it, with the process's staff report in the test's hands."""
    made: list[KioskShell] = []

    def make(*argv: str) -> tuple[Built, StaffReport]:
        paths, options = parse_window_args(list(argv))
        run = KioskRun.start(clock)
        built = build(load_files(paths), options, clock=clock, kiosk_run=run)
        assert built.kiosk is not None
        qtbot.addWidget(built.window)
        built.window.show()
        qtbot.waitExposed(built.window)
        made.append(built.kiosk)
        return built, run.report

    yield make
    for kiosk in made:
        if shiboken6.isValid(kiosk):
            kiosk.retire()


def _fill(report: StaffReport) -> None:
    """As many problems with files and errors as the panel lists, each as long as they come, and more."""
    for i in range(StaffReport.MAX_NOTICES):
        problem = Message(
            "{file}: line {line}, field {field}: {problem}.",
            file=f"salon-evening-routine-{i}.toml",
            line=120 + i,
            field="steps.instruction.uk",
            problem=Message("is longer than {limit} characters", limit=2000),
        )
        report.add_notice(Message("{problem} The previous content stays on screen.", problem=problem))
    for i in range(StaffReport.MAX_ERRORS):
        report.record_error(f"KeyError: 'a zone name nobody expected in a routine step, number {i}' " * 3)
    report.set_reload_waiting(True)


@pytest.mark.parametrize("lang", ["uk", "en"])
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("step", range(len(SCALES)))
def test_no_kiosk_text_is_clipped(
    make_kiosk: Callable[..., tuple[Built, StaffReport]],
    tmp_path: Path,
    qtbot: QtBot,
    clock: FakeClock,
    lang: str,
    size: str,
    step: int,
) -> None:
    # the run before ended by a power cut: the longest "last start" line
    record = user_state_path("reflexmap", appauthor=False) / "last-run.json"
    record.parent.mkdir(parents=True, exist_ok=True)
    record.write_text(json.dumps({"started": 1.7e9, "boot_id": "another boot", "ended": None, "why": None}))
    built, report = make_kiosk("--kiosk", "--config", str(_config(tmp_path)), "--size", size, "--lang", lang)
    kiosk = built.kiosk
    assert kiosk is not None
    built.window.resize(*(int(v) for v in size.split("x")))
    built.sizes.set_step(step)
    _fill(report)
    problems: list[str] = []
    for screen, overlay in _screens(kiosk, built, qtbot, clock):
        problems += _check(kiosk, overlay, screen)
    assert not problems, "\n".join(problems)
    panel = kiosk.staff
    shown = [w for w in panel.findChildren(QLabel) if w.isVisible() and w.text()]
    names = {w.objectName() for w in shown}
    assert {"staffUptime", "staffMemory", "staffLastRun", "staffErrors", "staffReloadWaiting"} <= names
    assert {"staffError0", "staffError2", "staffNotice0", "staffNotice2", "staffMoreNotices"} <= names
