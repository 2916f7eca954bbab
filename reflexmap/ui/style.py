"""The look: Fusion, one warm palette, and the helpers that colour widgets with it.

Style sheets are avoided on purpose: with one set, every widget is polished
through QStyleSheetStyle, which costs start-up time (see the README).
Colours are chosen for contrast (dark text on light backgrounds, at least
4.5:1); the map's own colours are here too, so there is one palette.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

__all__ = [
    "QT_ARGUMENTS",
    "apply_palette",
    "colour",
    "darkened_to",
    "primary",
    "relative_luminance",
    "tint",
    "use_fusion",
]

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
#: The map's highlight, unless the salon brands it.
MAP_ACCENT = "#c8553d"
#: The veil behind the kiosk's overlays.
VEIL = (40, 28, 22)

#: The widget style, given to QApplication on its command line when reflexmap
#: makes the application: asking for app.style() from Python instead makes
#: PySide6 build every QStyle enum.
QT_ARGUMENTS = ("-style", "Fusion")


def use_fusion(app: QApplication) -> None:
    """Fusion for an application reflexmap did not make itself (tests, embedding)."""
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")


def apply_palette(app: QApplication) -> None:
    """Set the application-wide palette (the style is Fusion: see QT_ARGUMENTS)."""
    palette = QPalette()
    roles = QPalette.ColorRole
    for role, value in (
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
        palette.setColor(role, QColor(value))
    app.setPalette(palette)


def tint(widget: QWidget, background: str, text: str | None = None) -> None:
    """Give ``widget`` its own background (and text) colour."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(background))
    if text is not None:
        palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
        palette.setColor(QPalette.ColorRole.ButtonText, QColor(text))
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)


def primary(widget: QWidget) -> None:
    """The one button a person is expected to press next: accent fill, white text."""
    palette = widget.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Button, QColor(ACCENT_FILL))
        palette.setColor(group, QPalette.ColorRole.ButtonText, QColor(SURFACE))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button, QColor(BUTTON))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(MUTED))
    widget.setPalette(palette)


def colour(widget: QWidget, text: str) -> None:
    """Set the text colour of a label or button."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(text))
    widget.setPalette(palette)


def relative_luminance(colour: QColor) -> float:
    """WCAG's relative luminance of ``colour`` (0 black, 1 white)."""

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def darkened_to(colour: QColor, luminance: float) -> QColor:
    """``colour`` darkened, keeping its hue, until its relative luminance is at most ``luminance``."""
    out = QColor.fromRgba(colour.rgba())
    for _ in range(64):
        if relative_luminance(out) <= luminance:
            break
        out = out.darker(110)
    return out
