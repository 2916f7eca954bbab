"""The attract loop shows what it advertises: the highlighted zone is never covered, and it stands out.

Both measured on rendered pixels: the zone's pixels are those that change
when the guide highlight is switched on, and WCAG's non-text contrast (3:1)
is taken between the highlight at its faintest and the same pixels without
it, and the art around the zone.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from reflexmap.app.build import Built, build
from reflexmap.app.files import load_files
from reflexmap.options import Paths, WindowOptions
from reflexmap.ui import map_guide
from tests.ui.conftest import FakeClock

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "kiosk-example" / "config.toml"
SIZES = ("1280x800", "800x1280")


def _pixels(widget: QWidget) -> Any:
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    w, h, stride = image.width(), image.height(), image.bytesPerLine()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * h).reshape(h, stride)
    return data[:, : w * 3].reshape(h, w, 3).astype(np.float64)


def _luminance(pixels: Any) -> Any:
    c = pixels / 255.0
    c = np.where(c <= 0.03928, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return 0.2126 * c[..., 0] + 0.7152 * c[..., 1] + 0.0722 * c[..., 2]


def _contrast(a: Any, b: Any) -> Any:
    return (np.maximum(a, b) + 0.05) / (np.minimum(a, b) + 0.05)


def _grow(mask: Any, r: int) -> Any:
    out = mask.copy()
    for dy in range(-r, r + 1):
        for dx in range(-r, r + 1):
            out |= np.roll(np.roll(mask, dy, 0), dx, 1)
    return out


def _guided(widget: QWidget, built: Built, zone: str) -> tuple[Any, Any, Any]:
    """``widget``'s pixels with ``zone`` highlighted, without, and the mask of the pixels the highlight changes."""
    fmap = built.window.map
    fmap.set_guide((zone,), None, pulsing=True)
    QApplication.processEvents()
    lit = _pixels(widget)
    fmap.set_guide(())
    QApplication.processEvents()
    plain = _pixels(widget)
    fmap.set_guide((zone,), None, pulsing=True)
    return lit, plain, np.abs(lit - plain).max(axis=2) > 8


@pytest.mark.parametrize("step", [0, 1, 2])
@pytest.mark.parametrize("size", SIZES)
def test_the_card_never_covers_the_highlighted_zone(
    make_built: Callable[..., Built], clock: FakeClock, size: str, step: int
) -> None:
    """Landscape: the card beside the feet; portrait: below them; every zone's highlight stays in sight."""
    built = make_built("--kiosk", "--config", str(EXAMPLE), "--size", size, clock=clock)
    kiosk = built.kiosk
    assert kiosk is not None
    window = built.window
    window.resize(*(int(v) for v in size.split("x")))
    built.sizes.set_step(step)
    QApplication.processEvents()
    assert kiosk.attract.isVisible()
    card = kiosk.attract.card_rect
    feet = window.map.geometry().translated(window.map.mapTo(window, window.map.rect().topLeft()) - window.map.pos())
    if window.width() > window.height():
        assert card.left() > feet.right()  # beside
    else:
        assert card.top() > feet.bottom()  # below
    for zone in window.map.zone_ids():
        while kiosk.attract_zone != zone:
            kiosk.attract.show_next()
        _, _, lit = _guided(window, built, zone)
        ys, xs = np.nonzero(lit)
        assert len(xs) > 200, f"{zone}: its highlight is not on screen"
        inside = (xs >= card.left()) & (xs <= card.right()) & (ys >= card.top()) & (ys <= card.bottom())
        assert not inside.any(), f"{zone}: {int(inside.sum())} highlighted pixels under the card at {size}"


@pytest.mark.parametrize("config", [None, EXAMPLE], ids=["default accent", "example salon's accent"])
def test_the_highlight_at_its_faintest_keeps_3_to_1_against_the_art_around_it(
    make_built: Callable[..., Built], config: Path | None
) -> None:
    """WCAG 2.2 non-text contrast, from the rendered pixels: the pulse's faintest tint of each zone against
    the same pixels untinted, and against the fills of the zones (and the page) around it."""
    clock = FakeClock(1000.0 + map_guide.PULSE_MS / 2000)  # half a breath in: the pulse at its faintest
    args = ["--kiosk", "--size", "1280x800"] + (["--config", str(config)] if config else [])
    built = make_built(*args, clock=clock)
    fmap = built.window.map
    built.window.resize(1280, 800)
    QApplication.processEvents()
    problems = []
    for zone in fmap.zone_ids():
        lit, plain, mask = _guided(fmap, built, zone)
        assert fmap.pulsing
        inner = ~_grow(~mask, 4)  # away from the outline
        ring = _grow(mask, 9) & ~_grow(mask, 4)  # the art just around the zone
        tint, own = _luminance(lit[inner]), _luminance(plain[inner])
        against_itself = float(np.percentile(_contrast(tint, own), 5))
        if against_itself < 3.0:
            problems.append(f"{zone}: {against_itself:.2f}:1 against its own fill")
        around = plain[ring].astype(np.int64)
        packed = around[:, 0] << 16 | around[:, 1] << 8 | around[:, 2]
        colours, counts = np.unique(packed, return_counts=True)
        neighbours = colours[counts >= 0.08 * len(packed)]  # the fills around it, not the thin lines of the art
        assert len(neighbours) > 0
        for packed_colour in neighbours:
            rgb = np.array([[packed_colour >> 16, (packed_colour >> 8) & 255, packed_colour & 255]], float)
            ratio = float(_contrast(np.median(tint), _luminance(rgb))[0])
            if ratio < 3.0:
                problems.append(f"{zone}: {ratio:.2f}:1 against #{int(packed_colour):06x} around it")
    assert not problems, "\n".join(problems)


# --- the logo: drawn from the bytes that were checked ----------------------------------------------------------

RED_LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#f00"/></svg>'
)


def _red_png(path: Path) -> None:
    image = QImage(40, 40, QImage.Format.Format_ARGB32)
    image.fill(0xFFFF0000)
    assert image.save(str(path))


@contextmanager
def _readers_of(fifo: Path) -> Iterator[list[str]]:
    """Notes whether anything opens the named pipe ``fifo`` for reading (and lets such a reader go at once)."""
    seen: list[str] = []
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            try:  # a writer opens without blocking only if a reader is there
                fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                time.sleep(0.01)
                continue
            seen.append("opened")
            os.close(fd)  # the reader sees the end of the file: it cannot hang on it

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    try:
        yield seen
    finally:
        stop.set()
        thread.join(5)


@pytest.mark.parametrize("kind", ["svg", "png"])
def test_the_logo_is_drawn_from_the_checked_bytes_even_when_the_file_is_swapped_for_a_pipe(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock, kind: str
) -> None:
    """The kiosk draws the logo load_files checked; the file is not read again, so a pipe swapped in cannot hang it."""
    logo = tmp_path / f"logo.{kind}"
    if kind == "svg":
        logo.write_text(RED_LOGO, encoding="utf-8")
    else:
        _red_png(logo)
    config = tmp_path / "config.toml"
    config.write_text(f'[branding]\nsalon_name = "Seizó"\nlogo = "{logo.name}"\n', encoding="utf-8")
    loaded = load_files(Paths(config=config))
    assert loaded.logo is not None and not loaded.problems
    logo.unlink()
    os.mkfifo(logo)  # swapped after the check
    with _readers_of(logo) as readers:
        built = build(loaded, WindowOptions(kiosk=True, size=(1280, 800)), clock=clock)
        qtbot.addWidget(built.window)
        assert built.kiosk is not None
        built.window.show()
        qtbot.waitExposed(built.window)
        QApplication.processEvents()
        label = built.window.findChild(QLabel, "attractLogo")
        assert label is not None and label.isVisible()
        shown = _pixels(label)
        built.kiosk.retire()
    assert not readers, "the logo's path was opened again"
    red = (shown[..., 0] > 200) & (shown[..., 1] < 60) & (shown[..., 2] < 60)
    assert red.sum() > 30 * 30, "the logo is not on the attract screen"
