"""The foot map: the art, zone highlights, hover, click/tap and keyboard.

The art is drawn by Qt's own SVG renderer into a cached pixmap (redrawn only
when the widget's size changes); zone shapes come from
:mod:`reflexmap.geometry` and are used for hit-testing and highlights.
Hover and paint never touch the SVG file again, and a hover change repaints
only the rectangles of the zones whose state changed.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QColor,
    QFocusEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QTransform,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from reflexmap.content import Content
from reflexmap.geometry import Art

__all__ = ["FootMap"]

BACKGROUND = QColor("#fbf7f3")
ACCENT = QColor("#1f6f7d")
CAPTION = QColor("#5a4a42")
FOCUS = QColor("#1d3f8f")

#: Arrow key -> unit direction in widget coordinates.
_DIRECTIONS = {
    Qt.Key.Key_Left: (-1.0, 0.0),
    Qt.Key.Key_Right: (1.0, 0.0),
    Qt.Key.Key_Up: (0.0, -1.0),
    Qt.Key.Key_Down: (0.0, 1.0),
}


class _Instance:
    """One zone on one view (the left heel, the side-view ankle...): a focus stop."""

    __slots__ = ("zone", "view", "path", "centre")

    def __init__(self, zone: str, view: str | None, path: QPainterPath) -> None:
        self.zone = zone
        self.view = view
        self.path = path
        self.centre = path.boundingRect().center()


class FootMap(QWidget):
    """Clickable, keyboard-reachable map of the foot zones.

    ``zone_selected`` carries the zone id, or ``""`` when the selection is
    cleared; ``zone_hovered`` likewise for the zone under the pointer.
    """

    zone_selected = Signal(str)
    zone_hovered = Signal(str)

    def __init__(self, art: Art, content: Content, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("footMap")
        self._art = art
        self._content = content
        self._lang = lang
        known = set(content.zone_ids)
        # paint order, topmost last: hit-testing walks it backwards
        self._shapes = [(s.zone, s.path, s.path.boundingRect()) for s in art.shapes if s.zone in known]
        self._instances = self._build_instances(art, known)
        self._visible: dict[str, QPainterPath] = {}
        self._renderer = QSvgRenderer(str(art.source), self)
        self._renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        self._pixmap: QPixmap | None = None
        self._to_widget = QTransform()
        self._to_doc = QTransform()
        self._hover: str | None = None
        self._selected: str | None = None
        self._focus_index: int | None = None
        self.view_captions: dict[str, str] = {}

        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 160)
        self.setAccessibleName(self.tr("Foot map"))
        self.setAccessibleDescription(
            self.tr("Zones of the feet. Use the arrow keys to move between zones and Enter to choose one.")
        )

    # --- public API --------------------------------------------------------

    @property
    def selected_zone(self) -> str | None:
        return self._selected

    @property
    def hovered_zone(self) -> str | None:
        return self._hover

    @property
    def focused_zone(self) -> str | None:
        return None if self._focus_index is None else self._instances[self._focus_index].zone

    def zone_ids(self) -> list[str]:
        """Zones present on this map, in the content's order."""
        present = {zone for zone, _, _ in self._shapes}
        return [z for z in self._content.zone_ids if z in present]

    def zone_at(self, pos: QPointF) -> str | None:
        """The topmost zone drawn under widget position ``pos``, if any."""
        doc = self._to_doc.map(QPointF(pos))
        for zone, path, box in reversed(self._shapes):
            if box.contains(doc) and path.contains(doc):
                return zone
        return None

    def zone_centre(self, zone: str, view: str | None = None) -> QPointF:
        """A point (widget coordinates) well inside ``zone``: where a finger would tap."""
        for inst in self._instances:
            if inst.zone == zone and (view is None or inst.view == view):
                point = self._interior_point(inst)
                return self._to_widget.map(point)
        raise KeyError(zone)

    def select_zone(self, name: str | None) -> None:
        """Select ``name`` (every foot and view where it appears) or clear with None."""
        if name is not None and name not in self.zone_ids():
            raise KeyError(f"no zone {name!r} on this map")
        if name == self._selected:
            return
        old = self._selected
        self._selected = name
        self._update_zones(old, name)
        self.zone_selected.emit(name or "")

    def set_language(self, lang: str) -> None:
        self._lang = lang
        self._announce()
        self.update()

    def set_view_captions(self, captions: dict[str, str]) -> None:
        """Text to draw under each ``data-view`` group (e.g. "Left foot")."""
        self.view_captions = dict(captions)
        self.update()

    def accessible_text(self, zone: str) -> tuple[str, str]:
        """The name and description a screen reader gets for ``zone``."""
        info = self._content.zone(zone)
        if info is None:
            return zone, ""
        return info.name(self._lang), f"{info.where(self._lang)} {info.corresponds(self._lang)}"

    # --- geometry ------------------------------------------------------------

    @staticmethod
    def _build_instances(art: Art, known: set[str]) -> list[_Instance]:
        grouped: dict[tuple[str, str | None], QPainterPath] = {}
        for s in art.shapes:
            if s.zone not in known:
                continue
            key = (s.zone, s.view)
            grouped[key] = grouped[key].united(s.path) if key in grouped else QPainterPath(s.path)
        return [_Instance(zone, view, path) for (zone, view), path in grouped.items()]

    def _interior_point(self, inst: _Instance) -> QPointF:
        """A point inside the visible part of ``inst``, as far from its edges as we cheaply can."""
        visible = inst.path.intersected(self._visible_path(inst.zone))
        box = visible.boundingRect()
        best, best_score = visible.pointAtPercent(0.5), -1.0
        steps = 12
        for i in range(1, steps):
            for j in range(1, steps):
                p = QPointF(box.left() + box.width() * i / steps, box.top() + box.height() * j / steps)
                if not visible.contains(p):
                    continue
                score = min(
                    _free(visible, p, dx, dy, max(box.width(), box.height()))
                    for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1))
                )
                if score > best_score:
                    best, best_score = p, score
        return best

    def _visible_path(self, zone: str) -> QPainterPath:
        """The part of ``zone`` not covered by zones drawn above it (lazy, cached)."""
        if zone not in self._visible:
            area = QPainterPath()
            above = QPainterPath()
            for z, path, _ in reversed(self._shapes):
                if z == zone:
                    area = area.united(path.subtracted(above)) if not above.isEmpty() else area.united(path)
                above = above.united(path) if not above.isEmpty() else QPainterPath(path)
            self._visible[zone] = area
        return self._visible[zone]

    def _layout(self) -> None:
        size = self._art.size
        margin = 8.0
        avail_w = max(1.0, self.width() - 2 * margin)
        avail_h = max(1.0, self.height() - 2 * margin)
        scale = min(avail_w / size.width(), avail_h / size.height())
        dx = (self.width() - size.width() * scale) / 2
        dy = (self.height() - size.height() * scale) / 2
        self._to_widget = QTransform(scale, 0, 0, scale, dx, dy)
        self._to_doc, _ = self._to_widget.inverted()
        self._pixmap = None

    def _art_rect(self) -> QRectF:
        return self._to_widget.mapRect(QRectF(QPointF(0, 0), self._art.size))

    def _zone_rect(self, zone: str | None) -> QRect:
        if zone is None:
            return QRect()
        rect = QRectF()
        for z, _, box in self._shapes:
            if z == zone:
                rect = rect.united(box)
        return self._to_widget.mapRect(rect).toAlignedRect().adjusted(-4, -4, 4, 4)

    def _update_zones(self, *zones: str | None) -> None:
        for zone in zones:
            if zone is not None:
                self.update(self._zone_rect(zone))

    # --- painting ------------------------------------------------------------

    def _art_pixmap(self) -> QPixmap:
        dpr = self.devicePixelRatioF()
        rect = self._art_rect()
        if self._pixmap is None or self._pixmap.devicePixelRatio() != dpr:
            pixmap = QPixmap(QSize(max(1, math.ceil(rect.width() * dpr)), max(1, math.ceil(rect.height() * dpr))))
            pixmap.setDevicePixelRatio(dpr)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._renderer.render(painter, QRectF(0, 0, rect.width(), rect.height()))
            painter.end()
            self._pixmap = pixmap
        return self._pixmap

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(event.rect(), BACKGROUND)
        rect = self._art_rect()
        painter.drawPixmap(rect.topLeft(), self._art_pixmap())
        painter.setTransform(self._to_widget)
        scale = self._to_widget.m11() or 1.0
        if self._hover is not None and self._hover != self._selected:
            self._fill(painter, self._hover, 60, 1.6 / scale)
        if self._selected is not None:
            self._fill(painter, self._selected, 125, 2.6 / scale)
        if self.hasFocus() and self._focus_index is not None:
            pen = QPen(FOCUS, 2.4 / scale, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self._instances[self._focus_index].path)
        painter.resetTransform()
        self._paint_captions(painter)
        painter.end()

    def _fill(self, painter: QPainter, zone: str, alpha: int, width: float) -> None:
        fill = QColor(ACCENT)
        fill.setAlpha(alpha)
        painter.setBrush(fill)
        painter.setPen(QPen(ACCENT.darker(115), width))
        painter.drawPath(self._visible_path(zone))

    def _paint_captions(self, painter: QPainter) -> None:
        if not self.view_captions:
            return
        font = QFont(self.font())
        font.setPixelSize(max(12, round(15 * self._to_widget.m11() * 1.1)))
        painter.setFont(font)
        painter.setPen(CAPTION)
        for view, box in self._art.views.items():
            text = self.view_captions.get(view)
            if not text:
                continue
            wbox = self._to_widget.mapRect(box)
            rect = QRectF(wbox.left() - 40, wbox.bottom() + 4, wbox.width() + 80, font.pixelSize() * 1.6)
            painter.drawText(rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)

    # --- events ----------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self._layout()
        super().resizeEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._set_hover(self.zone_at(event.position()))
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: object) -> None:  # noqa: N802
        self._set_hover(None)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        zone = self.zone_at(event.position())
        if zone is not None:
            self._focus_index = self._instance_at(event.position())
            self.select_zone(zone)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = Qt.Key(event.key())
        if key in _DIRECTIONS and self._instances:
            self._move_focus(*_DIRECTIONS[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._focus_index is not None:
            self.select_zone(self._instances[self._focus_index].zone)
        elif key == Qt.Key.Key_Escape and self._selected is not None:
            self.select_zone(None)
        else:
            return super().keyPressEvent(event)
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        if self._focus_index is None and self._instances:
            chosen = [i for i, inst in enumerate(self._instances) if inst.zone == self._selected]
            self._focus_index = chosen[0] if chosen else 0
        self._announce()
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.update()
        super().focusOutEvent(event)

    # --- helpers ---------------------------------------------------------------

    def _set_hover(self, zone: str | None) -> None:
        if zone == self._hover:
            return
        old, self._hover = self._hover, zone
        self.setCursor(Qt.CursorShape.PointingHandCursor if zone else Qt.CursorShape.ArrowCursor)
        self._update_zones(old, zone)
        self.zone_hovered.emit(zone or "")

    def _instance_at(self, pos: QPointF) -> int | None:
        doc = self._to_doc.map(QPointF(pos))
        zone = self.zone_at(pos)
        for i, inst in enumerate(self._instances):
            if inst.zone == zone and inst.path.contains(doc):
                return i
        return self._focus_index

    def _move_focus(self, dx: float, dy: float) -> None:
        current = self._instances[self._focus_index or 0]
        best: int | None = None
        best_score = math.inf
        for i, inst in enumerate(self._instances):
            vx = inst.centre.x() - current.centre.x()
            vy = inst.centre.y() - current.centre.y()
            along = vx * dx + vy * dy
            if along <= 1.0:
                continue
            across = abs(vx * dy - vy * dx)
            score = along + 2.0 * across
            if score < best_score:
                best, best_score = i, score
        if best is None:
            return
        old = self._focus_index
        self._focus_index = best
        for idx in (old, best):
            if idx is not None:
                box = self._to_widget.mapRect(self._instances[idx].path.boundingRect())
                self.update(box.toAlignedRect().adjusted(-4, -4, 4, 4))
        self._announce()

    def _announce(self) -> None:
        """Tell assistive technology which zone has the keyboard focus."""
        if self._focus_index is None or not self.hasFocus():
            return
        name, description = self.accessible_text(self._instances[self._focus_index].zone)
        self.setAccessibleName(name)
        self.setAccessibleDescription(description)
        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.NameChanged))


def _free(path: QPainterPath, p: QPointF, dx: float, dy: float, limit: float) -> float:
    """How far one can walk from ``p`` in direction (dx, dy) and stay inside ``path``."""
    step = max(limit / 32, 0.5)
    dist = 0.0
    while dist < limit and path.contains(QPointF(p.x() + dx * (dist + step), p.y() + dy * (dist + step))):
        dist += step
    return dist
