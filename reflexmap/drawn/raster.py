"""Documents rendered into pixels, and the regions those pixels make.

Every rendering, the picture's and each mask's, goes through one renderer
set-up (:func:`make_renderer`) and one call (:func:`draw`), so a mask covers
exactly what the picture shows; a pixel covered at least half counts.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QRectF
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtSvg import QSvgRenderer

from reflexmap.fast_start import set_enum

if TYPE_CHECKING:  # made when the masks are: PySide6 builds a class's enums the first time it is touched
    from PySide6.QtGui import QImage, QRegion


@contextmanager
def _engine_messages(into: list[str]) -> Iterator[None]:
    """Collect what Qt says while a document loads (QtSvg's warnings), instead of printing it."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode: object, _context: object, message: str) -> None:
        into.append(message)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def renderer(data: bytes) -> tuple[QSvgRenderer, list[str]]:
    """A renderer of ``data`` set up as the picture's is, and what the engine said while reading it."""
    messages: list[str] = []
    return make_renderer(data, messages), messages


def make_renderer(data: bytes, messages: list[str]) -> QSvgRenderer:
    """A renderer of ``data`` set up as the picture's is; what the engine says while reading it goes to ``messages``."""
    renderer = QSvgRenderer()
    renderer.setAnimationEnabled(False)  # the picture is one still frame; so is every mask
    with _engine_messages(messages):
        renderer.load(QByteArray(data))
    set_enum(renderer, "aspectRatioMode", "KeepAspectRatio")
    return renderer


def draw(renderer: QSvgRenderer, painter: QPainter, width: float, height: float) -> None:
    """The one call that draws a document, for the picture and for every mask alike."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, width, height))


def rendered_region(renderer: QSvgRenderer, width: float, height: float, dpr: float, crop: QRect) -> QRegion:
    """The device pixels of ``crop`` that the renderer covers at least half, drawn as the picture is."""
    image, buffer = blank(crop.width(), crop.height())
    image.setDevicePixelRatio(dpr)
    painter = QPainter(image)
    painter.translate(-crop.x() / dpr, -crop.y() / dpr)
    draw(renderer, painter, width, height)
    painter.end()
    region = _covered(image).translated(crop.x(), crop.y())
    del buffer  # the image's memory: kept until here
    return region


_HALF = bytes(255 if i >= 128 else 0 for i in range(256))
_RUN = b"\xff+"


def _covered(image: QImage) -> QRegion:
    """The pixels of ``image`` at least half opaque, as a region."""
    from PySide6.QtGui import QBitmap, QGuiApplication, QImage, QRegion

    if QGuiApplication.instance() is not None:  # a QBitmap is a pixmap, which needs the application
        return QRegion(QBitmap.fromImage(image.createAlphaMask()))
    alpha = image.convertToFormat(QImage.Format.Format_Alpha8)  # without one (load_zones in a script): row by row
    stride, cols = alpha.bytesPerLine(), alpha.width()
    data = bytes(alpha.constBits())[: stride * alpha.height()].translate(_HALF)
    rows = [QRegion()]
    for y in range(alpha.height()):
        row = QRegion()
        for run in re.compile(_RUN).finditer(data, y * stride, y * stride + cols):
            row = row.united(QRect(run.start() - y * stride, y, run.end() - run.start(), 1))
        rows.append(row)
    while len(rows) > 1:  # pairwise, so each union stays small
        rows = [rows[i].united(rows[i + 1]) if i + 1 < len(rows) else rows[i] for i in range(0, len(rows), 2)]
    return rows[0]


def path_region(path: QPainterPath, scale: float, width: int, height: int) -> QRegion:
    """The pixels of a ``width`` x ``height`` image that ``path``, scaled by ``scale``, covers at least half.

    The same rule as the masks', for comparing a path with a drawn zone.
    """
    from PySide6.QtGui import QColor

    image, buffer = blank(width, height)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(scale, scale)
    painter.fillPath(path, QColor.fromRgba(0xFF000000))
    painter.end()
    region = _covered(image)
    del buffer  # the image's memory: kept until here
    return region


def area(region: QRegion) -> int:
    """How many pixels ``region`` holds."""
    return sum(r.width() * r.height() for r in rects(region))


def blank(width: int, height: int) -> tuple[QImage, bytearray]:
    """A transparent image and the memory it paints into (keep it while the image is used).

    Made on zeroed memory: ``QImage.fill`` makes PySide6 weigh an overload that
    takes one of Qt's enums, which builds the whole namespace (see fast_start).
    """
    from PySide6.QtGui import QImage

    buffer = bytearray(4 * width * height)
    return QImage(buffer, width, height, 4 * width, QImage.Format.Format_ARGB32_Premultiplied), buffer


def inked(image: QImage) -> QRect | None:
    """The bounding box of every pixel with any ink at all (alpha above 0)."""
    from PySide6.QtGui import QImage

    alpha = image.convertToFormat(QImage.Format.Format_Alpha8)
    stride = alpha.bytesPerLine()
    cols = alpha.width()
    data = bytes(alpha.constBits())[: stride * alpha.height()]
    top = bottom = -1
    left, right = cols, -1
    for y in range(alpha.height()):
        row = data[y * stride : y * stride + cols]
        start = cols - len(row.lstrip(b"\x00"))
        if start == cols:
            continue
        if top < 0:
            top = y
        bottom = y
        left = min(left, start)
        right = max(right, len(row.rstrip(b"\x00")) - 1)
    if top < 0:
        return None
    return QRect(left, top, right - left + 1, bottom - top + 1)


def rects(region: QRegion) -> Iterator[QRect]:
    """The rectangles ``region`` is made of, top to bottom, left to right (y-x banded)."""
    return iter(region)  # type: ignore[call-overload]  # PySide6 iterates regions; its stubs do not say so


#: How Qt's stream marks a region written as its rectangles (QRGN_RECTS), after the size and before the count.
_RECTS = 10


def rect_corners(region: QRegion) -> list[tuple[int, int, int, int]]:
    """``(left, top, right, bottom)`` (inclusive) of each of ``region``'s rectangles, in the order of :func:`rects`.

    Read from the bytes Qt's ``QDataStream << QRegion`` writes (size, the
    rectangles' tag, their count, then each one's corners): one call into Qt
    for the whole region, not four for each of its hundreds of rectangles.
    """
    from PySide6.QtCore import QDataStream, QIODeviceBase

    data = QByteArray()
    QDataStream(data, QIODeviceBase.OpenModeFlag.WriteOnly) << region
    raw = data.data()
    if len(raw) < 12:  # an empty region: its size alone
        return []
    (count,) = struct.unpack_from(">I", raw, 8)
    numbers = iter(struct.unpack_from(f">{4 * count}i", raw, 12))
    return list(zip(numbers, numbers, numbers, numbers, strict=False))


def region_of_corners(corners: list[int]) -> QRegion:
    """The region of rectangles given as ``left, top, right, bottom`` (inclusive), four ints each, in banded order.

    Through the bytes :func:`rect_corners` reads: one call into Qt.  The
    rectangles must already be in Qt's banded order (the caller checks),
    or Qt rebuilds the region by slow unions.
    """
    from PySide6.QtCore import QDataStream
    from PySide6.QtGui import QRegion

    region = QRegion()
    if corners:
        count = len(corners) // 4
        data = struct.pack(f">IiI{len(corners)}i", 8 + 16 * count, _RECTS, count, *corners)
        QDataStream(QByteArray(data)) >> region
    return region


def without_specks(region: QRegion, smallest: int) -> QRegion:
    """``region`` without its pieces (8-connected) of fewer than ``smallest`` pixels; the biggest always stays.

    A zone's edge that crosses a pixel its neighbour leaves uncovered makes a
    piece a pixel or two across, apart from the zone: a ring drawn around it
    shows as a stray dot beside the picture's outline.
    """
    boxes = rect_corners(region)
    if len(boxes) < 2:
        return region
    parent = list(range(len(boxes)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_top: dict[int, list[int]] = {}
    for i, box in enumerate(boxes):
        by_top.setdefault(box[1], []).append(i)
    for i, (left, _, right, bottom) in enumerate(boxes):  # each band meets the band that starts right under it
        for j in by_top.get(bottom + 1, ()):
            other = boxes[j]
            if other[0] <= right + 1 and left <= other[2] + 1:
                parent[root(i)] = root(j)
    sizes: dict[int, int] = {}
    for i, (left, top, right, bottom) in enumerate(boxes):
        r = root(i)
        sizes[r] = sizes.get(r, 0) + (right - left + 1) * (bottom - top + 1)
    biggest = max(sizes, key=sizes.__getitem__)
    drop = {r for r, size in sizes.items() if size < smallest and r != biggest}
    if not drop:
        return region
    kept = region
    for i, (left, top, right, bottom) in enumerate(boxes):
        if root(i) in drop:
            kept = kept.subtracted(QRect(left, top, right - left + 1, bottom - top + 1))
    return kept
