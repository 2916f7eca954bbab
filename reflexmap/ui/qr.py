"""QR codes (segno) drawn crisply into a QImage."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter


def qr_image(text: str, size: int, quiet: int = 2) -> QImage:
    """A QR code for ``text``, ``size`` pixels square at most, whole pixels per module."""
    import segno  # only when a kiosk shows a booking link

    code = segno.make(text, error="m", micro=False)
    matrix = list(code.matrix)
    modules = len(matrix) + 2 * quiet
    scale = max(1, size // modules)
    image = QImage(modules * scale, modules * scale, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(QRect((x + quiet) * scale, (y + quiet) * scale, scale, scale), Qt.GlobalColor.black)
    painter.end()
    return image
