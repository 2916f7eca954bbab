"""The masks: each layer's region in device pixels of the picture, and which layer is on top where."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint

from reflexmap.drawn.layers import Piece

if TYPE_CHECKING:  # made when the masks are: PySide6 builds a class's enums the first time it is touched
    from PySide6.QtGui import QRegion


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
        from PySide6.QtGui import QRegion

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
        from PySide6.QtGui import QRegion

        return QRegion()

    def size_in_bytes(self) -> int:
        """Roughly what the regions take in memory (16 bytes a rectangle)."""
        return 16 * sum(r.rectCount() for r in (*self.own, *self.visible))


def _bounds(region: QRegion) -> tuple[int, int, int, int]:
    if region.isEmpty():
        return (1, 1, 0, 0)  # contains nothing
    box = region.boundingRect()
    return box.left(), box.top(), box.right(), box.bottom()
