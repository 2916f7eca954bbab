"""The attract loop: the feet highlight one zone after another under the salon's card."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from reflexmap.config import Config
from reflexmap.content import Content
from reflexmap.i18n import Language
from reflexmap.ui import parts, style
from reflexmap.ui.fonts import TextSize
from reflexmap.ui.foot_map import FootMap
from reflexmap.ui.kiosk.logo import logo_pixmap
from reflexmap.ui.kiosk.overlay import Overlay
from reflexmap.ui.qr import qr_image

__all__ = ["AttractOverlay"]


class AttractOverlay(Overlay):
    """Shown while nobody uses the kiosk; a touch (``pressed``) wakes it and chooses nothing."""

    def __init__(
        self, host: QWidget, map_: FootMap, content: Content, config: Config, language: Language, sizes: TextSize
    ) -> None:
        super().__init__(host, "attractLoop")
        self._map = map_
        self._content = content
        self._config = config
        self._language = language
        self._index = -1
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer_timeout)

        col = QVBoxLayout(self)
        col.addStretch(1)
        card = parts.card(self, "attractCard")
        row = QHBoxLayout(card)
        row.setContentsMargins(24, 12, 24, 12)
        texts = QVBoxLayout()
        texts.setSpacing(6)
        self._call = parts.label(sizes, "attractCall", 34, bold=True, colour=style.ACCENT_FILL, centred=True)
        self._caption = parts.label(sizes, "attractCaption", 22, centred=True)
        self._welcome = parts.label(sizes, "attractWelcome", 20, colour=style.MUTED, centred=True)
        texts.addStretch(1)
        for w in (self._call, self._caption, self._welcome):
            texts.addWidget(w)
        texts.addStretch(1)
        row.addLayout(texts, 1)
        brand = QVBoxLayout()
        brand.setSpacing(2)
        self._logo = QLabel()
        self._logo.setObjectName("attractLogo")
        self._logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._salon = parts.label(sizes, "attractSalon", 22, bold=True, centred=True)
        self._hours = parts.label(sizes, "attractHours", 16, colour=style.MUTED, centred=True)
        self.qr = QLabel()
        self.qr.setObjectName("bookingQr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._qr_note = parts.label(sizes, "bookingNote", 15, colour=style.MUTED, centred=True)
        for w in (self._logo, self._salon, self._hours, self.qr, self._qr_note):
            brand.addWidget(w)
        row.addLayout(brand)
        col.addWidget(card)

        branding = config.branding
        pixmap = logo_pixmap(config.path(branding.logo), 64)
        self._logo.setPixmap(pixmap if pixmap is not None else QPixmap())
        self._logo.setVisible(pixmap is not None)
        if branding.booking_url:
            self.qr.setPixmap(QPixmap.fromImage(qr_image(branding.booking_url, 132)))
        self.qr.setVisible(branding.booking_url is not None)
        language.changed.connect(self._on_language_changed)
        self._on_language_changed(language.code)

    @property
    def zone(self) -> str | None:
        """The zone the loop shows now (None while hidden)."""
        zones = self._map.zone_ids()
        if not self.isVisible() or self._index < 0 or not zones:
            return None
        return zones[self._index % len(zones)]

    def start(self) -> None:
        """Cover the window and show the zones one by one, from the first."""
        self._index = -1
        self.show_next()
        self._timer.start(round(self._config.kiosk.attract_seconds * 1000))
        self.cover()

    def stop(self) -> None:
        self._timer.stop()
        self._map.set_guide(())
        self.hide()

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

    def _refresh_caption(self) -> None:
        zones = self._map.zone_ids()
        if not zones or self._index < 0:
            self._caption.setText("")
            return
        info = self._content.zone(zones[self._index % len(zones)])
        lang = self._language.code
        self._caption.setText(f"{info.name(lang)} — {info.corresponds(lang)}" if info else "")

    def _on_language_changed(self, lang: str) -> None:
        branding = self._config.branding
        self._call.setText(self.tr("Touch the foot to explore"))
        self._welcome.setText(branding.welcome(lang) if branding.welcome else "")
        self._welcome.setVisible(branding.welcome is not None)
        self._salon.setText(branding.salon_name)
        self._salon.setVisible(bool(branding.salon_name))
        self._hours.setText(branding.hours(lang) if branding.hours else "")
        self._hours.setVisible(branding.hours is not None)
        self._qr_note.setText(self.tr("Book from your phone"))
        self._qr_note.setVisible(branding.booking_url is not None)
        self._refresh_caption()
