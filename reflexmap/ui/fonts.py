"""The visitor's text size and the bundled font.

:class:`TextSize` is the one object that knows how big text is now (100 %,
120 % or 140 %); the window, the panels and the kiosk are given it in their
constructors.  Widgets with a font of their own register it here once
(:meth:`TextSize.font`) with their size at 100 %, and follow every change.
"""

from __future__ import annotations

import logging
import weakref

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QWidget

from reflexmap.resources import asset_path

__all__ = ["BASE_PX", "FONT_FAMILY", "SCALES", "TextSize", "make_font", "register_fonts"]

logger = logging.getLogger(__name__)

#: Body text at 100 %.
BASE_PX = 15
#: The visitor's three text sizes.
SCALES = (1.0, 1.2, 1.4)
#: The bundled font (Latin and Cyrillic, SIL OFL): the same look on any machine.
FONT_FAMILY = "Noto Sans"
FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf")

_registered = False


def register_fonts() -> None:
    """Add the bundled Noto Sans to Qt's font database (once per process)."""
    global _registered
    if _registered:
        return
    _registered = True
    for name in FONT_FILES:
        if QFontDatabase.addApplicationFont(str(asset_path(f"fonts/{name}"))) < 0:
            logger.warning("could not load the bundled font %s", name)


def make_font(px: int, bold: bool = False, italic: bool = False) -> QFont:
    """The bundled font at ``px`` pixels."""
    font = QFont(FONT_FAMILY)
    font.setPixelSize(px)
    font.setBold(bold)
    font.setItalic(italic)
    return font


class TextSize(QObject):
    """How big text is now (one of :data:`SCALES`), for every widget that shows text.

    ``changed`` carries the new step (0, 1 or 2) after the application font and
    every registered widget have been resized.
    """

    changed = Signal(int)

    def __init__(self, step: int = 0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if not 0 <= step < len(SCALES):
            raise ValueError(f"text size step {step} is not one of 0..{len(SCALES) - 1}")
        self._step = step
        #: Widgets with a font of their own, and its size at 100 %.
        self._fonts: weakref.WeakKeyDictionary[QWidget, tuple[int, bool, bool]] = weakref.WeakKeyDictionary()

    @property
    def step(self) -> int:
        return self._step

    @property
    def scale(self) -> float:
        return SCALES[self._step]

    def px(self, px: float) -> int:
        """``px`` (a size at 100 %) at the current text size."""
        return round(px * self.scale)

    def set_step(self, step: int) -> None:
        """Make every text bigger or smaller, live."""
        if not 0 <= step < len(SCALES):
            raise ValueError(f"text size step {step} is not one of 0..{len(SCALES) - 1}")
        if step == self._step:
            return
        self._step = step
        self.apply_to_application()
        for widget, (px, bold, italic) in list(self._fonts.items()):
            if not shiboken6.isValid(widget):  # Qt deleted it; Python still held the wrapper
                self._fonts.pop(widget, None)
                continue
            widget.setFont(make_font(self.px(px), bold, italic))
        self.changed.emit(step)

    def apply_to_application(self) -> None:
        """The application's base font: the bundled family at body size."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            register_fonts()
            app.setFont(make_font(self.px(BASE_PX)))

    def font(self, widget: QWidget, px: int, bold: bool = False, italic: bool = False) -> None:
        """Give ``widget`` a ``px`` font (at 100 %) that follows the text size."""
        self._fonts[widget] = (px, bold, italic)
        widget.setFont(make_font(self.px(px), bold, italic))
