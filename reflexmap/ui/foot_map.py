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

:class:`FootMap` is the widget that holds the state (hover, selection,
keyboard focus) and wires its parts: the picture, the tints and the
captions (:mod:`reflexmap.ui.map_paint`), the routine's guide and its
breath (:mod:`reflexmap.ui.map_guide`), and the zones' accessible children
(:mod:`reflexmap.ui.zone_access`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSizeF, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QHideEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from reflexmap.clock import Clock, monotonic
from reflexmap.content import Content
from reflexmap.fast_start import qt, set_enum
from reflexmap.geometry import Art
from reflexmap.i18n import Language
from reflexmap.ui import style
from reflexmap.ui.fonts import TextSize
from reflexmap.ui.map_guide import GuidePulse
from reflexmap.ui.map_paint import MapCaptions, MapPicture, ZoneTints, map_drawing
from reflexmap.ui.zone_focus import ZoneFocus
from reflexmap.ui.zone_layout import ZoneLayout

if TYPE_CHECKING:
    from pathlib import Path

    from reflexmap.ui.zone_access import ZoneTarget, ZoneTargets

__all__ = ["FootMap"]


class FootMap(QWidget):
    """Clickable, keyboard-reachable map of the foot zones.

    ``zone_selected`` carries the zone id, or ``""`` when the selection is
    cleared; ``zone_hovered`` likewise for the zone under the pointer.  A map
    made with ``interactive=False`` only shows (the routine player's guide).
    With ``cache_dir`` the zones' masks at the first size are kept there, for
    the next start at that size (see :class:`~reflexmap.ui.zone_layout.ZoneLayout`).
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
        cache_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("footMap" if interactive else "guideMap")
        self._interactive = interactive
        self._art = art
        self._content = content
        self._language = language
        drawing = map_drawing(art)
        self._layout = ZoneLayout(art, content.zone_ids, drawing, cache_dir)  # its first masks kept in cache_dir
        # the masks follow the picture: made just after the frame it is drawn in, unless needed at once
        self._picture = MapPicture(drawing, self._layout, self)
        self._picture.masks_made.connect(self._on_picture_masks_made)
        self._tints = ZoneTints(self._layout)
        self._captions = MapCaptions(self._layout, sizes)
        self._captions.set_texts(self._view_captions())
        self._targets: ZoneTargets | None = None  # the zones' accessible children, with the first masks
        self._hover: str | None = None
        self._selected: str | None = None
        self._focus = ZoneFocus(self._layout, self.select_zone, self._on_focus_moved)
        # the routine player's guide: zones to work, on which foot, gently pulsing
        self._guide = GuidePulse(clock, self)
        self._guide.breathed.connect(self._on_guide_breathed)

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
        return self._focus.zone

    @property
    def focused_view(self) -> str | None:
        """The view (sole-left, sole-right, side) of the zone the keyboard is on."""
        return self._focus.view

    def finish_start(self) -> None:
        """Do now what the map would do after its first frame that is worth keeping for the next start.

        For a run that ends with its first frame (a screenshot): the masks at
        this size, if the map keeps them and none are kept yet, so the next
        start at this size reads them back (a start that goes on makes them
        just after its first frame anyway).
        """
        self._layout.keep_for_next_start()

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
        return self._layout.zone_box(zone, view)

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
        self._tints.set_accent(colour)
        self.update()

    def set_guide(self, zones: tuple[str, ...] = (), foot: str | None = None, pulsing: bool = True) -> None:
        """Mark ``zones`` to work on ``foot`` ("left"/"right"; None for every foot), pulsing gently.

        Views without a foot (the side view) show the guide whatever the foot.
        """
        known = [z for z in zones if z in self._layout.zone_ids]
        self._update_zones(*self._guide.set(known, foot, pulsing, self.isVisible()))

    @property
    def guide(self) -> tuple[frozenset[str], str | None]:
        return self._guide.zones, self._guide.foot

    @property
    def pulsing(self) -> bool:
        """Whether the guide highlight is breathing now (it holds still when paused or out of sight)."""
        return self._guide.breathing

    def guided_at(self, pos: QPointF) -> bool:
        """Whether the guide highlight covers widget position ``pos``."""
        piece = self._layout.piece_at(pos)
        return piece is not None and self._guide.covers(piece.zone, piece.foot)

    def accessible_text(self, zone: str) -> tuple[str, str]:
        """The name and description a screen reader gets for ``zone``."""
        info = self._content.zone(zone)
        lang = self._language.code
        if info is None:
            return zone, ""
        return info.name(lang), f"{info.where(lang)} {info.corresponds(lang)}"

    def caption_layout(self) -> list[tuple[str, QRectF, QFont]]:
        """Each view's caption, where it goes and in which font (widget coordinates).

        See :meth:`MapCaptions.laid_out <reflexmap.ui.map_paint.MapCaptions.laid_out>`:
        captions shrink, then wrap, then give way, and never run into each other
        or off the map.
        """
        return self._captions.laid_out(self.width(), self.height(), self.font())

    def zone_targets(self) -> list[ZoneTarget]:
        """The zones' accessible children, one per zone and view (made with the first masks)."""
        return [] if self._targets is None else list(self._targets.targets)

    # --- painting ------------------------------------------------------------

    def _view_captions(self) -> dict[str, str]:
        return {
            "sole-left": self.tr("Left foot, sole"),
            "sole-right": self.tr("Right foot, sole"),
            "side": self.tr("Foot from the big-toe side"),
        }

    def _highlighting(self) -> set[str] | None:
        """The zones this frame highlights (hover, selection, the guide); None while the focus ring shows too."""
        if self._focus.visible and self.hasFocus():
            return None
        return {zone for zone in (self._hover, self._selected, *self._guide.zones) if zone is not None}

    def _on_picture_masks_made(self) -> None:
        if self._interactive:  # where each zone is, now known: its accessible child goes there
            if self._targets is None:
                from reflexmap.ui.zone_access import ZoneTargets  # after the first frame

                stops = [(stop.zone, stop.view) for stop in self._layout.stops]
                self._targets = ZoneTargets(self, stops, self.select_zone)
                self._targets.name(self.accessible_text)
                self._targets.select(self._selected)
            self._targets.place(self._layout.stop_rect)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pixmap = self._picture.pixmap(self.devicePixelRatioF(), self._highlighting())
        painter.drawPixmap(self._layout.picture_origin(), pixmap)
        dirty = QRectF(event.rect())
        ring = self._focus.index if self.hasFocus() and self._focus.visible else None
        self._tints.paint(painter, dirty, self._hover, self._selected, self._guide, ring)
        self._captions.paint(painter, dirty, self.width(), self.height(), self.font())
        painter.end()

    def _on_guide_breathed(self) -> None:
        self._update_zones(*self._guide.zones)

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
        self._captions.set_texts(self._view_captions())
        if self._targets is not None:
            self._targets.name(self.accessible_text)
        self._announce()
        self.update()

    def _on_text_size_changed(self, step: int) -> None:
        self._fit()
        self.update()

    def _fit(self) -> None:
        """Fit the art to the widget, with room for the captions under it; the picture is drawn again."""
        self._layout.fit(self.width(), self.height(), self.devicePixelRatioF(), below=self._captions.room(self.font()))
        self._picture.forget()

    def showEvent(self, event: QShowEvent) -> None:
        self._guide.shown()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._guide.hidden()
        super().hideEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit()
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
            self._focus.clicked(event.position())
            self.select_zone(zone)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._focus.key_pressed(event.key(), self._selected):
            return super().keyPressEvent(event)
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._focus.arrived(event.reason(), self._selected)
        # Qt tells assistive technology that the map has the focus after this event: the zone is
        # announced after that, so it is where a screen reader's focus ends up
        QTimer.singleShot(0, self._announce)
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

    def _on_focus_moved(self, old: int | None, new: int) -> None:
        for index in (old, new):
            if index is not None:
                self.update(self._layout.stop_rect(index))
        self._announce()

    def _announce(self) -> None:
        """Tell assistive technology which zone has the keyboard focus: its child, once (the map keeps its name)."""
        index = self._focus.index
        if index is None or not self.hasFocus() or self._targets is None:
            return
        self._targets.announce_focus(index)
