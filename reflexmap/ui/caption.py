"""A line or two of text that changes often without disturbing the layout.

A QLabel asks its layout to recompute on every setText; under a tab widget
that repaints the whole page, foot map included, on every hover.  This
widget keeps a fixed height and only repaints itself.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from reflexmap.fast_start import ALIGN_CENTER, TEXT_WORD_WRAP


class Caption(QWidget):
    """A fixed-height line or two of text, repainted alone when it changes."""

    def __init__(self, lines: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._lines = lines
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.sizeHint().height())

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.setAccessibleName(text)
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(200, self.fontMetrics().lineSpacing() * self._lines + 8)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.setFixedHeight(self.sizeHint().height())
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)  # its pen is the palette's text colour already
        flags = ALIGN_CENTER | TEXT_WORD_WRAP
        painter.drawText(QRectF(self.rect()).adjusted(4, 2, -4, -2), flags, self._text)
        painter.end()
