"""The look: Fusion, a warm palette and a few fonts.

Style sheets are avoided on purpose: with one set, every widget is polished
through QStyleSheetStyle, which cost about 17 ms of a 200 ms start here.
Colours are chosen for contrast (dark text on light backgrounds, at least
4.5:1).
"""

from __future__ import annotations

import logging
import weakref

import shiboken6
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from reflexmap.resources import asset_path

logger = logging.getLogger(__name__)

BACKGROUND = "#fbf7f3"
SURFACE = "#ffffff"
HEADER = "#f3e7dd"
TEXT = "#2b2420"
MUTED = "#5a4a42"
ACCENT_TEXT = "#1d4f59"
BUTTON = "#f3e7dd"
NOTICE = "#fff1d6"
NOTICE_TEXT = "#5c3d00"
FOCUS = "#1d3f8f"
#: Primary buttons (white text) and the cue colour of the countdown.
ACCENT_FILL = "#8f3822"

BASE_PX = 15
#: The visitor's three text sizes.
TEXT_SCALES = (1.0, 1.2, 1.4)
#: The bundled font (Latin and Cyrillic, SIL OFL): the same look on any machine.
FONT_FAMILY = "Noto Sans"
FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf")

_scale = TEXT_SCALES[0]
#: Widgets with a font of their own, and its unscaled pixel size, to rescale them.
_fonts: weakref.WeakKeyDictionary[QWidget, tuple[int, bool, bool]] = weakref.WeakKeyDictionary()
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


def text_scale() -> float:
    return _scale


def set_text_scale(scale: float) -> None:
    """Make every text bigger or smaller, live."""
    global _scale
    _scale = scale
    app = QApplication.instance()
    if isinstance(app, QApplication):
        base = QFont(app.font())
        base.setPixelSize(round(BASE_PX * scale))
        app.setFont(base)
    for widget, (px, bold, italic) in list(_fonts.items()):
        if not shiboken6.isValid(widget):  # Qt deleted it; Python still held the wrapper
            _fonts.pop(widget, None)
            continue
        _apply_font(widget, round(px * scale), bold, italic)


#: The widget style, given to QApplication on its command line when reflexmap
#: makes the application: asking for app.style() from Python instead made
#: PySide6 build every QStyle enum (4 ms of the start).
QT_ARGUMENTS = ("-style", "Fusion")


def use_fusion(app: QApplication) -> None:
    """Fusion for an application reflexmap did not make itself (tests, embedding)."""
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")


def apply_style(app: QApplication) -> None:
    """Set the application-wide palette and base font (the style is Fusion: see QT_ARGUMENTS)."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, BACKGROUND),
        (roles.Base, SURFACE),
        (roles.AlternateBase, HEADER),
        (roles.WindowText, TEXT),
        (roles.Text, TEXT),
        (roles.Button, BUTTON),
        (roles.ButtonText, TEXT),
        (roles.Highlight, FOCUS),
        (roles.HighlightedText, SURFACE),
        (roles.Link, ACCENT_TEXT),
        (roles.ToolTipBase, SURFACE),
        (roles.ToolTipText, TEXT),
        (roles.PlaceholderText, MUTED),
    ):
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)
    register_fonts()
    base = QFont(FONT_FAMILY)
    base.setPixelSize(round(BASE_PX * _scale))
    app.setFont(base)


def tint(widget: QWidget, background: str, text: str | None = None) -> None:
    """Give ``widget`` its own background (and text) colour."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(background))
    if text is not None:
        palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
        palette.setColor(QPalette.ColorRole.ButtonText, QColor(text))
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)


def scaled(px: float) -> int:
    """A pixel size for painted text, times the text scale."""
    return round(px * _scale)


def primary(widget: QWidget) -> None:
    """The one button a person is expected to press next: accent fill, white bold text."""
    palette = widget.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Button, QColor(ACCENT_FILL))
        palette.setColor(group, QPalette.ColorRole.ButtonText, QColor(SURFACE))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button, QColor(BUTTON))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(MUTED))
    widget.setPalette(palette)
    font(widget, BASE_PX + 1, bold=True)


def colour(widget: QWidget, text: str) -> None:
    """Set the text colour of a label or button."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(text))
    widget.setPalette(palette)


def font(widget: QWidget, px: int, bold: bool = False, italic: bool = False, scaled: bool = True) -> None:
    """Give ``widget`` a ``px`` font (times the text scale, unless ``scaled`` is False)."""
    if scaled:
        _fonts[widget] = (px, bold, italic)
        px = round(px * _scale)
    else:
        _fonts.pop(widget, None)
    _apply_font(widget, px, bold, italic)


def _apply_font(widget: QWidget, px: int, bold: bool, italic: bool) -> None:
    f = QFont(FONT_FAMILY)
    f.setPixelSize(px)
    f.setBold(bold)
    f.setItalic(italic)
    widget.setFont(f)
