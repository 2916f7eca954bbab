"""Readable for everyone: every text fits and has enough contrast, in every combination.

Both languages x landscape 1280x800 and portrait 800x1280 x the three text
sizes, on every screen: the map overview, a chosen zone, and the four pages
of the Routines tab.  A label fits when its size hint (height for its width,
for wrapped text) is within its widget; a button when its size hint is; a
painted caption when its text fits its rectangle and no two captions meet.
Contrast is WCAG's ratio of the text colour to the background it sits on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPalette, QTextDocument
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QPushButton, QWidget

from reflexmap.app.build import Built
from reflexmap.placement import minimum
from reflexmap.ui import style
from reflexmap.ui.caption import Caption
from reflexmap.ui.fit_label import ElidedLabel, FitLabel
from reflexmap.ui.fonts import SCALES
from reflexmap.ui.main_window import MainWindow
from tests.ui.conftest import FakeClock

# the windows placement.py opens on 1280x800, 800x1280 and 1366x768 screens (90 % of each), and 1280x800 itself;
# the smallest windows allowed are tested below
SIZES = ("1280x800", "800x1280", "1229x691", "1152x720", "720x1152")


def _screens(built: Built, clock: FakeClock) -> Iterator[str]:
    """Put the window through every screen a visitor can reach; yield a name for each."""
    window = built.window
    window.tabs.setCurrentIndex(0)
    window.map.select_zone(None)
    yield "map overview"
    window.map.select_zone("ankle")
    yield "zone chosen"
    window.tabs.setCurrentWidget(window.routines)
    player = built.session.player
    window.routines.choose("massage-ball", 10)
    yield "routine list"
    player.start()
    yield "safety check"
    player.confirm_safety()
    clock.now += 5
    player.update()
    player.jump(6)  # the first step on the left foot: the longest instruction
    yield "playing"
    player.jump(5)
    yield "until done"
    player.pause()
    yield "paused"
    player.jump(len(player.plan()) - 1)
    player.done()
    yield "finished"
    player.stop()


def _visible(window: MainWindow, kind: type[QWidget]) -> list[QWidget]:
    return [w for w in window.findChildren(kind) if w.isVisible() and w.width() > 0]


def _fits(widget: QWidget) -> str | None:
    if isinstance(widget, FitLabel) and widget.text():  # as large as fits, never below its own font
        return None if widget.fits() else f"does not fit {widget.width()}x{widget.height()} even at its smallest"
    if isinstance(widget, ElidedLabel):  # one line by design; the whole text is its tooltip, as the tooltip shows it
        shown = QTextDocument()
        shown.setHtml(widget.toolTip())
        return None if shown.toPlainText() == widget.text() else "lost its full text"
    if isinstance(widget, QLabel) and widget.text():
        if widget.wordWrap():
            need = widget.heightForWidth(widget.width())
            if need > widget.height() + 1:
                return f"needs {need} px of height, has {widget.height()}"
        elif widget.sizeHint().width() > widget.width() + 1:
            return f"needs {widget.sizeHint().width()} px of width, has {widget.width()}"
    if isinstance(widget, QAbstractButton) and widget.text():
        # the style's own minimum width says nothing about the text: measure the text
        metrics = QFontMetrics(widget.font())
        need_w = metrics.horizontalAdvance(widget.text()) + 12
        if need_w > widget.width() or metrics.height() > widget.height():
            return f"needs {need_w}x{metrics.height()}, has {widget.width()}x{widget.height()}"
    if isinstance(widget, Caption) and widget.text():
        rect = widget.rect().adjusted(4, 2, -4, -2)
        flags = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        inked = QFontMetrics(widget.font()).boundingRect(rect, flags, widget.text())
        if inked.height() > rect.height() + 1:
            return f"needs {inked.height()} px of height, has {rect.height()}"
    return None


def _captions_fit(window: MainWindow) -> list[str]:
    problems = []
    for fmap in (window.map, window.routines.map):
        if not fmap.isVisible():
            continue
        laid = fmap.caption_layout()
        flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
        for text, rect, font in laid:
            need = QFontMetrics(font).boundingRect(rect.toAlignedRect(), flags, text)
            if (
                need.width() > rect.width() + 2
                or need.height() > rect.height() + 1
                or not QRectF(fmap.rect()).contains(rect.center())
            ):
                problems.append(f"map caption {text!r} does not fit")
        if len({font.pixelSize() for _, _, font in laid}) > 1:
            problems.append(f"map captions in different sizes: {[(t, f.pixelSize()) for t, _, f in laid]}")
        inked = [QRectF(QFontMetrics(f).boundingRect(r.toAlignedRect(), flags, t)) for t, r, f in laid]
        for i, (a, _, _) in enumerate(laid):
            for j in range(i + 1, len(laid)):
                b = laid[j][0]
                if inked[i].intersects(inked[j]):
                    problems.append(f"map captions {a!r} and {b!r} overlap")
    return problems


def _clipping(make_built: Callable[..., Built], clock: FakeClock, lang: str, size: str, step: int) -> list[str]:
    """Everything that does not fit, on every screen, in a window of ``size``."""
    built = make_built("--size", size, "--lang", lang, clock=clock)
    window = built.window
    built.sizes.set_step(step)
    problems: list[str] = []
    for screen in _screens(built, clock):
        QApplication.processEvents()
        window.grab()  # lays everything out
        if window.size().toTuple() != tuple(int(v) for v in size.split("x")):
            problems.append(f"{screen}: the window needs more than {size} (it grew to {window.size().toTuple()})")
        for widget in _visible(window, QWidget):
            problem = _fits(widget)
            if problem:
                text = getattr(widget, "text", lambda: "")()
                problems.append(f"{screen}: {widget.objectName() or type(widget).__name__} {text[:40]!r} {problem}")
        problems += [f"{screen}: {p}" for p in _captions_fit(window)]
    return problems


@pytest.mark.parametrize("lang", ["uk", "en"])
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("step", range(len(SCALES)))
def test_no_text_is_clipped(
    make_built: Callable[..., Built], clock: FakeClock, lang: str, size: str, step: int
) -> None:
    problems = _clipping(make_built, clock, lang, size, step)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["uk", "en"])
@pytest.mark.parametrize("portrait", [False, True], ids=["landscape", "portrait"])
@pytest.mark.parametrize("step", range(len(SCALES)))
def test_nothing_clips_in_the_smallest_window_the_desktop_allows(
    make_built: Callable[..., Built], clock: FakeClock, lang: str, portrait: bool, step: int
) -> None:
    width, height = minimum(portrait, step)
    problems = _clipping(make_built, clock, lang, f"{width}x{height}", step)
    assert not problems, "\n".join(problems)


def _luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _background(widget: QWidget) -> QColor:
    if isinstance(widget, QPushButton) and not widget.isFlat():
        return widget.palette().color(QPalette.ColorRole.Button)
    w: QWidget | None = widget
    while w is not None:
        if w.autoFillBackground():
            return w.palette().color(w.backgroundRole())
        w = w.parentWidget()
    return QApplication.palette().color(QPalette.ColorRole.Window)


@pytest.mark.parametrize("size", SIZES)
def test_every_text_meets_wcag_aa_contrast(make_built: Callable[..., Built], clock: FakeClock, size: str) -> None:
    built = make_built("--size", size, clock=clock)
    window = built.window
    problems = []
    for screen in _screens(built, clock):
        window.grab()
        for widget in _visible(window, QWidget):
            if not isinstance(widget, (QLabel, QAbstractButton, Caption)):
                continue
            group = QPalette.ColorGroup.Active if widget.isEnabled() else QPalette.ColorGroup.Disabled
            role = QPalette.ColorRole.ButtonText if isinstance(widget, QAbstractButton) else widget.foregroundRole()
            fg = widget.palette().color(group, role)
            bg = _background(widget)
            ratio = contrast(fg, bg)
            if ratio < 4.5:
                problems.append(
                    f"{screen}: {widget.objectName() or type(widget).__name__}: "
                    f"{fg.name()} on {bg.name()} is {ratio:.2f}:1"
                )
    # text the widgets paint themselves
    for name, fg, bg in (
        ("map captions", QColor(style.MUTED), QColor(style.BACKGROUND)),
        ("3-2-1 countdown", QColor(style.ACCENT_FILL), QColor(style.BACKGROUND)),
        ("primary buttons", QColor(style.SURFACE), QColor(style.ACCENT_FILL)),
        ("selected list row", QColor(style.SURFACE), QColor(style.FOCUS)),
    ):
        if contrast(fg, bg) < 4.5:
            problems.append(f"{name}: {fg.name()} on {bg.name()} is {contrast(fg, bg):.2f}:1")
    assert not problems, "\n".join(problems)


def _inked_height(widget: QWidget) -> int:
    """How many pixel rows of ``widget`` carry its text (dark ink on the light page)."""
    image = widget.grab().toImage()
    rows = [
        y
        for y in range(image.height())
        if any(image.pixelColor(x, y).lightness() < 128 for x in range(0, image.width(), 2))
    ]
    return rows[-1] - rows[0] + 1 if rows else 0


@pytest.mark.parametrize("kiosk", [False, True], ids=["desktop", "kiosk"])
def test_the_countdown_and_the_instruction_grow_with_the_window_and_the_text_size(
    make_built: Callable[..., Built], clock: FakeClock, kiosk: bool
) -> None:
    """Read from across the room: bigger window or bigger text, never smaller figures or words."""
    measured: dict[tuple[str, int], tuple[int, int]] = {}
    problems = []
    for size in ("1280x800", "1920x1080", "800x1280"):
        built = make_built("--size", size, "--lang", "en", *(["--kiosk"] if kiosk else []), clock=clock)
        window = built.window
        screens = _screens(built, clock)
        while next(screens) != "playing":
            pass
        countdown = window.findChild(FitLabel, "countdown")
        instruction = window.findChild(FitLabel, "instruction")
        assert countdown is not None and instruction is not None
        for step in range(len(SCALES)):
            built.sizes.set_step(step)
            QApplication.processEvents()
            window.grab()
            digits = _inked_height(countdown)
            words = instruction.fitted_font().pixelSize()
            body = QApplication.font().pixelSize()
            measured[size, step] = (digits, words)
            if words < 2 * body:
                problems.append(f"{size} step {step}: the instruction is {words} px, the body text {body} px")
            if size == "1920x1080" and digits < window.height() / 10:
                problems.append(f"{size} step {step}: the countdown's digits are {digits} px of {window.height()}")
        for _ in screens:  # to the end of the routine
            pass
    for size in ("1280x800", "1920x1080", "800x1280"):
        for step in range(1, len(SCALES)):
            if any(now < before for now, before in zip(measured[size, step], measured[size, step - 1], strict=True)):
                problems.append(f"{size}: smaller at text step {step} than at {step - 1}: {measured}")
    for step in range(len(SCALES)):
        if any(big < small for big, small in zip(measured["1920x1080", step], measured["1280x800", step], strict=True)):
            problems.append(f"step {step}: smaller in the bigger window: {measured}")
    assert not problems, "\n".join(problems)
