"""The desktop window on the screen it opens on: placed to fit, restored where it was left, remembered."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_state_path
from PySide6.QtCore import QEvent, QObject, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow

from reflexmap.fast_start import qt
from reflexmap.placement import Rect, SavedWindow, first_placement, load_saved, minimum, restore, save
from reflexmap.ui.fonts import TextSize

__all__ = ["MinimumSize", "place", "remember_when_closing"]


class MinimumSize(QObject):
    """Keeps the window's minimum size right for its orientation and text size (nothing ever clips)."""

    def __init__(self, window: QMainWindow, sizes: TextSize) -> None:
        super().__init__(window)
        self._window = window
        self._sizes = sizes
        window.installEventFilter(self)
        sizes.changed.connect(self._on_text_size_changed)
        self.update()

    def update(self) -> None:
        window = self._window
        wanted = minimum(window.height() > window.width(), self._sizes.step)
        if window.minimumSize().toTuple() != wanted:
            window.setMinimumSize(*wanted)

    def _on_text_size_changed(self, step: int) -> None:
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize:
            self.update()
        return False


def _rect(r: QRect) -> Rect:
    return Rect(r.x(), r.y(), r.width(), r.height())


def state_path() -> Path:
    return user_state_path("reflexmap", appauthor=False) / "window.json"


def place(window: QMainWindow, sizes: TextSize, path: Path | None = None) -> None:
    """Where the window was left, if that still fits a screen; else sized to the primary screen and centred."""
    screens = [_rect(s.availableGeometry()) for s in QGuiApplication.screens()]
    saved = restore(load_saved(path or state_path()), screens)
    if saved is not None:
        r = saved.rect
        window.setGeometry(r.x, r.y, r.width, r.height)
        if saved.maximized:
            window.setWindowState(window.windowState() | qt().WindowState.WindowMaximized)
    else:
        primary = QGuiApplication.primaryScreen()
        if primary is not None:
            r = first_placement(_rect(primary.availableGeometry()))
            window.setGeometry(r.x, r.y, r.width, r.height)
    MinimumSize(window, sizes)


def remember_when_closing(app: QApplication, window: QMainWindow, path: Path | None = None) -> None:
    """Save the window's size, position and maximized state when the app quits."""

    def on_about_to_quit() -> None:
        normal = window.normalGeometry() if window.isMaximized() else window.geometry()
        save(path or state_path(), SavedWindow(_rect(normal), window.isMaximized()))

    app.aboutToQuit.connect(on_about_to_quit)
