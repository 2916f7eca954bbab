"""The staff PIN pad: twelve keys, five tries, then a pause that counts down and ends by itself.

The keys never move: the card has a fixed width and the message line keeps
the height of the longest message it can show, so a tap aimed at a key
lands on it whatever the pad says.  The pad closes by itself after
:data:`PAD_SECONDS` without a key, wherever it was opened.
"""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QRect, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from reflexmap.clock import Clock, monotonic, until_next_whole_second
from reflexmap.fast_start import ALIGN_HCENTER, TEXT_WORD_WRAP
from reflexmap.i18n import Language
from reflexmap.kiosk.idle import Timeout
from reflexmap.kiosk.pins import PinGate, PinResult
from reflexmap.ui import parts, style
from reflexmap.ui.fonts import TextSize
from reflexmap.ui.kiosk.overlay import Overlay

__all__ = ["PAD_SECONDS", "PinPad"]

logger = logging.getLogger(__name__)

KEYS = "123456789C0✓"
#: What a key shows, where it is not its own name: the bundled font has no ✓ (and not every machine has one).
KEY_LABELS = {"✓": "OK"}
KEY_WIDTH = 104
KEY_HEIGHT = 72
KEY_SPACING = 8
CARD_MARGIN = 30
# The pad closes after this long without a key.
PAD_SECONDS = 30.0


class PinPad(Overlay):
    """``accepted`` for the right PIN; ``cancelled`` on Cancel or after the timeout; every key is ``used``."""

    accepted = Signal()
    cancelled = Signal()
    used = Signal()

    def __init__(
        self,
        host: QWidget,
        pins: PinGate,
        language: Language,
        sizes: TextSize,
        clock: Clock = monotonic,
        seconds: float = PAD_SECONDS,
    ) -> None:
        super().__init__(host, "pinPad", veil=170)
        self._pins = pins
        self._sizes = sizes
        self._pin = ""
        self._result: PinResult | None = None
        self.timeout = Timeout(seconds, clock, self)
        self.timeout.expired.connect(self._on_timeout_expired)
        self._countdown = QTimer(self)
        self._countdown.setSingleShot(True)
        self._countdown.timeout.connect(self.refresh)
        self._card, inner = self.card("pinCard", CARD_MARGIN)
        self._card.setFixedWidth(3 * KEY_WIDTH + 2 * KEY_SPACING + 2 * CARD_MARGIN)
        self._title = parts.label(sizes, "pinTitle", 26, bold=True, colour=style.ACCENT_TEXT, centred=True)
        self._dots = parts.label(sizes, "pinDots", 40, bold=True, centred=True)
        self._message = parts.label(sizes, "pinMessage", 18, colour=style.ACCENT_FILL, centred=True)
        for w in (self._title, self._dots, self._message):
            inner.addWidget(w)
        keys = QGridLayout()
        keys.setSpacing(KEY_SPACING)
        self._keys: list[QPushButton] = []
        for i, key in enumerate(KEYS):
            button = parts.button(
                sizes,
                f"pinKey_{key}",
                KEY_LABELS.get(key, key),
                primary=key == "✓",
                px=22,
                bold=True,
                height=KEY_HEIGHT,
                focus=False,
            )
            button.setFixedWidth(KEY_WIDTH)
            button.clicked.connect(lambda _=False, k=key: self._on_key_clicked(k))
            keys.addWidget(button, i // 3, i % 3)
            self._keys.append(button)
        inner.addLayout(keys)
        self._cancel = parts.button(sizes, "pinCancel", px=22, bold=True, height=64, focus=False)
        self._cancel.clicked.connect(self._on_cancel_clicked)
        inner.addWidget(self._cancel)
        pins.checked.connect(self._on_pins_checked)
        sizes.changed.connect(self._on_sizes_changed)
        language.changed.connect(self._on_language_changed)
        self._on_language_changed(language.code)

    @property
    def keys_rect(self) -> QRect:
        """Where the keys are, in the window's coordinates (they never move while the pad is open)."""
        first, last = self._keys[0], self._keys[-1]
        host = self.parentWidget() or self
        return QRect(first.mapTo(host, first.rect().topLeft()), last.mapTo(host, last.rect().bottomRight()))

    def open(self) -> None:
        """Show an empty pad over everything; it closes by itself after a while without a key."""
        self._pin = ""
        self._result = None
        self.refresh()
        self.cover()
        self.timeout.start()

    def close_pad(self) -> None:
        self._pin = ""
        self.timeout.stop()
        self._countdown.stop()
        self.hide()

    def touch(self) -> None:
        """Someone is at the pad: its timeout starts again."""
        self.timeout.touch()

    def _on_key_clicked(self, key: str) -> None:
        self.used.emit()
        self.touch()
        if self._pins.checking:
            return
        if key == "C":
            self._pin = ""
        elif key == "✓":
            pin, self._pin = self._pin, ""
            self._pins.check(pin)  # off the GUI thread; the answer comes as pins.checked
        elif len(self._pin) < 12:
            self._pin += key
            self._result = None
        self.refresh()

    def _on_pins_checked(self, result: PinResult) -> None:
        if not self.isVisible():
            return  # cancelled while the PIN was checked
        if result == PinResult.OK:
            self.close_pad()
            self.accepted.emit()
            return
        self._result = result
        self.refresh()

    def _on_cancel_clicked(self) -> None:
        self.close_pad()
        self.cancelled.emit()

    def _on_timeout_expired(self) -> None:
        if self._pins.locked_for() > 0:  # counting down the lock: it closes a while after the lock ends
            self.timeout.start()
            return
        logger.info("the PIN pad closed after %.0f s without a key", self.timeout.seconds)
        self.close_pad()
        self.cancelled.emit()

    def refresh(self) -> None:
        """Show the PIN so far and the message; while locked, count down each second and unlock at the end."""
        self._dots.setText("●" * len(self._pin) or " ")
        locked = self._pins.locked_for()
        if self._pins.checking:
            text = self.tr("Checking…")
        elif not self._pins.enabled:
            text = self.tr("No staff PIN is set in the config file.")
        elif locked > 0:
            text = self._locked_text(math.ceil(locked))
        elif self._result == PinResult.WRONG:
            text = self._wrong_text(self._pins.tries_left)
        else:
            text = ""
        self._message.setText(text)
        usable = self._pins.enabled and locked <= 0 and not self._pins.checking
        for button in self._keys:
            button.setEnabled(usable)
        if locked > 0 and self.isVisible():
            self._countdown.start(max(1, math.ceil(until_next_whole_second(locked) * 1000)))
        else:
            self._countdown.stop()

    def _locked_text(self, seconds: int) -> str:
        return self.tr("Too many wrong PINs. Try again in %n s.", "", seconds)

    def _wrong_text(self, tries: int) -> str:
        return self.tr("Wrong PIN. Tries left: %n.", "", tries)

    def _reserve_message_height(self) -> None:
        """The message line is as tall as the longest message the pad can show, so the keys below never move."""
        width = self._card.width() - 2 * CARD_MARGIN
        metrics = QFontMetrics(self._message.font())
        texts = [self.tr("Checking…"), self.tr("No staff PIN is set in the config file.")]
        texts += [self._locked_text(n) for n in (1, 2, 5, 21, 59, 60)]
        texts += [self._wrong_text(n) for n in range(1, PinGate.MAX_TRIES)]
        flags = ALIGN_HCENTER | TEXT_WORD_WRAP
        need = max(metrics.boundingRect(QRect(0, 0, width, 10_000), flags, t).height() for t in texts)
        self._message.setFixedHeight(need + 2)

    def _on_sizes_changed(self, step: int) -> None:
        self._reserve_message_height()

    def _on_language_changed(self, lang: str) -> None:
        self._title.setText(self.tr("Staff PIN"))
        self._cancel.setText(self.tr("Cancel"))
        self._reserve_message_height()
        self.refresh()
