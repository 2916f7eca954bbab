"""The masks: each layer's region in device pixels of the picture, and which layer is on top where."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtGui import QRegion

from reflexmap import cache
from reflexmap.drawn.layers import Piece
from reflexmap.drawn.raster import region_of_corners
from reflexmap.record import record

#: A kept region of more rectangles than this is not read back (the built-in feet's have a few hundred).
MAX_KEPT_RECTS = 50_000
#: Nor one reaching beyond this many device pixels.
MAX_KEPT_COORD = 1 << 16


class Masks:
    """Each layer's region in device pixels of the picture, and what is on top where.

    ``own[k]`` is everything layer ``k`` draws; ``visible[k]`` is the part no
    later layer covers.  Visible regions never overlap, so the layer under a
    pixel is the one whose visible region holds it.
    """

    def __init__(
        self, own: list[QRegion], layers: list[int], pieces: list[Piece], dpr: float, width: int, height: int
    ) -> None:
        self.own = own
        self.layers = layers
        self.pieces = pieces
        self.dpr = dpr
        self.width = width
        self.height = height
        self.visible: list[QRegion] = [QRegion()] * len(own)
        covered = QRegion()
        for k in range(len(own) - 1, -1, -1):
            self.visible[k] = own[k].subtracted(covered)
            covered = covered.united(own[k])
        self._boxes = [_bounds(region) for region in self.visible]

    def layer_at(self, x: int, y: int) -> int | None:
        """The layer on top at device pixel ``x, y``, if any."""
        for k, (left, top, right, bottom) in enumerate(self._boxes):
            if left <= x <= right and top <= y <= bottom and self.visible[k].contains(QPoint(x, y)):
                return k
        return None

    def piece_at(self, x: int, y: int) -> Piece | None:
        """The piece on top at device pixel ``x, y``, if any."""
        k = self.layer_at(x, y)
        return None if k is None else self.pieces[self.layers[k]]

    def visible_region(self, pieces: Callable[[Piece], bool]) -> QRegion:
        """The union of the visible regions of the layers whose piece passes ``pieces``."""
        region = self._empty()
        for k, piece in enumerate(self.layers):
            if pieces(self.pieces[piece]):
                region = region.united(self.visible[k])
        return region

    def own_region(self, pieces: Callable[[Piece], bool]) -> QRegion:
        """The union of everything the layers whose piece passes ``pieces`` draw, covered or not."""
        region = self._empty()
        for k, piece in enumerate(self.layers):
            if pieces(self.pieces[piece]):
                region = region.united(self.own[k])
        return region

    @staticmethod
    def _empty() -> QRegion:
        return QRegion()

    def size_in_bytes(self) -> int:
        """Roughly what the regions take in memory (16 bytes a rectangle)."""
        return 16 * sum(r.rectCount() for r in (*self.own, *self.visible))


def _bounds(region: QRegion) -> tuple[int, int, int, int]:
    if region.isEmpty():
        return (1, 1, 0, 0)  # contains nothing
    box = region.boundingRect()
    return box.left(), box.top(), box.right(), box.bottom()


@record
class KeptMasks:
    """Each layer's own region at one size of the picture, as kept between runs (see :meth:`Drawing.kept_masks`)."""

    width: int
    height: int
    own: tuple[QRegion, ...]


def _encode_region(region: QRegion) -> list[int]:
    """A region as plain data: its rectangles' x, y, width and height, in Qt's (y-x banded) order."""
    out: list[int] = []
    for rect in region:  # type: ignore[attr-defined]  # PySide6 iterates regions; its stubs do not say so
        out += rect.getRect()
    return out


def _decode_region(data: Any) -> QRegion:
    """The region :func:`_encode_region` stored; ValueError unless the data is exactly such a region.

    The rectangles must be in Qt's own banded form (bands top to bottom,
    apart; in a band, rectangles of one height, left to right, apart), so
    Qt rebuilds the region by appending each, never by a slow union.
    """
    if type(data) is not list or len(data) % 4 or len(data) > 4 * MAX_KEPT_RECTS:
        raise ValueError("not a stored region")
    corners: list[int] = []
    top = height = right = -1  # the band so far, and where its last rectangle ends
    numbers = iter(data)
    for x, y, w, h in zip(numbers, numbers, numbers, numbers, strict=False):  # four at a time (checked above)
        if type(x) is not int or type(y) is not int or type(w) is not int or type(h) is not int:
            raise ValueError("not a stored region")
        if not (
            0 <= x < MAX_KEPT_COORD and 0 <= y < MAX_KEPT_COORD and 0 < w <= MAX_KEPT_COORD and 0 < h <= MAX_KEPT_COORD
        ):
            raise ValueError("not a stored region")
        in_band = y == top and h == height and x > right
        if not (in_band or (top < 0 or y >= top + height)):
            raise ValueError("not a stored region")
        top, height, right = y, h, x + w - 1
        corners += (x, y, right, y + h - 1)
    return region_of_corners(corners)


cache.register(QRegion, _encode_region, _decode_region)
