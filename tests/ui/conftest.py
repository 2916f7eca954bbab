"""Fixtures for widget tests: the real main window, built like the command line does."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from reflexmap.app import create_window
from reflexmap.ui.main_window import MainWindow


@pytest.fixture
def make_window(qtbot: QtBot) -> Callable[..., MainWindow]:
    def make(*argv: str, show: bool = True) -> MainWindow:
        window = create_window(list(argv))
        assert isinstance(window, MainWindow)
        qtbot.addWidget(window)
        if show:
            window.show()
            qtbot.waitExposed(window)
            window.activateWindow()
            qtbot.waitActive(window)
        return window

    return make


@pytest.fixture
def window(make_window: Callable[..., MainWindow]) -> MainWindow:
    return make_window("--size", "1280x800")
