"""A label whose text grows to fill the room it is given: the countdown and the instruction.

Its own font (which follows the text size) is the smallest it may use, and
what the layout reserves for it; when painted, it picks the largest size up
to ``max_px`` that still fits its rectangle, so on a wall screen the words
are as big as the space allows and in a small window nothing is clipped.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from reflexmap.fast_start import ALIGN_CENTER, ALIGN_TOP, ALIGN_VCENTER, TEXT_WORD_WRAP, qt, set_enum

__all__ = ["ElidedLabel", "FitLabel"]

#: Qt::AlignLeft, for drawText's flags (see fast_start for why not the enum).
ALIGN_LEFT = 0x0001
#: The width a wrapped label asks for (it takes what the layout gives it).
HINT_WIDTH = 240


class FitLabel(QLabel):
    """Plain text drawn as large as fits, between the widget's font size and ``max_px``."""

    def __init__(
        self,
        name: str,
        *,
        wrap: bool,
        centred: bool,
        max_px: int = 400,
        template: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        set_enum(self, "textFormat", "PlainText")  # routine text: never rich text (no <img> of a local file)
        self.setWordWrap(wrap)
        self._centred = centred
        self.max_px = max_px
        #: Fitted too, so that a countdown keeps its size from one second to the next.
        self._template = template
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._fitted: tuple[tuple[object, ...], QFont] | None = None

    def fitted_font(self) -> QFont:
        """The font the text is drawn in at the widget's current size."""
        rect = self._text_rect()
        texts = [t for t in (self.text(), self._template) if t]
        key = (rect.width(), rect.height(), tuple(texts), self.font().key(), self.max_px)
        if self._fitted is not None and self._fitted[0] == key:
            return self._fitted[1]
        low = self.font().pixelSize()
        best = QFont(self.font())
        if all(self._fits(best, rect, t) for t in texts):
            high = max(low, self.max_px)
            while low < high:  # the largest size that fits
                mid = (low + high + 1) // 2
                trial = QFont(self.font())
                trial.setPixelSize(mid)
                if all(self._fits(trial, rect, t) for t in texts):
                    low = mid
                else:
                    high = mid - 1
            best.setPixelSize(low)
        self._fitted = (key, best)
        return best

    def fits(self) -> bool:
        """Whether the text fits even at the smallest size (else the layout gave it too little room)."""
        return self._fits(self.font(), self._text_rect(), self.text())

    def hasHeightForWidth(self) -> bool:
        return self.wordWrap()

    def heightForWidth(self, width: int) -> int:
        """The height the text needs at ``width`` in the smallest size: the layout never gives it less."""
        if not self.wordWrap():
            return super().heightForWidth(width)
        margins = self.contentsMargins()
        inner = max(1, width - margins.left() - margins.right())
        flags = ALIGN_LEFT | ALIGN_TOP | TEXT_WORD_WRAP
        need = QFontMetrics(self.font()).boundingRect(QRect(0, 0, inner, 1 << 20), flags, self.text()).height()
        return need + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if self.wordWrap():
            # QLabel guesses a wide shape for wrapped text, and a layout takes a height-for-width widget's
            # hint width as its least width: ask for little width, and the height that needs
            width = min(hint.width(), HINT_WIDTH)
            hint = QSize(width, self.heightForWidth(max(width, self.width())))
        return hint

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if self.wordWrap():
            hint.setHeight(QFontMetrics(self.font()).lineSpacing())
        return hint

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)  # its pen is the palette's text colour already
        painter.setFont(self.fitted_font())
        painter.drawText(self._text_rect(), self._flags(), self.text())
        painter.end()

    def _flags(self) -> int:
        wrap = TEXT_WORD_WRAP if self.wordWrap() else 0
        return (ALIGN_CENTER if self._centred else ALIGN_LEFT | ALIGN_TOP) | wrap

    def _text_rect(self) -> QRect:
        return self.contentsRect()

    def _fits(self, font: QFont, rect: QRect, text: str) -> bool:
        flags = ALIGN_LEFT | ALIGN_TOP | (TEXT_WORD_WRAP if self.wordWrap() else 0)
        need = QFontMetrics(font).boundingRect(QRect(0, 0, rect.width(), 1 << 20), flags, text)
        return need.width() <= rect.width() and need.height() <= rect.height()


class ElidedLabel(QLabel):
    """One line of text that ends in "…" where it does not fit; the whole text is its tooltip and accessible name."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        set_enum(self, "textFormat", "PlainText")  # salon text: never rich text (no <img> of a local file)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(f"<p>{html.escape(text)}</p>")  # a tooltip guesses rich text: escaped, it shows the words
        self.setAccessibleName(text)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())  # any width: the rest is elided

    def elided(self) -> str:
        """The text as it is shown."""
        mode = qt().TextElideMode.ElideRight
        return QFontMetrics(self.font()).elidedText(self.text(), mode, self.contentsRect().width())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawText(self.contentsRect(), ALIGN_LEFT | ALIGN_VCENTER, self.elided())
        painter.end()
