"""Where the zones are on the map: hit-testing, interior points and focus order.  No widgets.

:class:`ZoneLayout` holds the art's zone shapes in paint order and the
transform that fits the art into a widget of a given size, and answers the
map widget's questions in widget coordinates: which zone is on top here,
where a finger would tap a zone, which rectangle to repaint, which zone the
keyboard focus moves to next.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRect, QRectF
from PySide6.QtGui import QPainterPath, QTransform

from reflexmap.geometry import Art

__all__ = ["MARGIN", "Shape", "ZoneLayout", "ZoneStop"]

#: Space around the art inside the widget.
MARGIN = 8.0


@dataclass(frozen=True)
class Shape:
    """One drawn element of a zone, in document units, in paint order."""

    zone: str
    path: QPainterPath
    box: QRectF
    foot: str | None
    view: str | None


@dataclass
class ZoneStop:
    """One zone on one view (the left heel, the side-view ankle...): a keyboard focus stop."""

    zone: str
    view: str | None
    paths: list[QPainterPath] = field(default_factory=list)
    box: QRectF = field(default_factory=QRectF)

    def add(self, path: QPainterPath, box: QRectF) -> None:
        self.box = self.box.united(box) if self.paths else QRectF(box)
        self.paths.append(path)

    def contains(self, doc: QPointF) -> bool:
        return any(path.contains(doc) for path in self.paths)


class ZoneLayout:
    """The zones of ``art`` that are in ``known``, fitted into a widget by :meth:`fit`."""

    def __init__(self, art: Art, known: Iterable[str]) -> None:
        self._art = art
        order = list(known)
        keep = set(order)
        self.shapes = [
            Shape(s.zone, s.path, s.path.boundingRect(), s.foot, s.view) for s in art.shapes if s.zone in keep
        ]
        present = {s.zone for s in self.shapes}
        #: Zones on this map, in the content's order.
        self.zone_ids = [z for z in order if z in present]
        stops: dict[tuple[str, str | None], ZoneStop] = {}
        for s in self.shapes:
            stops.setdefault((s.zone, s.view), ZoneStop(s.zone, s.view)).add(s.path, s.box)
        self.stops = list(stops.values())
        self.to_widget = QTransform()
        self.to_doc = QTransform()

    # --- fitting -----------------------------------------------------------------------

    def fit(self, width: float, height: float, below: float = 0.0) -> None:
        """Fit the art, keeping its proportions, centred in a ``width`` x ``height`` widget.

        ``below`` is room kept free under the art (for the views' captions).
        """
        size = self._art.size
        room = max(1.0, height - 2 * MARGIN - below)
        scale = min(max(1.0, width - 2 * MARGIN) / size.width(), room / size.height())
        dx = (width - size.width() * scale) / 2
        dy = (height - below - size.height() * scale) / 2
        self.to_widget = QTransform(scale, 0, 0, scale, dx, dy)
        self.to_doc, _ = self.to_widget.inverted()

    @property
    def scale(self) -> float:
        """Widget pixels per document unit."""
        return self.to_widget.m11() or 1.0

    def art_rect(self) -> QRectF:
        """The art's rectangle in widget coordinates."""
        return self.to_widget.mapRect(QRectF(QPointF(0, 0), self._art.size))

    def view_rects(self) -> dict[str, QRectF]:
        """Each ``data-view`` group's bounding box in widget coordinates."""
        return {view: self.to_widget.mapRect(box) for view, box in self._art.views.items()}

    # --- questions in widget coordinates -------------------------------------------------

    def zone_at(self, pos: QPointF) -> str | None:
        """The topmost zone drawn under widget position ``pos``, if any."""
        shape = self._shape_at(self.to_doc.map(QPointF(pos)))
        return None if shape is None else shape.zone

    def shape_at(self, pos: QPointF) -> Shape | None:
        """The topmost zone shape under widget position ``pos``, if any."""
        return self._shape_at(self.to_doc.map(QPointF(pos)))

    def stop_at(self, pos: QPointF) -> int | None:
        """The focus stop (index into :attr:`stops`) whose zone is on top at ``pos``."""
        doc = self.to_doc.map(QPointF(pos))
        shape = self._shape_at(doc)
        if shape is None:
            return None
        for i, stop in enumerate(self.stops):
            if stop.zone == shape.zone and stop.contains(doc):
                return i
        return None

    def zone_centre(self, zone: str, view: str | None = None) -> QPointF:
        """A point (widget coordinates) well inside ``zone``: where a finger would tap."""
        for stop in self.stops:
            if stop.zone == zone and (view is None or stop.view == view):
                return self.to_widget.map(self._interior_point(stop))
        raise KeyError(zone)

    def zone_rect(self, zone: str | None) -> QRect:
        """The widget rectangle to repaint when ``zone`` changes (with room for its outline)."""
        if zone is None:
            return QRect()
        rect = QRectF()
        for s in self.shapes:
            if s.zone == zone:
                rect = rect.united(s.box)
        return self.to_widget.mapRect(rect).toAlignedRect().adjusted(-4, -4, 4, 4)

    def stop_rect(self, index: int) -> QRect:
        return self.to_widget.mapRect(self.stops[index].box).toAlignedRect().adjusted(-4, -4, 4, 4)

    def neighbour(self, index: int, dx: float, dy: float) -> int | None:
        """The focus stop to move to from stop ``index`` in direction (dx, dy), if any."""
        current = self.stops[index].box.center()
        best: int | None = None
        best_score = math.inf
        for i, stop in enumerate(self.stops):
            centre = stop.box.center()
            vx, vy = centre.x() - current.x(), centre.y() - current.y()
            along = vx * dx + vy * dy
            if along <= 1.0:
                continue
            score = along + 2.0 * abs(vx * dy - vy * dx)
            if score < best_score:
                best, best_score = i, score
        return best

    # --- in document units ------------------------------------------------------------------

    def _shape_at(self, doc: QPointF) -> Shape | None:
        for shape in reversed(self.shapes):
            if shape.box.contains(doc) and shape.path.contains(doc):
                return shape
        return None

    def _interior_point(self, stop: ZoneStop) -> QPointF:
        """A point where ``stop``'s zone is on top, as far from its edges as we cheaply can."""
        box = stop.box
        reach = max(box.width(), box.height())
        best, best_score = box.center(), -1.0
        steps = 14
        for i in range(1, steps):
            for j in range(1, steps):
                p = QPointF(box.left() + box.width() * i / steps, box.top() + box.height() * j / steps)
                top = self._shape_at(p)
                if top is None or top.zone != stop.zone or not stop.contains(p):
                    continue
                score = min(self._free(stop.zone, p, dx, dy, reach) for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)))
                if score > best_score:
                    best, best_score = p, score
        return best

    def _free(self, zone: str, p: QPointF, dx: float, dy: float, limit: float) -> float:
        """How far one can walk from ``p`` in direction (dx, dy) and stay on ``zone``."""
        step = max(limit / 40, 0.5)
        dist = 0.0
        while dist < limit:
            top = self._shape_at(QPointF(p.x() + dx * (dist + step), p.y() + dy * (dist + step)))
            if top is None or top.zone != zone:
                break
            dist += step
        return dist
