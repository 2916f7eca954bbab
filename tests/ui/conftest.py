"""Fixtures for widget tests: the real main window (and kiosk), built the way the command line builds it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
import shiboken6
from pytestqt.qtbot import QtBot

from reflexmap.app.build import Built, build
from reflexmap.app.files import load_files
from reflexmap.clock import Clock, monotonic
from reflexmap.options import parse_window_args
from reflexmap.ui.main_window import MainWindow


class FakeClock:
    """A clock that moves only when a test says so."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_built(qtbot: QtBot) -> Iterator[Callable[..., Built]]:
    """``make_built(*argv, clock=..., show=True)``: the window (and kiosk) for command-line style ``argv``."""
    made: list[Built] = []

    def make(*argv: str, clock: Clock = monotonic, show: bool = True) -> Built:
        paths, options = parse_window_args(list(argv))
        built = build(load_files(paths), options, clock=clock)
        window = built.window
        qtbot.addWidget(window)
        made.append(built)
        if show:
            window.show()
            qtbot.waitExposed(window)
            window.activateWindow()
            qtbot.waitActive(window)
        return built

    yield make
    for built in made:  # a kiosk hides the cursor and filters the application's events: give them back
        if built.kiosk is not None and shiboken6.isValid(built.kiosk):
            built.kiosk.retire()


@pytest.fixture
def make_window(make_built: Callable[..., Built]) -> Callable[..., MainWindow]:
    def make(*argv: str, show: bool = True) -> MainWindow:
        return make_built(*argv, show=show).window

    return make


@pytest.fixture
def window(make_window: Callable[..., MainWindow]) -> MainWindow:
    return make_window("--size", "1280x800")
