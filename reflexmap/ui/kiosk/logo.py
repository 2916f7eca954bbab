"""The salon's logo as a pixmap for the attract screen, and smooth scaling for pictures.

Drawn without any call that makes PySide6 build Qt's enums (see
:mod:`reflexmap.fast_start`): the attract screen is the kiosk's first frame.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

__all__ = ["logo_pixmap", "scaled_to_height"]


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
        pixmap = _transparent(width, height)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, width, height))
        painter.end()
        return pixmap
    pixmap = QPixmap(str(path))
    if pixmap.isNull():
        return None
    return scaled_to_height(pixmap, height)


def scaled_to_height(pixmap: QPixmap, height: int, smooth: bool = True) -> QPixmap:
    """``pixmap`` scaled to ``height`` pixels, keeping its proportions (smooth, or pixel for pixel for a QR code)."""
    height = max(1, height)
    width = max(1, round(pixmap.width() * height / max(1, pixmap.height())))
    out = _transparent(width, height)
    painter = QPainter(out)
    if smooth:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawPixmap(QRect(0, 0, width, height), pixmap)
    painter.end()
    return out


def _transparent(width: int, height: int) -> QPixmap:
    pixmap = QPixmap(width, height)
    pixmap.fill(QColor.fromRgba(0))
    return pixmap
