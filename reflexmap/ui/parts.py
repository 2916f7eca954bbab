"""The labels, buttons and cards every page is made of, written once.

Text from files (routine names, instructions, the salon's welcome line) is
always shown as plain text: a label only interprets rich text that reflexmap
built itself (:func:`rich_label`, fed through ``html.escape``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSizePolicy, QWidget

from reflexmap.fast_start import set_enum
from reflexmap.ui import style
from reflexmap.ui.fonts import BASE_PX, TextSize, make_font

__all__ = ["button", "card", "label", "rich_label"]


def label(
    sizes: TextSize,
    name: str,
    px: int = BASE_PX,
    *,
    bold: bool = False,
    italic: bool = False,
    colour: str | None = None,
    wrap: bool = True,
    centred: bool = False,
    scaled: bool = True,
    keep_height: bool = False,
) -> QLabel:
    """A plain-text label that follows the text size (unless not ``scaled``).

    With ``keep_height`` a wrapped label never gets less height than its text
    needs; the rest of the layout gives way.
    """
    widget = QLabel()
    widget.setObjectName(name)
    set_enum(widget, "textFormat", "PlainText")
    widget.setWordWrap(wrap)
    if wrap and keep_height:
        widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if centred:
        set_enum(widget, "alignment", "AlignCenter")
    if scaled:
        sizes.font(widget, px, bold=bold, italic=italic)
    else:
        widget.setFont(make_font(px, bold, italic))
    if colour:
        style.colour(widget, colour)
    return widget


def rich_label(
    sizes: TextSize, name: str, px: int = BASE_PX, *, colour: str | None = None, keep_height: bool = False
) -> QLabel:
    """A label for rich text reflexmap builds itself (lists, headings), every file text escaped."""
    widget = label(sizes, name, px, colour=colour, keep_height=keep_height)
    set_enum(widget, "textFormat", "RichText")
    return widget


def button(
    sizes: TextSize,
    name: str,
    text: str = "",
    *,
    primary: bool = False,
    px: int | None = None,
    bold: bool = False,
    height: int = 48,
    focus: bool = True,
) -> QPushButton:
    """A push button at least ``height`` px tall (48 px is a comfortable touch target).

    Without ``px`` it has the application's body font (primary buttons: a
    little bigger, bold).
    """
    widget = QPushButton(text)
    widget.setObjectName(name)
    widget.setMinimumHeight(height)
    if not focus:
        set_enum(widget, "focusPolicy", "NoFocus")
    if primary:
        style.primary(widget)
        px, bold = px or BASE_PX + 1, True
    if px is not None:
        sizes.font(widget, px, bold=bold)
    return widget


def card(parent: QWidget, name: str) -> QFrame:
    """A white panel with a frame, for the kiosk's overlays."""
    frame = QFrame(parent)
    frame.setObjectName(name)
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    style.tint(frame, style.SURFACE)
    return frame
