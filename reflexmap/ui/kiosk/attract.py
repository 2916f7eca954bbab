"""The attract loop: the feet highlight one zone after another, with the salon's card beside or below them.

The card never covers the map: in a landscape window it takes the column
beside the feet (where the zone panel is), in a portrait one the space
below them.  Its type shrinks, if it must, until everything fits there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QTimer
from PySide6.QtWidgets import QBoxLayout, QFrame, QLabel, QVBoxLayout, QWidget

from reflexmap.config import Config
from reflexmap.content import Content
from reflexmap.fast_start import set_enum
from reflexmap.i18n import Language
from reflexmap.ui import parts, style
from reflexmap.ui.fonts import TextSize, make_font
from reflexmap.ui.foot_map import FootMap
from reflexmap.ui.kiosk.logo import logo_pixmap, scaled_to_height
from reflexmap.ui.kiosk.overlay import Overlay, invalidate_layouts
from reflexmap.ui.qr import qr_pixmap

__all__ = ["AttractOverlay"]

# Space between the feet and the card.
GAP = 12
LOGO_PX = 64
QR_PX = 132
# How far the card's type may shrink to fit beside or below the feet.
FIT_STEPS = (1.0, 0.92, 0.85, 0.78, 0.72, 0.66, 0.6, 0.55, 0.5)


class AttractOverlay(Overlay):
    """Shown while nobody uses the kiosk; a touch (``pressed``) wakes it and chooses nothing."""

    def __init__(
        self,
        host: QWidget,
        map_: FootMap,
        content: Content,
        config: Config,
        language: Language,
        sizes: TextSize,
        cache_dir: Path | None = None,
        cover: Callable[[bool], None] | None = None,
        logo: tuple[bytes, str] | None = None,
    ) -> None:
        super().__init__(host, "attractLoop")
        self._map = map_
        # told when the card comes and goes over what it lies on (the zone panel, not drawn meanwhile)
        self._cover = cover
        self._content = content
        self._config = config
        self._language = language
        self._sizes = sizes
        self._index = -1
        self._fit = 1.0
        self._placing = False
        self._fitted: tuple[object, ...] = ()
        self._applied: tuple[float, int] | None = None
        self._map_laid_out = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer_timeout)

        self._card, inner = self.card("attractCard", 16)
        self._body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._body.setSpacing(14)
        inner.addStretch(1)
        inner.addLayout(self._body)
        inner.addStretch(1)
        texts = QVBoxLayout()
        texts.setSpacing(8)
        # (label, size at 100 %, bold): the type this card sets itself, scaled by the text size and the fit
        self._type: list[tuple[QLabel, int, bool]] = []
        self._call = self._text("attractCall", 34, True, style.ACCENT_FILL)
        self._caption = self._text("attractCaption", 22)
        self._welcome = self._text("attractWelcome", 20, colour=style.MUTED)
        self._disclaimer = self._text("attractDisclaimer", 15, colour=style.MUTED)
        for w in (self._call, self._caption, self._welcome, self._disclaimer):
            texts.addWidget(w)
        self._body.addLayout(texts, 1)

        self._brand = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._brand.setSpacing(12)
        salon = QVBoxLayout()
        salon.setSpacing(2)
        self._logo = self._picture("attractLogo")
        self._salon = self._text("attractSalon", 22, True)
        self._hours = self._text("attractHours", 16, colour=style.MUTED)
        for w in (self._logo, self._salon, self._hours):
            salon.addWidget(w)
        booking = QVBoxLayout()
        booking.setSpacing(2)
        self.qr = self._picture("bookingQr")
        self._qr_note = self._text("bookingNote", 15, colour=style.MUTED)
        booking.addWidget(self.qr)
        booking.addWidget(self._qr_note)
        self._brand.addLayout(salon, 1)
        self._brand.addLayout(booking, 1)
        self._body.addLayout(self._brand)

        branding = config.branding
        self._logo_pixmap = logo_pixmap(logo, LOGO_PX)  # the checked bytes: the file is not read again
        self._logo.setVisible(self._logo_pixmap is not None)
        self._cache_dir = cache_dir
        self._qr_side = 0
        self.qr.setVisible(branding.booking_url is not None)
        self._apply_type(1.0)
        map_.installEventFilter(self)  # the card follows the feet when the window lays itself out again
        sizes.changed.connect(self._on_sizes_changed)
        language.changed.connect(self._on_language_changed)
        self._on_language_changed(language.code)

    def _text(self, name: str, px: int, bold: bool = False, colour: str | None = None) -> QLabel:
        label = parts.label(self._sizes, name, px, bold=bold, colour=colour, centred=True, scaled=False)
        self._type.append((label, px, bold))
        return label

    def _picture(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        set_enum(label, "alignment", "AlignCenter")
        return label

    # --- the loop ------------------------------------------------------------------------

    @property
    def zone(self) -> str | None:
        """The zone the loop shows now (None while hidden)."""
        zones = self._map.zone_ids()
        if not self.isVisible() or self._index < 0 or not zones:
            return None
        return zones[self._index % len(zones)]

    @property
    def card_rect(self) -> QRect:
        """Where the card is, in the window's coordinates."""
        return self._card.geometry()

    def start(self) -> None:
        """Cover the window and show the zones one by one, from the first."""
        self._index = -1
        self.show_next()
        self._timer.start(round(self._config.kiosk.attract_seconds * 1000))
        if self._cover is not None:
            self._cover(True)
        self.cover()

    def stop(self, *, uncover: bool = True) -> None:
        """Hide the card and stop the loop; with ``uncover``, what the card lay over shows again."""
        self._timer.stop()
        self._map.set_guide(())
        self.hide()
        if uncover and self._cover is not None:
            self._cover(False)

    def _on_timer_timeout(self) -> None:
        self.show_next()

    def show_next(self) -> None:
        """Move on to the next zone (the loop does so every ``attract_seconds``)."""
        zones = self._map.zone_ids()
        if not zones:
            return
        self._index = (self._index + 1) % len(zones)
        self._map.set_guide((zones[self._index],), None, pulsing=True)
        self._refresh_caption()

    # --- where the card goes ---------------------------------------------------------------

    def _map_rect(self) -> QRect:
        return QRect(self._map.mapTo(self.parentWidget() or self._map, QPoint(0, 0)), self._map.size())

    def portrait(self) -> bool:
        return self.height() > self.width()

    def card_area(self, card: QFrame) -> QRect:
        """Beside the feet in landscape, below them in portrait: never over them."""
        feet = self._map_rect()  # the card reaches the window's edges: nothing of the panel under it peeks out
        if self.portrait():
            top = feet.bottom() + 1 + GAP
            return QRect(0, top, self.width(), max(0, self.height() - top))
        left = feet.right() + 1 + GAP
        return QRect(left, feet.top(), max(0, self.width() - left), max(0, self.height() - feet.top()))

    def place_cards(self) -> None:
        if self._placing or not self._map_laid_out:
            return  # before the window's first layout the feet are nowhere yet: nothing to fit beside them
        self._placing = True
        try:
            area = self.card_area(self._card)
            texts = tuple(label.text() for label, _, _ in self._type)
            key = (area.width(), area.height(), self._sizes.step, texts)
            if key != self._fitted:  # what the card must hold, or where, changed: fit its type again
                self._fitted = key
                portrait = self.portrait()
                body, brand = QBoxLayout.Direction.TopToBottom, QBoxLayout.Direction.LeftToRight
                self._body.setDirection(brand if portrait else body)
                self._brand.setDirection(body if portrait else brand)
                for step in FIT_STEPS:  # the largest type whose card fits the area
                    self._apply_type(step)
                    invalidate_layouts(self._card.layout())  # nested layouts keep heights measured for old text
                    if self._card.heightForWidth(area.width()) <= area.height():
                        break
            self._card.setGeometry(area)  # the whole column beside (or space below) the feet
            layout = self._card.layout()
            if layout is not None:
                layout.activate()  # its lines in place now, not at the next turn of the event loop
        finally:
            self._placing = False

    def _apply_type(self, fit: float) -> None:
        if (fit, self._sizes.step) == self._applied:
            return
        self._applied = (fit, self._sizes.step)
        self._fit = fit
        scale = self._sizes.scale * fit
        for label, px, bold in self._type:
            label.setFont(make_font(max(9, round(px * scale)), bold))
        pictures = min(1.0, fit * 1.1)  # pictures shrink a little less than the type, and never grow
        logo = self._logo_pixmap
        if logo is not None:
            height = max(24, round(LOGO_PX * pictures))
            self._logo.setPixmap(logo if height == logo.height() else scaled_to_height(logo, height))
        url = self._config.branding.booking_url
        if url is not None:  # drawn again at each size: whole pixels per module stay sharp
            side = max(48, round(QR_PX * pictures))
            if side != self._qr_side:
                self._qr_side = side
                self.qr.setPixmap(qr_pixmap(url, side, self._cache_dir))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._map and event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self._map_laid_out = True
            self.place_cards()
            return False
        return super().eventFilter(watched, event)

    # --- texts -----------------------------------------------------------------------------

    def _refresh_caption(self) -> None:
        zones = self._map.zone_ids()
        if not zones or self._index < 0:
            self._caption.setText("")
            return
        info = self._content.zone(zones[self._index % len(zones)])
        lang = self._language.code
        self._caption.setText(info.caption(lang) if info else "")

    def _on_sizes_changed(self, step: int) -> None:
        self.place_cards()

    def _on_language_changed(self, lang: str) -> None:
        branding = self._config.branding
        self._call.setText(self.tr("Touch the foot to explore"))
        self._welcome.setText(branding.welcome(lang) if branding.welcome else "")
        self._welcome.setVisible(branding.welcome is not None)
        self._disclaimer.setText(self._content.general.disclaimer(lang))
        self._salon.setText(branding.salon_name)
        self._salon.setVisible(bool(branding.salon_name))
        self._hours.setText(branding.hours(lang) if branding.hours else "")
        self._hours.setVisible(branding.hours is not None)
        self._qr_note.setText(self.tr("Book from your phone"))
        self._qr_note.setVisible(branding.booking_url is not None)
        self._refresh_caption()
        self.place_cards()
