"""What the foot map paints: the art's picture, the zones' tints and outlines, the focus ring, the captions.

None of these is a widget: the map (:class:`~reflexmap.ui.foot_map.FootMap`)
decides when each is painted and hands it the painter; each works in the
coordinates the map's :class:`~reflexmap.ui.zone_layout.ZoneLayout` gives,
and the picture has the layout make its masks whenever it is drawn again.
The kiosk's first frame already shows a highlighted zone and the captions,
so nothing here that runs then names Qt's enums or picks an overload that
takes one (see :mod:`reflexmap.fast_start`).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Collection
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF, QSize, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPixmap, QRegion

from reflexmap.drawn import Drawing, DrawingError
from reflexmap.fast_start import ALIGN_HCENTER, ALIGN_TOP, TEXT_WORD_WRAP, qt
from reflexmap.geometry import Art, ArtError, art_bytes
from reflexmap.ui import style
from reflexmap.ui.fonts import TextSize
from reflexmap.ui.zone_layout import ZoneLayout

if TYPE_CHECKING:
    from reflexmap.ui.map_guide import GuidePulse

__all__ = ["GUIDE_LUMINANCE", "HOVER_ALPHA", "SELECTED_ALPHA", "MapCaptions", "MapPicture", "ZoneTints", "map_drawing"]

logger = logging.getLogger(__name__)

HOVER_ALPHA = 55
SELECTED_ALPHA = 110
# The guide (the routine's zone, the attract loop's) is the accent darkened to this luminance: at its
# faintest (map_guide.GUIDE_ALPHA) it keeps 3:1 against the light art around it (WCAG non-text contrast;
# tests/ui/test_kiosk_attract.py measures it from the rendered pixels).
GUIDE_LUMINANCE = 0.04


class MapPicture(QObject):
    """The art as Qt's own SVG renderer draws it, kept in a pixmap per size and pixel ratio; the masks after it.

    The layout's masks (what the same renderer draws for each zone) are made
    again whenever the picture is: just after the frame it is drawn in, so a
    start shows the picture first; a frame that already highlights a zone
    gets just that zone's at once.  ``masks_made`` says they are all there
    for this picture.
    """

    masks_made = Signal()

    def __init__(self, drawing: Drawing, layout: ZoneLayout, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._drawing = drawing
        self._layout = layout
        self._pixmap: QPixmap | None = None
        self._masks_timer = QTimer(self)
        self._masks_timer.setSingleShot(True)
        self._masks_timer.setInterval(0)
        self._masks_timer.timeout.connect(self._on_masks_timer_timeout)

    def forget(self) -> None:
        """The layout was fitted to a new size: the next :meth:`pixmap` draws the art again."""
        self._pixmap = None

    def pixmap(self, dpr: float, highlighting: Collection[str] | None = ()) -> QPixmap:
        """The art at the layout's size and pixel ratio ``dpr``, and what painting ``highlighting`` now needs.

        ``highlighting`` is the zones this frame highlights: their masks are
        made at once, just enough for their highlights (all of them follow
        after the frame).  None: all the masks at once (the focus ring needs
        them).
        """
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
        if highlighting is None:
            if not layout.has_masks():
                self._make_masks()
        elif highlighting:
            layout.build(highlighting)  # wanted in this very frame
        return self._pixmap

    def _on_masks_timer_timeout(self) -> None:
        if self._pixmap is not None:
            self._make_masks()

    def _make_masks(self) -> None:
        self._layout.build()
        self.masks_made.emit()


class ZoneTints:
    """The zones' states over the picture: hover, selection and guide tints with their outlines; the focus ring."""

    def __init__(self, layout: ZoneLayout) -> None:
        self._layout = layout
        self._accent = QColor(style.MAP_ACCENT)
        self._guide_colour = style.darkened_to(self._accent, GUIDE_LUMINANCE)
        self._focus_colour = QColor(style.FOCUS)

    def set_accent(self, colour: QColor) -> None:
        """The highlight colour (a salon's brand colour in kiosk mode); the guide is it, darkened."""
        self._accent = _copy(colour)
        self._guide_colour = style.darkened_to(self._accent, GUIDE_LUMINANCE)

    def paint(
        self,
        painter: QPainter,
        dirty: QRectF,
        hover: str | None,
        selected: str | None,
        guide: GuidePulse,
        focus: int | None,
    ) -> None:
        """Tint and outline ``hover``, ``selected`` and the guided zones; ring focus stop ``focus`` (None: no ring).

        Nothing before the masks are made (all of them, or the highlighted
        zones' for a first frame): until then where each zone is on top is
        unknown.  The painter comes back as it was given (the captions
        keep its own pen).
        """
        layout = self._layout
        if not layout.has_highlights():
            return
        painter.save()
        painter.setTransform(layout.from_device, True)
        self._paint_highlights(painter, dirty, hover, selected, guide)
        if focus is not None:
            Qt = qt()  # a keyboard user is here: no longer start-up
            pen = QPen(self._focus_colour, 2.4 * layout.dpr, Qt.PenStyle.DashLine)
            painter.strokePath(layout.stop_ring(focus), pen)
        painter.restore()

    def _paint_highlights(
        self, painter: QPainter, dirty: QRectF, hover: str | None, selected: str | None, guide: GuidePulse
    ) -> None:
        """Tint the hovered, selected and guided zones where each is on top, and outline them.

        The painter is in the picture's device pixels (the masks' units): a
        tint fills exactly the pixels where the zone is the one a touch finds.
        """
        styles: dict[str, tuple[QColor, int, float]] = {}
        if hover is not None:
            styles[hover] = (self._accent, HOVER_ALPHA, 1.6)
        if selected is not None:
            styles[selected] = (self._accent, SELECTED_ALPHA, 2.6)
        if not styles and not guide.zones:
            return
        guide_style = (self._guide_colour, guide.alpha(), 2.6)
        dpr = self._layout.dpr
        for h in self._layout.highlights(dirty, {*styles, *guide.zones}):
            look = guide_style if guide.covers(h.piece.zone, h.piece.foot) else styles.get(h.piece.zone)
            if look is None:
                continue
            colour, alpha, width = look
            _tint(painter, h.region, h.ring, colour, alpha, width * dpr)


class MapCaptions:
    """Each view's caption (which foot, which side) under what is drawn for that view."""

    def __init__(self, layout: ZoneLayout, sizes: TextSize) -> None:
        self._layout = layout
        self._sizes = sizes
        self._texts: dict[str, str] = {}
        self._cache: tuple[object, list[tuple[str, QRectF, QFont]]] | None = None

    def set_texts(self, texts: dict[str, str]) -> None:
        """The caption of each view, by the view's name (in the current language)."""
        self._texts = dict(texts)

    def laid_out(self, width: int, height: int, font: QFont) -> list[tuple[str, QRectF, QFont]]:
        """Each view's caption, where it goes and in which font, on a ``width`` x ``height`` map in ``font``.

        A caption gets the width of its view plus a little; the font, one size
        for all of them, shrinks (down to 12 px) until each fits on one line,
        and one that still does not wraps onto two. A map too small for two lines of a
        caption under its view shows none there (the drawing says which foot it
        is): captions never run into each other or off the map. Worked out once
        per size, text size and wording, not on every paint.
        """
        sizes = self._sizes
        key = (width, height, sizes.step, font.key(), tuple(sorted(self._texts.items())))
        if self._cache is not None and self._cache[0] == key:
            return self._cache[1]
        flags = ALIGN_HCENTER | ALIGN_TOP | TEXT_WORD_WRAP
        wanted: list[tuple[str, QRectF, float]] = []
        for view, wbox in self._layout.view_rects().items():
            text = self._texts.get(view)
            if text:
                wanted.append((text, wbox, wbox.width() * 1.1))
        # one size for every caption: the largest at which each that can fits on one line
        start = max(sizes.px(13), sizes.px(19 * self._layout.scale))
        fitted = QFont(font)
        one_line = []
        for text, _, room in wanted:
            px = start
            fitted.setPixelSize(px)
            while px > 12 and QFontMetricsF(fitted).horizontalAdvance(text) + 2 > room:
                px -= 1
                fitted.setPixelSize(px)
            if QFontMetricsF(fitted).horizontalAdvance(text) + 2 <= room:
                one_line.append(px)
        fitted.setPixelSize(min(one_line, default=12))  # one that fits nowhere on one line wraps
        metrics = QFontMetricsF(fitted)
        laid: list[tuple[str, QRectF, QFont]] = []
        for text, wbox, room in wanted:
            need = metrics.boundingRect(QRectF(0, 0, room, 1e6), flags, text)
            rect = QRectF(wbox.center().x() - room / 2, wbox.bottom() + 4, room, need.height() + 4)
            too_small = need.width() > room + 1 or need.height() > 2 * metrics.lineSpacing() + 1
            if too_small or rect.bottom() > height:
                continue
            laid.append((text, rect, fitted))
        self._cache = (key, laid)
        return laid

    def room(self, font: QFont) -> float:
        """Room under the art for two lines of the smallest caption, where the art has views."""
        if not self._layout.view_rects():
            return 0.0
        smallest = QFont(font)
        smallest.setPixelSize(max(12, self._sizes.px(13)))
        return 2 * QFontMetricsF(smallest).lineSpacing() + 8

    def paint(self, painter: QPainter, dirty: QRectF, width: int, height: int, font: QFont) -> None:
        """Draw the captions that meet ``dirty``, in the painter's pen (the palette's text colour)."""
        flags = ALIGN_HCENTER | ALIGN_TOP | TEXT_WORD_WRAP
        for text, rect, fitted in self.laid_out(width, height, font):
            if not rect.intersects(dirty):  # a pulse frame repaints one zone: skip the text
                continue
            painter.setFont(fitted)
            painter.drawText(rect, flags, text)


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


def map_drawing(art: Art) -> Drawing:
    """The art's drawing, from the checked bytes (an unreadable file draws nothing, and says so in the log)."""
    try:
        data = art_bytes(art)
    except ArtError as e:
        logger.warning("%s", e)
        data = b""
    return Drawing(data, art.source.name)
