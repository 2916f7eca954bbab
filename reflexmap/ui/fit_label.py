"""A label whose text grows to fill the room it is given: the countdown and the instruction.

Its own font (which follows the text size) is the smallest it may use, and
what the layout reserves for it; when painted, it picks the largest size up
to ``max_px`` that still fits its rectangle, so on a wall screen the words
are as big as the space allows and in a small window nothing is clipped.

A one-line label may be measured by its ink (``ink=True``): digits have no
descenders, and a line's leading and descent would take a third of the
countdown's room for nothing.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QPointF, QRect, QSize
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
        ink: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        set_enum(self, "textFormat", "PlainText")  # routine text: never rich text (no <img> of a local file)
        self.setWordWrap(wrap)
        self._centred = centred
        self._ink = ink and not wrap
        self._max_px = max_px
        #: Fitted too, so that a countdown keeps its size from one second to the next.
        self._template = template
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self._fitted: tuple[tuple[object, ...], QFont] | None = None

    @property
    def max_px(self) -> int:
        """The largest size the text may take."""
        return self._max_px

    @max_px.setter
    def max_px(self, px: int) -> None:
        if px == self._max_px:
            return
        self._max_px = px
        if self._ink:
            self.updateGeometry()  # it asks for the room its largest size needs
        self.update()

    def ink_height(self, px: int) -> int:
        """The height the text (and the template) take on screen at ``px``: what an ink label needs."""
        font = QFont(self.font())
        font.setPixelSize(max(1, px))
        return self._ink_rect(font).height()

    def fitted_font(self) -> QFont:
        """The font the text is drawn in at the widget's current size."""
        rect = self._text_rect()
        texts = [t for t in (self.text(), self._template) if t]
        key = (rect.width(), rect.height(), tuple(texts), self.font().key(), self.max_px)
        if self._fitted is not None and self._fitted[0] == key:
            return self._fitted[1]
        best = QFont(self.font())
        best.setPixelSize(self.largest_px(rect.width(), rect.height(), self.max_px))
        self._fitted = (key, best)
        return best

    def largest_px(self, width: int, height: int, high: int) -> int:
        """The largest size up to ``high`` at which the text fits ``width`` x ``height`` (its own size if none does)."""
        rect = QRect(0, 0, width, height)
        texts = [t for t in (self.text(), self._template) if t]
        low = self.font().pixelSize()
        if not all(self._fits(self.font(), rect, t) for t in texts):
            return low
        high = max(low, high)
        while low < high:  # the largest size that fits
            mid = (low + high + 1) // 2
            trial = QFont(self.font())
            trial.setPixelSize(mid)
            if all(self._fits(trial, rect, t) for t in texts):
                low = mid
            else:
                high = mid - 1
        return low

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
        if self._ink:  # the room for its largest size (it takes less where there is less)
            margins = self.contentsMargins()
            return QSize(hint.width(), self.ink_height(self._max_px) + margins.top() + margins.bottom())
        if self.wordWrap():
            # QLabel guesses a wide shape for wrapped text, and a layout takes a height-for-width widget's
            # hint width as its least width: ask for little width, and the height that needs
            width = min(hint.width(), HINT_WIDTH)
            hint = QSize(width, self.heightForWidth(max(width, self.width())))
        return hint

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if self._ink:
            margins = self.contentsMargins()
            hint.setHeight(self.ink_height(self.font().pixelSize()) + margins.top() + margins.bottom())
            return hint
        if self.wordWrap():
            hint.setHeight(QFontMetrics(self.font()).lineSpacing())
        return hint

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)  # its pen is the palette's text colour already
        font = self.fitted_font()
        painter.setFont(font)
        rect = self._text_rect()
        if self._ink:
            # the template's ink centred, so that the figures stay put from one second to the next
            ink = self._ink_rect(font)
            advance = QFontMetrics(font).horizontalAdvance(self.text())
            x = rect.left() + ((rect.width() - advance) / 2 if self._centred else 0)
            baseline = rect.top() + (rect.height() - ink.height()) / 2 - ink.top()
            painter.drawText(QPointF(x, baseline), self.text())
        else:
            painter.drawText(rect, self._flags(), self.text())
        painter.end()

    def _flags(self) -> int:
        wrap = TEXT_WORD_WRAP if self.wordWrap() else 0
        return (ALIGN_CENTER if self._centred else ALIGN_LEFT | ALIGN_TOP) | wrap

    def _text_rect(self) -> QRect:
        return self.contentsRect()

    def _ink_rect(self, font: QFont) -> QRect:
        """The ink of the text and the template together, around the baseline."""
        metrics = QFontMetrics(font)
        ink = QRect()
        for text in (self.text(), self._template):
            if text:
                ink = ink.united(metrics.tightBoundingRect(text))
        return ink

    def _fits(self, font: QFont, rect: QRect, text: str) -> bool:
        if self._ink:
            metrics = QFontMetrics(font)
            width = max(metrics.horizontalAdvance(text), metrics.tightBoundingRect(text).width())
            return width <= rect.width() and self._ink_rect(font).height() <= rect.height()
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
