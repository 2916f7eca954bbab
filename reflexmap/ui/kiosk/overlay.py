"""A layer over the whole kiosk window; every overlay of the kiosk is one.

Overlays are children of the window, so nothing ever opens a second
top-level window a visitor could lose.  Each shows its content on cards that
it places itself (:meth:`Overlay.card_area`): a card gets the width it is
given and exactly the height its text needs at that width, so wrapped lines
are never cut off, whatever the language and the text size.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QLayout, QVBoxLayout, QWidget

from reflexmap.ui import parts, style

__all__ = ["MARGIN", "Overlay", "invalidate_layouts"]

#: Space kept free around a card.
MARGIN = 20


class Overlay(QWidget):
    """Covers its parent; ``veil`` (0-255) dims what is under it; it swallows every touch."""

    pressed = Signal()

    #: The widest a centred card grows (it is as wide as the window allows, up to this).
    card_width = 640

    def __init__(self, host: QWidget, name: str, veil: int = 0) -> None:
        super().__init__(host)
        self.setObjectName(name)
        self._veil = veil
        self._cards: list[QFrame] = []
        self.hide()

    def cover(self) -> None:
        """Show over the whole parent, on top of everything else."""
        self.fit()
        self.raise_()
        self.show()

    def fit(self) -> None:
        """Take the parent's whole area again (full screen can arrive after the overlay showed)."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.place_cards()

    def card(self, name: str, margin: int = 30) -> tuple[QFrame, QVBoxLayout]:
        """A new card on the overlay; returns it and the layout to fill."""
        frame = parts.card(self, name)
        inner = QVBoxLayout(frame)
        inner.setContentsMargins(margin, margin, margin, margin)
        frame.installEventFilter(self)
        self._cards.append(frame)
        return frame, inner

    def card_area(self, card: QFrame) -> QRect:
        """Where ``card`` goes: by default centred, as wide as the overlay allows up to ``card_width``."""
        area = self.rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
        width = min(area.width(), max(self.card_width, card.minimumSizeHint().width()))
        return QRect(area.x() + (area.width() - width) // 2, area.y(), width, area.height())

    def place_cards(self) -> None:
        """Put every card in its area: full width of it, the height its content needs, centred vertically."""
        for card in self._cards:
            invalidate_layouts(card.layout())
            area = self.card_area(card)
            height = card.heightForWidth(area.width()) if card.hasHeightForWidth() else -1
            if height < 0:
                height = card.sizeHint().height()
            height = max(height, card.minimumSizeHint().height())
            card.setGeometry(area.x(), area.y() + max(0, (area.height() - height) // 2), area.width(), height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and watched in self._cards:
            self.place_cards()  # new text or a new text size: the card's height follows
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.place_cards()
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._veil:
            painter = QPainter(self)
            painter.fillRect(self.rect(), QColor(*style.VEIL, self._veil))
            painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.pressed.emit()
        event.accept()


def invalidate_layouts(layout: QLayout | None) -> None:
    """``layout`` and every layout inside it forget what they measured (Qt keeps nested ones' heights for a width)."""
    if layout is None:
        return
    layout.invalidate()
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is not None:
            invalidate_layouts(item.layout())
