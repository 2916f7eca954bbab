"""The foot map: the art, zone highlights, hover, click/tap and keyboard.

The art is drawn by Qt's own SVG renderer into a cached pixmap (redrawn only
when the widget's size changes); zone shapes come from
:mod:`reflexmap.geometry` and are used for hit-testing and highlights.
Hover and paint never touch the SVG file again, and a hover change repaints
only the rectangles of the zones whose state changed.
"""

from __future__ import annotations

import functools
import math

from PySide6.QtCore import QElapsedTimer, QPointF, QRect, QRectF, QSize, QSizeF, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetricsF,
    QHideEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QShowEvent,
    QTransform,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from reflexmap.content import Content
from reflexmap.geometry import Art
from reflexmap.ui import named, style

__all__ = ["FootMap"]

BACKGROUND = QColor("#fbf7f3")
ACCENT = QColor("#c8553d")
CAPTION = QColor("#5a4a42")
FOCUS = QColor("#1d3f8f")
HOVER_ALPHA = 55
SELECTED_ALPHA = 110
#: One slow breath of the guide highlight, redrawn about seven times a second:
#: the tint moves at most a few colour levels a frame, and each frame is a
#: repaint of the zone (most of the CPU a counting routine uses).
PULSE_MS = 2000
PULSE_FRAME_MS = 150


@functools.cache
def _directions() -> dict[object, tuple[float, float]]:
    """Arrow key -> unit direction in widget coordinates (see ``named`` for why not at import)."""
    from PySide6.QtCore import Qt

    return {
        Qt.Key.Key_Left: (-1.0, 0.0),
        Qt.Key.Key_Right: (1.0, 0.0),
        Qt.Key.Key_Up: (0.0, -1.0),
        Qt.Key.Key_Down: (0.0, 1.0),
    }


def _copy(colour: QColor) -> QColor:
    # not QColor(colour): choosing among its overloads makes PySide6 build the Qt namespace (see named)
    return QColor.fromRgba(colour.rgba())


class _Instance:
    """One zone on one view (the left heel, the side-view ankle...): a focus stop."""

    __slots__ = ("box", "paths", "view", "zone")

    def __init__(self, zone: str, view: str | None) -> None:
        self.zone = zone
        self.view = view
        self.paths: list[QPainterPath] = []
        self.box = QRectF()

    def add(self, path: QPainterPath, box: QRectF) -> None:
        self.paths.append(path)
        self.box = self.box.united(box) if self.paths[1:] else QRectF(box)

    @property
    def centre(self) -> QPointF:
        return self.box.center()


class FootMap(QWidget):
    """Clickable, keyboard-reachable map of the foot zones.

    ``zone_selected`` carries the zone id, or ``""`` when the selection is
    cleared; ``zone_hovered`` likewise for the zone under the pointer.
    """

    zone_selected = Signal(str)
    zone_hovered = Signal(str)

    def __init__(self, art: Art, content: Content, lang: str = "en", parent: QWidget | None = None,
                 interactive: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("footMap" if interactive else "guideMap")
        self._interactive = interactive
        self._art = art
        self._content = content
        self._lang = lang
        self._known = set(content.zone_ids)
        # paint order, topmost last: hit-testing walks it backwards
        self._shapes = [(s.zone, s.path, s.path.boundingRect(), s.foot) for s in art.shapes if s.zone in self._known]
        self._instances = self._build_instances()
        self._renderer = QSvgRenderer(str(art.source), self)
        named.set_enum(self._renderer, "aspectRatioMode", "KeepAspectRatio")
        self._pixmap: QPixmap | None = None
        self._to_widget = QTransform()
        self._to_doc = QTransform()
        self._hover: str | None = None
        self._selected: str | None = None
        self._focus_index: int | None = None
        # like CSS :focus-visible: the ring shows for keyboard users only
        self._focus_visible = False
        self.view_captions: dict[str, str] = self._default_captions()
        self._caption_cache: tuple[object, list[tuple[str, QRectF, QFont]]] | None = None
        # the routine player's guide: zones to work, on which foot, gently pulsing
        self._guide: frozenset[str] = frozenset()
        self._guide_foot: str | None = None
        self._pulsing = False
        self._pulse = QTimer(self)
        self._pulse.setInterval(PULSE_FRAME_MS)
        self._pulse.timeout.connect(self._on_pulse_timeout)
        self._pulse_clock = QElapsedTimer()
        self._accent = _copy(ACCENT)

        # Qt fills the background itself (painting it from Python made PySide6
        # build QGradient's enums while choosing a fillRect overload), and the
        # painter starts with the caption colour: any QPen or QBrush call builds
        # PySide6's Qt namespace (see named), and captions are in the first frame
        style.tint(self, BACKGROUND.name(), CAPTION.name())
        self.setMouseTracking(interactive)
        named.set_enum(self, "focusPolicy", "StrongFocus" if interactive else "NoFocus")
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

    def art_size(self) -> QSizeF:
        """The art's size in document units (its aspect ratio is kept on screen)."""
        return QSizeF(self._art.size)

    def zone_ids(self) -> list[str]:
        """Zones present on this map, in the content's order."""
        present = {zone for zone, _, _, _ in self._shapes}
        return [z for z in self._content.zone_ids if z in present]

    def zone_at(self, pos: QPointF) -> str | None:
        """The topmost zone drawn under widget position ``pos``, if any."""
        return self._topmost(self._to_doc.map(QPointF(pos)))

    def map_from_art(self, point: QPointF) -> QPointF:
        """Widget position of ``point`` given in the art's document coordinates."""
        return self._to_widget.map(QPointF(point))

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
        self.view_captions = self._default_captions()
        self._announce()
        self.update()

    def set_view_captions(self, captions: dict[str, str]) -> None:
        """Text to draw under each ``data-view`` group (e.g. "Left foot")."""
        self.view_captions = dict(captions)
        self.update()

    def _default_captions(self) -> dict[str, str]:
        return {
            "sole-left": self.tr("Left foot, sole"),
            "sole-right": self.tr("Right foot, sole"),
            "side": self.tr("Inner side of the foot"),
        }

    def set_accent(self, colour: QColor) -> None:
        """The highlight colour (a salon's brand colour in kiosk mode)."""
        self._accent = _copy(colour)
        self.update()

    def set_guide(self, zones: tuple[str, ...] = (), foot: str | None = None, pulsing: bool = True) -> None:
        """Mark ``zones`` to work on ``foot`` ("left"/"right"; None for every foot), pulsing gently.

        Views without a foot (the side view) show the guide whatever the foot.
        """
        old = self._guide
        self._guide = frozenset(z for z in zones if z in self._known)
        self._guide_foot = foot if foot in ("left", "right") else None
        self._pulsing = pulsing
        if self._guide and pulsing and self.isVisible():
            if not self._pulse.isActive():
                self._pulse_clock.start()
                self._pulse.start()
        else:
            self._pulse.stop()
        self._update_zones(*(old | self._guide))

    @property
    def guide(self) -> tuple[frozenset[str], str | None]:
        return self._guide, self._guide_foot

    def guided_at(self, pos: QPointF) -> bool:
        """Whether the guide highlight covers widget position ``pos``."""
        doc = self._to_doc.map(QPointF(pos))
        for zone, path, box, foot in reversed(self._shapes):
            if box.contains(doc) and path.contains(doc):
                return self._guided(zone, foot)
        return False

    def accessible_text(self, zone: str) -> tuple[str, str]:
        """The name and description a screen reader gets for ``zone``."""
        info = self._content.zone(zone)
        if info is None:
            return zone, ""
        return info.name(self._lang), f"{info.where(self._lang)} {info.corresponds(self._lang)}"

    # --- geometry ------------------------------------------------------------

    def _build_instances(self) -> list[_Instance]:
        grouped: dict[tuple[str, str | None], _Instance] = {}
        for s in self._art.shapes:
            if s.zone in self._known:
                inst = grouped.setdefault((s.zone, s.view), _Instance(s.zone, s.view))
                inst.add(s.path, s.path.boundingRect())
        return list(grouped.values())

    def _topmost(self, doc: QPointF) -> str | None:
        """The zone drawn on top at ``doc`` (document coordinates)."""
        for zone, path, box, _ in reversed(self._shapes):
            if box.contains(doc) and path.contains(doc):
                return zone
        return None

    def _interior_point(self, inst: _Instance) -> QPointF:
        """A point where ``inst`` is the zone on top, as far from its edges as we cheaply can."""
        box = inst.box
        reach = max(box.width(), box.height())
        best, best_score = inst.centre, -1.0
        steps = 14
        for i in range(1, steps):
            for j in range(1, steps):
                p = QPointF(box.left() + box.width() * i / steps, box.top() + box.height() * j / steps)
                if self._topmost(p) != inst.zone or not any(path.contains(p) for path in inst.paths):
                    continue
                score = min(self._free(inst.zone, p, dx, dy, reach) for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)))
                if score > best_score:
                    best, best_score = p, score
        return best

    def _free(self, zone: str, p: QPointF, dx: float, dy: float, limit: float) -> float:
        """How far one can walk from ``p`` in direction (dx, dy) and stay on ``zone``."""
        step = max(limit / 40, 0.5)
        dist = 0.0
        while dist < limit and self._topmost(QPointF(p.x() + dx * (dist + step), p.y() + dy * (dist + step))) == zone:
            dist += step
        return dist

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
        for z, _, box, _ in self._shapes:
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
            pixmap.fill(QColor(0, 0, 0, 0))
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._renderer.render(painter, QRectF(0, 0, rect.width(), rect.height()))
            painter.end()
            self._pixmap = pixmap
        return self._pixmap

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        origin = self._art_rect().topLeft()
        pixmap = self._art_pixmap()
        painter.drawPixmap(origin, pixmap)
        painter.save()  # highlights and the focus ring set pens: the captions keep the painter's own
        self._paint_highlights(painter, self._to_doc.mapRect(QRectF(event.rect())), origin, pixmap)
        if self.hasFocus() and self._focus_visible and self._focus_index is not None:
            from PySide6.QtCore import Qt  # a keyboard user is here: no longer start-up

            painter.setTransform(self._to_widget)
            painter.setPen(QPen(FOCUS, 2.4 / (self._to_widget.m11() or 1.0), Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for path in self._instances[self._focus_index].paths:
                painter.drawPath(path)
        painter.restore()
        self._paint_captions(painter, QRectF(event.rect()))
        painter.end()

    def _paint_highlights(self, painter: QPainter, dirty: QRectF, origin: QPointF, pixmap: QPixmap) -> None:
        """Tint the hovered and selected zones, in paint order.

        Walking the shapes in the art's own order keeps the stacking right: a
        highlighted shape is tinted, and a plain shape drawn above one that was
        tinted gets its own art put back (the raster engine clips exactly;
        boolean path operations on shared edges do not).
        """
        styles: dict[str, tuple[int, float]] = {}
        if self._hover is not None:
            styles[self._hover] = (HOVER_ALPHA, 1.6)
        if self._selected is not None:
            styles[self._selected] = (SELECTED_ALPHA, 2.6)
        if not styles and not self._guide:
            return
        guide_style = (self._pulse_alpha(), 2.6)
        scale = self._to_widget.m11() or 1.0
        tinted: list[QRectF] = []
        for zone, path, box, foot in self._shapes:
            if not box.intersects(dirty):
                continue
            painter.setTransform(self._to_widget)
            style = guide_style if self._guided(zone, foot) else styles.get(zone)
            if style is not None:
                alpha, width = style
                fill = _copy(self._accent)
                fill.setAlpha(alpha)
                painter.setBrush(fill)
                painter.setPen(QPen(self._accent.darker(115), width / scale))
                painter.drawPath(path)
                tinted.append(box)
            elif any(box.intersects(t) for t in tinted):
                painter.save()
                painter.setClipPath(path)
                painter.resetTransform()
                painter.drawPixmap(origin, pixmap)
                painter.restore()
        painter.resetTransform()

    def _guided(self, zone: str, foot: str | None) -> bool:
        return zone in self._guide and (self._guide_foot is None or foot is None or foot == self._guide_foot)

    def _pulse_alpha(self) -> int:
        if not self._pulse.isActive():
            return SELECTED_ALPHA
        phase = (self._pulse_clock.elapsed() % PULSE_MS) / PULSE_MS
        return round(SELECTED_ALPHA * (0.55 + 0.45 * (0.5 + 0.5 * math.cos(2 * math.pi * phase))))

    def _on_pulse_timeout(self) -> None:
        self._update_zones(*self._guide)

    def caption_layout(self) -> list[tuple[str, QRectF, QFont]]:
        """Each view's caption, where it goes and in which font (widget coordinates).

        A caption gets the width of its view plus a little; the font shrinks
        (down to 12 px) until the text fits on one line, and if it still does
        not, the caption wraps onto two; captions never run into each other.
        Worked out once per size, text scale and wording, not on every paint.
        """
        key = (self.width(), self.height(), style.text_scale(), self.font().key(),
               tuple(sorted(self.view_captions.items())))
        if self._caption_cache is not None and self._caption_cache[0] == key:
            return self._caption_cache[1]
        laid: list[tuple[str, QRectF, QFont]] = []
        for view, box in self._art.views.items():
            text = self.view_captions.get(view)
            if not text:
                continue
            wbox = self._to_widget.mapRect(box)
            width = wbox.width() * 1.1
            font = QFont(self.font())
            px = max(style.scaled(13), style.scaled(19 * self._to_widget.m11()))
            font.setPixelSize(px)
            while px > 12 and QFontMetricsF(font).horizontalAdvance(text) + 2 > width:
                px -= 1
                font.setPixelSize(px)
            lines = 1 if QFontMetricsF(font).horizontalAdvance(text) + 2 <= width else 2
            height = QFontMetricsF(font).lineSpacing() * lines + 4
            rect = QRectF(wbox.center().x() - width / 2, wbox.bottom() + 4, width, height)
            laid.append((text, rect, font))
        self._caption_cache = (key, laid)
        return laid

    def _paint_captions(self, painter: QPainter, dirty: QRectF) -> None:
        for text, rect, font in self.caption_layout():  # in the palette's text colour: CAPTION
            if not rect.intersects(dirty):  # the pulse repaints one zone ten times a second: skip the text
                continue
            painter.setFont(font)
            flags = named.ALIGN_HCENTER | named.ALIGN_TOP | named.TEXT_WORD_WRAP
            painter.drawText(rect, flags, text)

    # --- events ----------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        if self._guide and self._pulsing and not self._pulse.isActive():
            self._pulse_clock.start()
            self._pulse.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._pulse.stop()  # nobody sees it breathe: no timer, no CPU
        super().hideEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._layout()
        super().resizeEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._interactive:
            self._set_hover(self.zone_at(event.position()))
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: object) -> None:
        self._set_hover(None)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        from PySide6.QtCore import Qt

        if event.button() != Qt.MouseButton.LeftButton or not self._interactive:
            return super().mousePressEvent(event)
        zone = self.zone_at(event.position())
        if zone is not None:
            self._focus_index = self._instance_at(event.position())
            self._focus_visible = False
            self.select_zone(zone)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt

        key = Qt.Key(event.key())
        self._focus_visible = True
        directions = _directions()
        if key in directions and self._instances:
            self._move_focus(*directions[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._focus_index is not None:
            self.select_zone(self._instances[self._focus_index].zone)
        elif key == Qt.Key.Key_Escape and self._selected is not None:
            self.select_zone(None)
        else:
            return super().keyPressEvent(event)
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:
        from PySide6.QtCore import Qt

        reason = event.reason()
        if reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                      Qt.FocusReason.ShortcutFocusReason):
            self._focus_visible = True
        elif reason == Qt.FocusReason.MouseFocusReason:
            self._focus_visible = False
        # other reasons (the window was re-activated...) keep what the person last did
        if self._focus_index is None and self._instances:
            chosen = [i for i, inst in enumerate(self._instances) if inst.zone == self._selected]
            self._focus_index = chosen[0] if chosen else 0
        self._announce()
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    # --- helpers ---------------------------------------------------------------

    def _set_hover(self, zone: str | None) -> None:
        if zone == self._hover:  # every mouse move ends here: nothing more on this path
            return
        from PySide6.QtCore import Qt

        old, self._hover = self._hover, zone
        self.setCursor(Qt.CursorShape.PointingHandCursor if zone else Qt.CursorShape.ArrowCursor)
        self._update_zones(old, zone)
        self.zone_hovered.emit(zone or "")

    def _instance_at(self, pos: QPointF) -> int | None:
        doc = self._to_doc.map(QPointF(pos))
        zone = self.zone_at(pos)
        for i, inst in enumerate(self._instances):
            if inst.zone == zone and any(path.contains(doc) for path in inst.paths):
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
                box = self._to_widget.mapRect(self._instances[idx].box)
                self.update(box.toAlignedRect().adjusted(-4, -4, 4, 4))
        self._announce()

    def _announce(self) -> None:
        """Tell assistive technology which zone has the keyboard focus."""
        if self._focus_index is None or not self.hasFocus():
            return
        # imported here: its eight enums cost 1 ms of start-up, and this runs only once a person acts
        from PySide6.QtGui import QAccessible, QAccessibleEvent

        name, description = self.accessible_text(self._instances[self._focus_index].zone)
        self.setAccessibleName(name)
        self.setAccessibleDescription(description)
        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.NameChanged))

