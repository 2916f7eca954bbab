"""The staff PIN pad: twelve keys, five tries, then a pause."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from reflexmap.i18n import Language
from reflexmap.kiosk import PinGate, PinResult
from reflexmap.ui import parts, style
from reflexmap.ui.fonts import TextSize
from reflexmap.ui.kiosk.overlay import Overlay

__all__ = ["PinPad"]

KEYS = "123456789C0✓"


class PinPad(Overlay):
    """``accepted`` when the right PIN is entered, ``cancelled`` on Cancel; every key press is ``used``."""

    accepted = Signal()
    cancelled = Signal()
    used = Signal()

    def __init__(self, host: QWidget, pins: PinGate, language: Language, sizes: TextSize) -> None:
        super().__init__(host, "pinPad", veil=170)
        self._pins = pins
        self._pin = ""
        self._result: PinResult | None = None
        _, inner = self.centred_card("pinCard")
        self._title = parts.label(sizes, "pinTitle", 26, bold=True, colour=style.ACCENT_TEXT, centred=True)
        self._dots = parts.label(sizes, "pinDots", 40, bold=True, centred=True)
        self._message = parts.label(sizes, "pinMessage", 18, colour=style.ACCENT_FILL, centred=True)
        for w in (self._title, self._dots, self._message):
            inner.addWidget(w)
        keys = QGridLayout()
        self._keys: list[QPushButton] = []
        for i, key in enumerate(KEYS):
            button = parts.button(
                sizes, f"pinKey_{key}", key, primary=key == "✓", px=22, bold=True, height=72, focus=False
            )
            button.setMinimumWidth(96)
            button.clicked.connect(lambda _=False, k=key: self._on_key_clicked(k))
            keys.addWidget(button, i // 3, i % 3)
            self._keys.append(button)
        inner.addLayout(keys)
        self._cancel = parts.button(sizes, "pinCancel", px=22, bold=True, height=64, focus=False)
        self._cancel.clicked.connect(self.cancelled)
        inner.addWidget(self._cancel)
        language.changed.connect(self._on_language_changed)
        self._on_language_changed(language.code)

    def open(self) -> None:
        """Show an empty pad over everything."""
        self._pin = ""
        self._result = None
        self.refresh()
        self.cover()

    def close_pad(self) -> None:
        self._pin = ""
        self.hide()

    def _on_key_clicked(self, key: str) -> None:
        self.used.emit()
        if key == "C":
            self._pin = ""
        elif key == "✓":
            result = self._pins.attempt(self._pin)
            self._pin = ""
            if result == PinResult.OK:
                self.hide()
                self.accepted.emit()
                return
            self._result = result
        elif len(self._pin) < 12:
            self._pin += key
            self._result = None
        self.refresh()

    def refresh(self) -> None:
        self._dots.setText("●" * len(self._pin) or " ")
        locked = self._pins.locked_for()
        if not self._pins.enabled:
            text = self.tr("No staff PIN is set in the config file.")
        elif locked > 0:
            text = self.tr("Too many wrong PINs: try again in {n} s.").format(n=int(locked + 0.999))
        elif self._result == PinResult.WRONG:
            text = self.tr("Wrong PIN: {n} tries left.").format(n=self._pins.tries_left)
        else:
            text = ""
        self._message.setText(text)
        for button in self._keys:
            button.setEnabled(self._pins.enabled and locked <= 0)

    def _on_language_changed(self, lang: str) -> None:
        self._title.setText(self.tr("Staff PIN"))
        self._cancel.setText(self.tr("Cancel"))
        self.refresh()
