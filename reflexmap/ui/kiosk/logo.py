"""The salon's logo as a pixmap for the attract screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

__all__ = ["logo_pixmap"]


def logo_pixmap(path: Path | None, height: int) -> QPixmap | None:
    """The logo at ``path`` (SVG or PNG) ``height`` pixels tall, or None if there is none or it cannot be drawn."""
    if path is None or not path.is_file():
        return None
    if path.suffix.lower() == ".svg":
        renderer = QSvgRenderer(str(path))
        if not renderer.isValid():
            return None
        size = renderer.defaultSize()
        width = max(1, round(size.width() * height / max(1, size.height())))
        pixmap = QPixmap(QSize(width, height))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, width, height))
        painter.end()
        return pixmap
    pixmap = QPixmap(str(path))
    if pixmap.isNull():
        return None
    return pixmap.scaledToHeight(height, Qt.TransformationMode.SmoothTransformation)
