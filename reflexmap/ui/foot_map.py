"""The foot map widget: the art, zone highlights, hover, click/tap and keyboard.

The art is drawn by Qt's own SVG renderer into a cached pixmap (redrawn only
when the widget's size or pixel ratio changes).  Where the zones are, which
one is on top and where the keyboard goes next is
:class:`~reflexmap.ui.zone_layout.ZoneLayout`'s business, answered from masks
of what that same renderer draws for each zone (:mod:`reflexmap.drawn`),
made again whenever the pixmap is: at once if something is highlighted,
otherwise just after the frame, so a start shows the picture first.  Hover
and paint never touch the SVG again, and a hover change repaints only the
rectangles of the zones whose state changed.
"""

from __future__ import annotations

import logging
import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF, QTimer, Signal
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
    QRegion,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from reflexmap.clock import Clock, monotonic
from reflexmap.content import Content
from reflexmap.drawn import Drawing, DrawingError
from reflexmap.fast_start import ALIGN_HCENTER, ALIGN_TOP, TEXT_WORD_WRAP, qt, set_enum
from reflexmap.geometry import Art, ArtError, art_bytes
from reflexmap.i18n import Language
from reflexmap.ui import style
from reflexmap.ui.fonts import TextSize
from reflexmap.ui.zone_layout import ZoneLayout

if TYPE_CHECKING:
    from reflexmap.ui.zone_access import ZoneTarget, ZoneTargets

__all__ = ["FootMap"]

logger = logging.getLogger(__name__)

HOVER_ALPHA = 55
SELECTED_ALPHA = 110
# The guide (the routine's zone, the attract loop's) is the accent darkened to this luminance, breathing
# between these alphas: at its faintest it keeps 3:1 against the light art around it (WCAG non-text
# contrast; tests/ui/test_kiosk_attract.py measures it from the rendered pixels).
GUIDE_LUMINANCE = 0.04
GUIDE_ALPHA = (200, 245)
#: One slow breath of the guide highlight, redrawn about seven times a second:
#: the tint moves at most a few colour levels a frame, and each frame is a
#: repaint of the zone (most of the CPU a counting routine uses).
PULSE_MS = 2000
PULSE_FRAME_MS = 150


def _copy(colour: QColor) -> QColor:
    # not QColor(colour): choosing among its overloads makes PySide6 build Qt's enums (see fast_start)
    return QColor.fromRgba(colour.rgba())


def _tint(painter: QPainter, region: QRegion, ring: QPainterPath, colour: QColor, alpha: int, width: float) -> None:
    """Fill ``region`` with ``colour`` at ``alpha`` and stroke ``ring`` a little darker, ``width`` thick.

    A one-pixel swatch and a pen built by setters instead of fillRect(rect,
    colour) and QPen(colour, width): PySide6 builds all of Qt's enums to choose
    among those overloads (see fast_start), and the kiosk's first frame
    already shows a highlighted zone (tests/ui/test_kiosk_start.py).
    """
    fill = _copy(colour)
    fill.setAlpha(alpha)
    swatch = QPixmap(1, 1)
    swatch.fill(fill)
    painter.save()  # a clip of its own for each piece (a clip switched off and on again is not reliable)
    painter.setClipRegion(region)
    painter.drawPixmap(region.boundingRect(), swatch)
    painter.restore()
    pen = QPen()
    pen.setColor(colour.darker(115))
    pen.setWidthF(width)
    painter.strokePath(ring, pen)


class FootMap(QWidget):
    """Clickable, keyboard-reachable map of the foot zones.

    ``zone_selected`` carries the zone id, or ``""`` when the selection is
    cleared; ``zone_hovered`` likewise for the zone under the pointer.  A map
    made with ``interactive=False`` only shows (the routine player's guide).
    """

    zone_selected = Signal(str)
    zone_hovered = Signal(str)

    def __init__(
        self,
        art: Art,
        content: Content,
        language: Language,
        sizes: TextSize,
        parent: QWidget | None = None,
        interactive: bool = True,
        clock: Clock = monotonic,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("footMap" if interactive else "guideMap")
        self._interactive = interactive
        self._art = art
        self._content = content
        self._language = language
        self._sizes = sizes
        self._drawing = _drawing(art)
        self._layout = ZoneLayout(art, content.zone_ids, self._drawing)
        self._pixmap: QPixmap | None = None
        # the masks follow the pixmap: made just after the frame it is drawn in, unless needed at once
        self._targets: ZoneTargets | None = None  # the zones' accessible children, with the first masks
        self._masks_timer = QTimer(self)
        self._masks_timer.setSingleShot(True)
        self._masks_timer.setInterval(0)
        self._masks_timer.timeout.connect(self._on_masks_timer_timeout)
        self._hover: str | None = None
        self._selected: str | None = None
        self._focus_index: int | None = None
        # like CSS :focus-visible: the ring shows for keyboard users only
        self._focus_visible = False
        self._captions = self._view_captions()
        self._caption_cache: tuple[object, list[tuple[str, QRectF, QFont]]] | None = None
        # the routine player's guide: zones to work, on which foot, gently pulsing
        self._guide: frozenset[str] = frozenset()
        self._guide_foot: str | None = None
        self._pulsing = False
        self._pulse = QTimer(self)
        self._pulse.setInterval(PULSE_FRAME_MS)
        self._pulse.timeout.connect(self._on_pulse_timeout)
        self._clock = clock  # the pulse's phase: a timer only repaints
        self._accent = QColor(style.MAP_ACCENT)
        self._guide_colour = style.darkened_to(self._accent, GUIDE_LUMINANCE)
        self._focus_colour = QColor(style.FOCUS)

        # Qt fills the background itself, and the painter starts with the caption
        # colour: any QPen or QBrush call would build Qt's enums (see fast_start),
        # and captions are in the first frame
        style.tint(self, style.BACKGROUND, style.MUTED)
        self.setMouseTracking(interactive)
        set_enum(self, "focusPolicy", "StrongFocus" if interactive else "NoFocus")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 160)
        self.setAccessibleName(self.tr("Foot map"))
        self.setAccessibleDescription(
            self.tr("Zones of the feet. Use the arrow keys to move between zones and Enter to choose one.")
        )
        language.changed.connect(self._on_language_changed)
        sizes.changed.connect(self._on_text_size_changed)

    # --- public API --------------------------------------------------------

    @property
    def selected_zone(self) -> str | None:
        return self._selected

    @property
    def hovered_zone(self) -> str | None:
        return self._hover

    @property
    def focused_zone(self) -> str | None:
        return None if self._focus_index is None else self._layout.stops[self._focus_index].zone

    @property
    def focused_view(self) -> str | None:
        """The view (sole-left, sole-right, side) of the zone the keyboard is on."""
        return None if self._focus_index is None else self._layout.stops[self._focus_index].view

    def art_size(self) -> QSizeF:
        """The art's size in document units (its aspect ratio is kept on screen)."""
        return QSizeF(self._art.size)

    def zone_ids(self) -> list[str]:
        """Zones present on this map, in the content's order."""
        return list(self._layout.zone_ids)

    def zone_at(self, pos: QPointF) -> str | None:
        """The topmost zone drawn under widget position ``pos``, if any."""
        return self._layout.zone_at(pos)

    def zone_rect(self, zone: str, view: str | None = None) -> QRectF:
        """What is drawn for ``zone`` (on ``view``, or on every view), as a widget rectangle.

        The zone's accessible rectangle: the focus ring goes around what is
        inside it, and a tap inside what is drawn there chooses the zone.
        """
        rect = QRectF()
        for i, stop in enumerate(self._layout.stops):
            if stop.zone == zone and (view is None or stop.view == view):
                rect = rect.united(self._layout.stop_box(i))
        return rect

    def map_from_art(self, point: QPointF) -> QPointF:
        """Widget position of ``point`` given in the art's document coordinates."""
        return self._layout.to_widget.map(QPointF(point))

    def zone_centre(self, zone: str, view: str | None = None) -> QPointF:
        """A point (widget coordinates) well inside ``zone``: where a finger would tap."""
        return self._layout.zone_centre(zone, view)

    def select_zone(self, name: str | None) -> None:
        """Select ``name`` (every foot and view where it appears) or clear with None."""
        if name is not None and name not in self._layout.zone_ids:
            raise KeyError(f"no zone {name!r} on this map")
        if name == self._selected:
            return
        old = self._selected
        self._selected = name
        self._update_zones(old, name)
        if self._targets is not None:
            self._targets.select(name)
        self.zone_selected.emit(name or "")

    def set_accent(self, colour: QColor) -> None:
        """The highlight colour (a salon's brand colour in kiosk mode)."""
        self._accent = _copy(colour)
        self._guide_colour = style.darkened_to(self._accent, GUIDE_LUMINANCE)
        self.update()

    def set_guide(self, zones: tuple[str, ...] = (), foot: str | None = None, pulsing: bool = True) -> None:
        """Mark ``zones`` to work on ``foot`` ("left"/"right"; None for every foot), pulsing gently.

        Views without a foot (the side view) show the guide whatever the foot.
        """
        old = self._guide
        self._guide = frozenset(z for z in zones if z in self._layout.zone_ids)
        self._guide_foot = foot if foot in ("left", "right") else None
        self._pulsing = pulsing
        if self._guide and pulsing and self.isVisible():
            self._pulse.start()
        else:
            self._pulse.stop()
        self._update_zones(*(old | self._guide))

    @property
    def guide(self) -> tuple[frozenset[str], str | None]:
        return self._guide, self._guide_foot

    @property
    def pulsing(self) -> bool:
        """Whether the guide highlight is breathing now (it holds still when paused or out of sight)."""
        return self._pulse.isActive()

    def guided_at(self, pos: QPointF) -> bool:
        """Whether the guide highlight covers widget position ``pos``."""
        piece = self._layout.piece_at(pos)
        return piece is not None and self._guided(piece.zone, piece.foot)

    def accessible_text(self, zone: str) -> tuple[str, str]:
        """The name and description a screen reader gets for ``zone``."""
        info = self._content.zone(zone)
        lang = self._language.code
        if info is None:
            return zone, ""
        return info.name(lang), f"{info.where(lang)} {info.corresponds(lang)}"

    def caption_layout(self) -> list[tuple[str, QRectF, QFont]]:
        """Each view's caption, where it goes and in which font (widget coordinates).

        A caption gets the width of its view plus a little; the font shrinks
        (down to 12 px) until the text fits on one line, and if it still does
        not, the caption wraps onto two. A map too small for two lines of a
        caption under its view shows none there (the drawing says which foot it
        is): captions never run into each other or off the map. Worked out once
        per size, text size and wording, not on every paint.
        """
        sizes = self._sizes
        key = (self.width(), self.height(), sizes.step, self.font().key(), tuple(sorted(self._captions.items())))
        if self._caption_cache is not None and self._caption_cache[0] == key:
            return self._caption_cache[1]
        laid: list[tuple[str, QRectF, QFont]] = []
        flags = ALIGN_HCENTER | ALIGN_TOP | TEXT_WORD_WRAP
        for view, wbox in self._layout.view_rects().items():
            text = self._captions.get(view)
            if not text:
                continue
            width = wbox.width() * 1.1
            font = QFont(self.font())
            px = max(sizes.px(13), sizes.px(19 * self._layout.scale))
            font.setPixelSize(px)
            while px > 12 and QFontMetricsF(font).horizontalAdvance(text) + 2 > width:
                px -= 1
                font.setPixelSize(px)
            metrics = QFontMetricsF(font)
            need = metrics.boundingRect(QRectF(0, 0, width, 1e6), flags, text)
            rect = QRectF(wbox.center().x() - width / 2, wbox.bottom() + 4, width, need.height() + 4)
            too_small = need.width() > width + 1 or need.height() > 2 * metrics.lineSpacing() + 1
            if too_small or rect.bottom() > self.height():
                continue
            laid.append((text, rect, font))
        self._caption_cache = (key, laid)
        return laid

    # --- painting ------------------------------------------------------------

    def _view_captions(self) -> dict[str, str]:
        return {
            "sole-left": self.tr("Left foot, sole"),
            "sole-right": self.tr("Right foot, sole"),
            "side": self.tr("Inner side of the foot"),
        }

    def _art_pixmap(self) -> QPixmap:
        dpr = self.devicePixelRatioF()
        layout = self._layout
        if dpr != layout.dpr:  # moved to a screen of another pixel ratio
            layout.set_dpr(dpr)
            self._pixmap = None
        if self._pixmap is None:
            rect = layout.art_rect()
            pixmap = QPixmap(QSize(max(1, math.ceil(rect.width() * dpr)), max(1, math.ceil(rect.height() * dpr))))
            pixmap.setDevicePixelRatio(dpr)
            pixmap.fill(QColor(0, 0, 0, 0))
            painter = QPainter(pixmap)
            try:
                self._drawing.paint(painter, rect.width(), rect.height())
            except DrawingError as e:  # refused when the files were loaded; this is a last defence
                logger.warning("%s", e)
            painter.end()
            self._pixmap = pixmap
            self._masks_timer.start()
        if self._highlighting() and not layout.has_masks():  # wanted in this very frame
            self._build_masks()
        return self._pixmap

    def _highlighting(self) -> bool:
        return bool(self._hover or self._selected or self._guide or (self._focus_visible and self.hasFocus()))

    def _on_masks_timer_timeout(self) -> None:
        if self._pixmap is not None:
            self._build_masks()

    def _build_masks(self) -> None:
        self._layout.build()
        if self._interactive:  # where each zone is, now known: its accessible child goes there
            if self._targets is None:
                from reflexmap.ui.zone_access import ZoneTargets  # after the first frame

                stops = [(stop.zone, stop.view) for stop in self._layout.stops]
                self._targets = ZoneTargets(self, stops, self.select_zone)
                self._targets.name(self.accessible_text)
                self._targets.select(self._selected)
            self._targets.place(self._layout.stop_rect)

    def zone_targets(self) -> list[ZoneTarget]:
        """The zones' accessible children, one per zone and view (made with the first masks)."""
        return [] if self._targets is None else list(self._targets.targets)

    def paintEvent(self, event: QPaintEvent) -> None:
        layout = self._layout
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pixmap = self._art_pixmap()
        painter.drawPixmap(layout.picture_origin(), pixmap)
        if layout.has_masks():
            painter.save()  # highlights and the focus ring set pens: the captions keep the painter's own
            painter.setTransform(layout.from_device, True)
            self._paint_highlights(painter, QRectF(event.rect()))
            if self.hasFocus() and self._focus_visible and self._focus_index is not None:
                Qt = qt()  # a keyboard user is here: no longer start-up
                pen = QPen(self._focus_colour, 2.4 * layout.dpr, Qt.PenStyle.DashLine)
                painter.strokePath(layout.stop_ring(self._focus_index), pen)
            painter.restore()
        self._paint_captions(painter, QRectF(event.rect()))
        painter.end()

    def _paint_highlights(self, painter: QPainter, dirty: QRectF) -> None:
        """Tint the hovered, selected and guided zones where each is on top, and outline them.

        The painter is in the picture's device pixels (the masks' units): a
        tint fills exactly the pixels where the zone is the one a touch finds.
        """
        styles: dict[str, tuple[QColor, int, float]] = {}
        if self._hover is not None:
            styles[self._hover] = (self._accent, HOVER_ALPHA, 1.6)
        if self._selected is not None:
            styles[self._selected] = (self._accent, SELECTED_ALPHA, 2.6)
        if not styles and not self._guide:
            return
        guide_style = (self._guide_colour, self._pulse_alpha(), 2.6)
        dpr = self._layout.dpr
        for h in self._layout.highlights(dirty):
            look = guide_style if self._guided(h.piece.zone, h.piece.foot) else styles.get(h.piece.zone)
            if look is None:
                continue
            colour, alpha, width = look
            _tint(painter, h.region, h.ring, colour, alpha, width * dpr)

    def _guided(self, zone: str, foot: str | None) -> bool:
        return zone in self._guide and (self._guide_foot is None or foot is None or foot == self._guide_foot)

    def _pulse_alpha(self) -> int:
        low, high = GUIDE_ALPHA
        if not self._pulse.isActive():
            return high
        phase = (self._clock() * 1000 % PULSE_MS) / PULSE_MS
        return round(low + (high - low) * (0.5 + 0.5 * math.cos(2 * math.pi * phase)))

    def _on_pulse_timeout(self) -> None:
        self._update_zones(*self._guide)

    def _paint_captions(self, painter: QPainter, dirty: QRectF) -> None:
        flags = ALIGN_HCENTER | ALIGN_TOP | TEXT_WORD_WRAP
        for text, rect, font in self.caption_layout():  # in the palette's text colour
            if not rect.intersects(dirty):  # a pulse frame repaints one zone: skip the text
                continue
            painter.setFont(font)
            painter.drawText(rect, flags, text)

    def _update_zones(self, *zones: str | None) -> None:
        if not self._layout.has_masks():  # before the masks the zones' places are unknown: all of it
            if any(zone is not None for zone in zones):
                self.update()
            return
        for zone in zones:
            if zone is not None:
                self.update(self._layout.zone_rect(zone))

    # --- events ----------------------------------------------------------------

    def _on_language_changed(self, lang: str) -> None:
        self._captions = self._view_captions()
        if self._targets is not None:
            self._targets.name(self.accessible_text)
        self._announce()
        self.update()

    def _on_text_size_changed(self, step: int) -> None:
        self._layout.fit(self.width(), self.height(), self.devicePixelRatioF(), below=self._caption_room())
        self._pixmap = None
        self.update()

    def _caption_room(self) -> float:
        """Room under the art for two lines of the smallest caption, where the art has views."""
        if not self._art.views:
            return 0.0
        font = QFont(self.font())
        font.setPixelSize(max(12, self._sizes.px(13)))
        return 2 * QFontMetricsF(font).lineSpacing() + 8

    def showEvent(self, event: QShowEvent) -> None:
        if self._guide and self._pulsing and not self._pulse.isActive():
            self._pulse.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._pulse.stop()  # nobody sees it breathe: no timer, no CPU
        super().hideEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._layout.fit(self.width(), self.height(), self.devicePixelRatioF(), below=self._caption_room())
        self._pixmap = None
        super().resizeEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._interactive:
            self._set_hover(self.zone_at(event.position()))
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: object) -> None:
        self._set_hover(None)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != qt().MouseButton.LeftButton or not self._interactive:
            return super().mousePressEvent(event)
        zone = self.zone_at(event.position())
        if zone is not None:
            stop = self._layout.stop_at(event.position())
            if stop is not None:
                self._focus_index = stop
            self._focus_visible = False
            self.select_zone(zone)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        Qt = qt()
        key = Qt.Key(event.key())
        self._focus_visible = True
        directions = {
            Qt.Key.Key_Left: (-1.0, 0.0),
            Qt.Key.Key_Right: (1.0, 0.0),
            Qt.Key.Key_Up: (0.0, -1.0),
            Qt.Key.Key_Down: (0.0, 1.0),
        }
        if key in directions and self._layout.stops:
            self._move_focus(*directions[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._focus_index is not None:
            self.select_zone(self._layout.stops[self._focus_index].zone)
        elif key == Qt.Key.Key_Escape and self._selected is not None:
            self.select_zone(None)
        else:
            return super().keyPressEvent(event)
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:
        Qt = qt()
        reason = event.reason()
        if reason in (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
            Qt.FocusReason.ShortcutFocusReason,
        ):
            self._focus_visible = True
        elif reason == Qt.FocusReason.MouseFocusReason:
            self._focus_visible = False
        # other reasons (the window was re-activated...) keep what the person last did
        stops = self._layout.stops
        if self._focus_index is None and stops:
            chosen = [i for i, stop in enumerate(stops) if stop.zone == self._selected]
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
        Qt = qt()
        old, self._hover = self._hover, zone
        self.setCursor(Qt.CursorShape.PointingHandCursor if zone else Qt.CursorShape.ArrowCursor)
        self._update_zones(old, zone)
        self.zone_hovered.emit(zone or "")

    def _move_focus(self, dx: float, dy: float) -> None:
        best = self._layout.neighbour(self._focus_index or 0, dx, dy)
        if best is None:
            return
        old, self._focus_index = self._focus_index, best
        for index in (old, best):
            if index is not None:
                self.update(self._layout.stop_rect(index))
        self._announce()

    def _announce(self) -> None:
        """Tell assistive technology which zone has the keyboard focus."""
        if self._focus_index is None or not self.hasFocus():
            return
        from PySide6.QtGui import QAccessible, QAccessibleEvent  # only once a person uses the keyboard

        name, description = self.accessible_text(self._layout.stops[self._focus_index].zone)
        self.setAccessibleName(name)
        self.setAccessibleDescription(description)
        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.NameChanged))
        if self._targets is not None:
            self._targets.announce_focus(self._focus_index)


def _drawing(art: Art) -> Drawing:
    """The art's drawing, from the checked bytes (an unreadable file draws nothing, and says so in the log)."""
    try:
        data = art_bytes(art)
    except ArtError as e:
        logger.warning("%s", e)
        data = b""
    return Drawing(data, art.source.name)
