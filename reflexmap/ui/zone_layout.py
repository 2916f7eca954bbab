"""Where the zones are on the map, as the picture engine draws them.  No widgets.

:class:`ZoneLayout` fits the art into a widget of a given size and answers
the map widget's questions in widget coordinates: which zone is on top here,
where a finger would tap a zone, which rectangle to repaint, which zone the
keyboard focus moves to next, and what to tint or outline for a highlight or
the focus ring.  Every answer comes from the same masks
(:class:`reflexmap.drawn.Masks`): each zone rendered alone by the renderer
that draws the picture, at the picture's resolution, so what is touchable is
what is drawn at every size and device pixel ratio.  The masks are made again
only when the picture is (a new size or pixel ratio).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRect, QRectF
from PySide6.QtGui import QPainterPath, QTransform

from reflexmap.drawn import Drawing, DrawingError, Masks, Piece, outline, rects, without_specks
from reflexmap.geometry import Art

if TYPE_CHECKING:  # regions exist once the masks are made (PySide6 builds a class's enums when first touched)
    from PySide6.QtGui import QRegion

__all__ = ["MARGIN", "Highlight", "ZoneLayout", "ZoneStop"]

logger = logging.getLogger(__name__)

#: Space around the art inside the widget.
MARGIN = 8.0
#: A zone's pieces smaller than this many pixels (at a pixel ratio of 1) are not highlighted: stray dots.
SPECK = 6
#: Corners of a ring are cut by up to this many device pixels, so it follows slanted edges smoothly.
CHAMFER = 1.0


@dataclass
class ZoneStop:
    """One zone on one view (the left heel, the side-view ankle...): a keyboard focus stop."""

    zone: str
    view: str | None
    #: Indices into the drawing's pieces (one per foot shown on this view).
    pieces: list[int] = field(default_factory=list)


class Highlight:
    """What one piece of a zone looks like on screen: its visible region and the outline around it.

    Both are in the picture's device pixels; :attr:`ZoneLayout.from_device`
    maps them into the widget.  Each is worked out when first asked for (a
    frame highlights a zone or two of the many).
    """

    __slots__ = ("_box", "_region", "_ring", "_smallest", "_to_widget", "_visible", "piece")

    def __init__(self, piece: Piece, visible: QRegion, smallest: int, to_widget: QTransform) -> None:
        self.piece = piece
        self._visible = visible
        self._smallest = smallest
        self._to_widget = to_widget
        self._region: QRegion | None = None
        self._box: QRectF | None = None
        self._ring: QPainterPath | None = None

    @property
    def region(self) -> QRegion:
        """Where the piece is on top, without stray specks of fewer than ``smallest`` pixels."""
        if self._region is None:
            self._region = without_specks(self._visible, self._smallest)
        return self._region

    @property
    def box(self) -> QRectF:
        """The region's bounding box, in widget coordinates."""
        if self._box is None:
            self._box = self._to_widget.mapRect(QRectF(self.region.boundingRect()))
        return self._box

    @property
    def ring(self) -> QPainterPath:
        if self._ring is None:
            self._ring = outline(self.region, CHAMFER)
        return self._ring


class _Fitted:
    """The masks at one size and pixel ratio, and everything worked out from them once.

    ``zones`` is None for all the masks, or the zones a first frame's
    :meth:`ZoneLayout.build` made just enough for (their highlights alone).
    """

    __slots__ = ("centres", "highlights", "key", "masks", "rings", "stop_boxes", "zones")

    def __init__(
        self,
        masks: Masks,
        key: tuple[float, float, float],
        highlights: list[Highlight],
        zones: frozenset[str] | None = None,
    ) -> None:
        self.masks = masks
        self.key = key
        self.highlights = highlights
        self.zones = zones
        #: Each focus stop's box, in widget coordinates, when first asked for.
        self.stop_boxes: list[QRectF] | None = None
        #: Worked out when first asked for, then kept until the next size.
        self.rings: dict[int, QPainterPath] = {}
        self.centres: dict[int, QPointF] = {}


class ZoneLayout:
    """The zones of ``drawing`` that are in ``known``, fitted into a widget by :meth:`fit`."""

    def __init__(self, art: Art, known: Iterable[str], drawing: Drawing, cache_dir: Path | None = None) -> None:
        self._art = art
        self._drawing = drawing
        # the masks at the first size they are made for (the start's) are kept there for the next start
        self._cache_dir = cache_dir
        self._order = list(known)
        self._stops: list[ZoneStop] | None = None
        self._zone_ids: list[str] | None = None
        self._dpr = 1.0
        self._fitted: _Fitted | None = None
        self._first: _Fitted | None = None  # a first frame's highlights, until all the masks are made
        self.to_widget = QTransform()
        self.to_doc = QTransform()

    # --- what is on this map -----------------------------------------------------------------

    @property
    def zone_ids(self) -> list[str]:
        """Zones on this map, in the content's order."""
        if self._zone_ids is None:
            present = {p.zone for p in self._pieces()}
            self._zone_ids = [z for z in self._order if z in present]
        return self._zone_ids

    @property
    def stops(self) -> list[ZoneStop]:
        """The focus stops, in the order the picture first draws them."""
        if self._stops is None:
            known = set(self._order)
            stops: dict[tuple[str, str | None], ZoneStop] = {}
            for i, piece in enumerate(self._pieces()):
                if piece.zone in known:
                    stops.setdefault((piece.zone, piece.view), ZoneStop(piece.zone, piece.view)).pieces.append(i)
            self._stops = list(stops.values())
        return self._stops

    def _pieces(self) -> list[Piece]:
        try:
            return self._drawing.pieces
        except DrawingError as e:  # as in build(): the map then has no zones
            logger.warning("%s", e)
            return []

    # --- fitting -----------------------------------------------------------------------

    def fit(self, width: float, height: float, dpr: float = 1.0, below: float = 0.0) -> None:
        """Fit the art, keeping its proportions, centred in a ``width`` x ``height`` widget of pixel ratio ``dpr``.

        ``below`` is room kept free under the art (for the views' captions).
        """
        size = self._art.size
        room = max(1.0, height - 2 * MARGIN - below)
        scale = min(max(1.0, width - 2 * MARGIN) / size.width(), room / size.height())
        dx = (width - size.width() * scale) / 2
        dy = (height - below - size.height() * scale) / 2
        self.to_widget = QTransform(scale, 0, 0, scale, dx, dy)
        self.to_doc, _ = self.to_widget.inverted()
        self._dpr = dpr

    def set_dpr(self, dpr: float) -> None:
        """The widget moved to a screen of another pixel ratio."""
        self._dpr = dpr

    @property
    def dpr(self) -> float:
        return self._dpr

    @property
    def scale(self) -> float:
        """Widget pixels per document unit."""
        return self.to_widget.m11() or 1.0

    def art_rect(self) -> QRectF:
        """The art's rectangle in widget coordinates."""
        return self.to_widget.mapRect(QRectF(QPointF(0, 0), self._art.size))

    def picture_origin(self) -> QPointF:
        """Where the picture's top-left pixel goes: the art's corner, on a whole device pixel."""
        corner = self.art_rect().topLeft()
        dpr = self._dpr
        return QPointF(round(corner.x() * dpr) / dpr, round(corner.y() * dpr) / dpr)

    @property
    def from_device(self) -> QTransform:
        """Picture device pixels (the masks' units) to widget coordinates."""
        origin, dpr = self.picture_origin(), self._dpr
        return QTransform(1 / dpr, 0, 0, 1 / dpr, origin.x(), origin.y())

    def view_rects(self) -> dict[str, QRectF]:
        """Each ``data-view`` group's bounding box in widget coordinates (for captions)."""
        return {view: self.to_widget.mapRect(box) for view, box in self._art.views.items()}

    # --- the masks ---------------------------------------------------------------------------

    def _key(self) -> tuple[float, float, float]:
        rect = self.art_rect()
        return (rect.width(), rect.height(), self._dpr)

    def has_masks(self) -> bool:
        """Whether the masks for the current size and pixel ratio are made."""
        return self._fitted is not None and self._fitted.key == self._key()

    def has_highlights(self) -> bool:
        """Whether highlights can be painted now: all the masks are made, or a first frame's (see :meth:`build`)."""
        return self.has_masks() or (self._first is not None and self._first.key == self._key())

    def build(self, zones: Collection[str] | None = None) -> None:
        """Make the masks for the current size and pixel ratio (the widget does so when it draws the picture).

        With ``zones`` (what a first frame highlights), only what painting
        their highlights needs is made, in a few renderings
        (:meth:`~reflexmap.drawn.Drawing.top_masks`), unless all the masks
        are there already; every question about where zones are (a touch,
        the keyboard, a rectangle) makes all of them.
        """
        if self.has_masks():
            return
        width, height, dpr = key = self._key()
        wanted = None if zones is None else frozenset(zones) & set(self.zone_ids)
        first = self._first
        if wanted is not None and first is not None and first.key == key and wanted <= (first.zones or frozenset()):
            return
        try:
            masks = self._kept(width, height, dpr)
            if masks is not None:
                wanted = None  # all of them, as a start before made them
            elif wanted is None:
                masks = self._drawing.masks(width, height, dpr, set(self.zone_ids))
                if self._cache_dir is not None:
                    self._drawing.keep_masks(self._cache_dir, width, height, self._order, masks)
            else:
                masks = self._drawing.top_masks(width, height, dpr, wanted)
        except DrawingError as e:  # refused when the files were loaded; if it happens anyway: nothing to touch
            logger.warning("%s", e)
            masks = Masks([], [], [], dpr, 1, 1)
        to_widget = self.from_device
        smallest = round(SPECK * dpr * dpr)
        highlights = []
        for piece in masks.pieces:
            if wanted is not None and piece.zone not in wanted:
                continue
            visible = masks.visible_region(_same(piece))
            if not visible.isEmpty():  # (a piece is never all specks: its biggest part stays)
                highlights.append(Highlight(piece, visible, smallest, to_widget))
        if wanted is not None:
            self._first = _Fitted(masks, key, highlights, wanted)
            return
        self._fitted = _Fitted(masks, key, highlights)
        self._first = None
        self._cache_dir = None  # later sizes (a window resized) are made anew each time, and not kept

    def keep_for_next_start(self) -> None:
        """Make the masks now if they are to be kept and none are kept for this size yet (see :meth:`build`)."""
        if self._cache_dir is None or self.has_masks():
            return
        width, height, dpr = self._key()
        if not self._drawing.has_kept_masks(self._cache_dir, width, height, dpr, self._order):
            self.build()

    def _kept(self, width: float, height: float, dpr: float) -> Masks | None:
        """The masks a start before kept for this size, while no masks were made yet."""
        if self._cache_dir is None:
            return None
        return self._drawing.kept_masks(self._cache_dir, width, height, dpr, self._order)

    def _made(self) -> _Fitted:
        self.build()
        assert self._fitted is not None
        return self._fitted

    def _stop_boxes(self) -> list[QRectF]:
        fitted = self._made()
        if fitted.stop_boxes is None:
            fitted.stop_boxes = []
            for stop in self.stops:
                box = QRectF()
                for h in fitted.highlights:
                    if h.piece.zone == stop.zone and h.piece.view == stop.view:
                        box = box.united(h.box)
                fitted.stop_boxes.append(box)
        return fitted.stop_boxes

    def masks(self) -> Masks:
        """The masks at the current size and pixel ratio."""
        return self._made().masks

    def memory(self) -> int:
        """Roughly what the masks and rings take, in bytes (for the benchmarks)."""
        fitted = self._made()
        rings = sum(16 * h.ring.elementCount() for h in fitted.highlights)
        return fitted.masks.size_in_bytes() + rings

    # --- questions in widget coordinates -------------------------------------------------

    def _device(self, pos: QPointF) -> tuple[int, int]:
        origin, dpr = self.picture_origin(), self._dpr
        return math.floor((pos.x() - origin.x()) * dpr), math.floor((pos.y() - origin.y()) * dpr)

    def piece_at(self, pos: QPointF) -> Piece | None:
        """The zone piece on top at widget position ``pos``, if any."""
        return self._made().masks.piece_at(*self._device(pos))

    def zone_at(self, pos: QPointF) -> str | None:
        """The topmost zone drawn under widget position ``pos``, if any."""
        piece = self.piece_at(pos)
        return None if piece is None else piece.zone

    def stop_at(self, pos: QPointF) -> int | None:
        """The focus stop (index into :attr:`stops`) whose zone is on top at ``pos``."""
        piece = self.piece_at(pos)
        if piece is None:
            return None
        for i, stop in enumerate(self.stops):
            if stop.zone == piece.zone and stop.view == piece.view:
                return i
        return None

    def zone_centre(self, zone: str, view: str | None = None) -> QPointF:
        """A point (widget coordinates) well inside ``zone`` where it is on top: where a finger would tap."""
        for i, stop in enumerate(self.stops):
            if stop.zone == zone and (view is None or stop.view == view):
                fitted = self._made()
                if i not in fitted.centres:
                    region = self._stop_region(i)
                    fitted.centres[i] = self.from_device.map(_deepest(region)) if not region.isEmpty() else QPointF()
                return QPointF(fitted.centres[i])
        raise KeyError(zone)

    def zone_rect(self, zone: str | None) -> QRect:
        """The widget rectangle to repaint when ``zone`` changes (with room for its outline)."""
        if zone is None or self._fitted is None:  # nothing is drawn for a zone before the masks are made
            return QRect()
        rect = QRectF()
        for h in self._fitted.highlights:
            if h.piece.zone == zone:
                rect = rect.united(h.box)
        return _padded(rect)

    def stop_rect(self, index: int) -> QRect:
        """The widget rectangle of focus stop ``index`` (with room for the ring): also its accessible rectangle."""
        return _padded(self._stop_boxes()[index])

    def stop_box(self, index: int) -> QRectF:
        """The bounding box of what focus stop ``index`` shows, in widget coordinates."""
        return QRectF(self._stop_boxes()[index])

    def zone_box(self, zone: str, view: str | None = None) -> QRectF:
        """The bounding box of what is drawn for ``zone`` on ``view`` (None: on every view), in widget coordinates."""
        box = QRectF()
        for i, stop in enumerate(self.stops):
            if stop.zone == zone and (view is None or stop.view == view):
                box = box.united(self.stop_box(i))
        return box

    def neighbour(self, index: int, dx: float, dy: float) -> int | None:
        """The focus stop an arrow key moves to from stop ``index`` in direction (dx, dy), if any.

        The nearest stop whose centre lies within 45 degrees of the arrow's
        direction (across all views); ties go to the one more in line.  None
        there: the focus stays.
        """
        boxes = self._stop_boxes()
        current = boxes[index].center()
        best: int | None = None
        best_score = math.inf
        for i, box in enumerate(boxes):
            if i == index or box.isEmpty():
                continue
            centre = box.center()
            vx, vy = centre.x() - current.x(), centre.y() - current.y()
            along = vx * dx + vy * dy
            across = abs(vx * dy - vy * dx)
            if along <= 1.0 or across > along:  # behind, beside, or more sideways than ahead
                continue
            score = math.hypot(vx, vy) + 0.5 * across
            if score < best_score:
                best, best_score = i, score
        return best

    # --- what to paint ----------------------------------------------------------------------

    def highlights(self, dirty: QRectF | None = None, zones: Collection[str] | None = None) -> Iterator[Highlight]:
        """The visible region and outline of each piece of ``zones`` (None: all), in paint order, that meets ``dirty``.

        ``dirty`` is in widget coordinates.  Before all the masks are made,
        those of the zones a first frame's :meth:`build` made (the zones it
        highlights).
        """
        first = self._first
        fitted = first if first is not None and not self.has_masks() and first.key == self._key() else self._made()
        for h in fitted.highlights:
            if zones is not None and h.piece.zone not in zones:
                continue
            if dirty is None or h.box.intersects(dirty):
                yield h

    def stop_ring(self, index: int) -> QPainterPath:
        """The outline of focus stop ``index``, in picture device pixels (see :attr:`from_device`)."""
        fitted = self._made()
        if index not in fitted.rings:
            stop = self.stops[index]
            rings = [h.ring for h in fitted.highlights if h.piece.zone == stop.zone and h.piece.view == stop.view]
            fitted.rings[index] = rings[0] if len(rings) == 1 else outline(self._stop_region(index), CHAMFER)
        return fitted.rings[index]

    def _stop_region(self, index: int) -> QRegion:
        from PySide6.QtGui import QRegion

        stop = self.stops[index]
        region = QRegion()
        for h in self._made().highlights:
            if h.piece.zone == stop.zone and h.piece.view == stop.view:
                region = region.united(h.region)
        return region


def _same(piece: Piece) -> Callable[[Piece], bool]:
    return lambda p: p == piece


def _padded(rect: QRectF) -> QRect:
    return QRect() if rect.isEmpty() else rect.toAlignedRect().adjusted(-4, -4, 4, 4)


def _deepest(region: QRegion) -> QPointF:
    """A pixel of ``region`` about as far from its edges as any: the centre of what survives the most erosion."""
    box = region.boundingRect()
    lo, hi = 0, max(box.width(), box.height()) // 2 + 1
    best = region
    while lo < hi:  # the largest k whose erosion is not empty
        k = (lo + hi + 1) // 2
        eroded = _eroded(region, k)
        if eroded.isEmpty():
            hi = k - 1
        else:
            lo, best = k, eroded
    rect = max(rects(best), key=lambda r: r.width() * r.height())
    return QPointF(rect.x() + rect.width() // 2 + 0.5, rect.y() + rect.height() // 2 + 0.5)  # a pixel's centre


def _eroded(region: QRegion, k: int) -> QRegion:
    """The pixels of ``region`` whose neighbours ``k`` pixels away, in eight directions, are in it too."""
    d = max(1, round(k * 0.7071))
    out = region
    for dx, dy in ((k, 0), (-k, 0), (0, k), (0, -k), (d, d), (-d, d), (d, -d), (-d, -d)):
        out = out.intersected(region.translated(dx, dy))
        if out.isEmpty():
            break
    return out
