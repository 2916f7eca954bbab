"""The salon's logo as a pixmap for the attract screen, and smooth scaling for pictures.

The logo is drawn from the bytes :func:`reflexmap.files.read_logo` checked,
never from its path again: a file swapped in after the check (a named pipe
that would hang the read, a picture nobody checked) is never opened.
Drawn without any call that makes PySide6 build Qt's enums (see
:mod:`reflexmap.fast_start`): the attract screen is the kiosk's first frame.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QRectF
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

__all__ = ["logo_pixmap", "scaled_to_height"]


def logo_pixmap(logo: tuple[bytes, str] | None, height: int) -> QPixmap | None:
    """The checked logo (its bytes and kind, ``"svg"`` or ``"png"``) ``height`` pixels tall.

    None if there is none or the picture engine cannot draw it.
    """
    if logo is None:
        return None
    data, kind = logo
    if kind == "svg":
        renderer = QSvgRenderer(QByteArray(data))
        if not renderer.isValid():
            return None
        size = renderer.defaultSize()
        width = max(1, round(size.width() * height / max(1, size.height())))
        pixmap = _transparent(width, height)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, width, height))
        painter.end()
        return pixmap
    pixmap = QPixmap()
    if not pixmap.loadFromData(data, "PNG") or pixmap.isNull():
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
