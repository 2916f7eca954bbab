"""A layer over the whole kiosk window; every overlay of the kiosk is one.

Overlays are children of the window, so nothing ever opens a second
top-level window a visitor could lose.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from reflexmap.ui import parts, style

__all__ = ["Overlay"]


class Overlay(QWidget):
    """Covers its parent; ``veil`` (0-255) dims what is under it; it swallows every touch."""

    pressed = Signal()

    def __init__(self, host: QWidget, name: str, veil: int = 0) -> None:
        super().__init__(host)
        self.setObjectName(name)
        self._veil = veil
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

    def centred_card(self, name: str, margin: int = 30) -> tuple[QFrame, QVBoxLayout]:
        """A card in the middle of the overlay; returns it and the layout to fill."""
        col = QVBoxLayout(self)
        card = parts.card(self, name)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(margin, margin, margin, margin)
        col.addStretch(1)
        col.addWidget(card, 0, Qt.AlignmentFlag.AlignCenter)
        col.addStretch(1)
        return card, inner

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._veil:
            painter = QPainter(self)
            painter.fillRect(self.rect(), QColor(*style.VEIL, self._veil))
            painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.pressed.emit()
        event.accept()
