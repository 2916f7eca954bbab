"""Kiosk mode: the main window locked full screen, with its attract loop and staff exit.

:class:`Kiosk` takes a :class:`MainWindow` and makes it an unattended exhibit:
frameless, full screen, in front, with no context menus and no way to close
it by keys; input resets an idle clock that brings back the attract loop;
holding the top-left corner for 3 s (or Ctrl+Alt+Shift+K) opens a PIN pad in
front of the staff panel.  Overlays are children of the window, so nothing
ever opens a second top-level window a visitor could lose.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QPixmapCache,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflexmap.config import Config
from reflexmap.kiosk import IdleState, IdleWatch, PinGate, RunRecord
from reflexmap.player import State
from reflexmap.ui import style
from reflexmap.ui.main_window import MainWindow
from reflexmap.ui.qr import qr_image

__all__ = ["Kiosk"]

logger = logging.getLogger(__name__)
Clock = Callable[[], float]

#: The corner a member of staff holds to get out, and for how long.
CORNER_PX = 80
HOLD_SECONDS = 3.0
#: Keys that close or leave a window elsewhere; here they do nothing.
_ESCAPES = (
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
)
_INPUT = (
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseMove,
    QEvent.Type.KeyPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.Wheel,
)


class _Overlay(QWidget):
    """A layer over the whole window; ``dim`` paints a veil, and it swallows every touch."""

    pressed = Signal()

    def __init__(self, parent: QWidget, dim: int = 0) -> None:
        super().__init__(parent)
        self._dim = dim
        self.hide()

    def cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._dim:
            painter = QPainter(self)
            painter.fillRect(self.rect(), QColor(40, 28, 22, self._dim))
            painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.pressed.emit()
        event.accept()


def _card(parent: QWidget, name: str) -> QFrame:
    card = QFrame(parent)
    card.setObjectName(name)
    card.setFrameShape(QFrame.Shape.StyledPanel)
    style.tint(card, style.SURFACE)
    return card


def _centred_card(overlay: QWidget, name: str, margin: int = 30) -> tuple[QFrame, QVBoxLayout]:
    """A card in the middle of ``overlay``; returns it and the layout to fill."""
    col = QVBoxLayout(overlay)
    card = _card(overlay, name)
    inner = QVBoxLayout(card)
    inner.setContentsMargins(margin, margin, margin, margin)
    col.addStretch(1)
    col.addWidget(card, 0, Qt.AlignmentFlag.AlignCenter)
    col.addStretch(1)
    return card, inner


def _label(name: str, px: int, bold: bool = False, colour: str = style.TEXT, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    style.font(label, px, bold=bold)
    style.colour(label, colour)
    return label


def _button(name: str, primary: bool = False, height: int = 64) -> QPushButton:
    button = QPushButton()
    button.setObjectName(name)
    button.setMinimumSize(64, height)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    style.font(button, 22, bold=True)
    if primary:
        style.primary(button)
        style.font(button, 22, bold=True)
    return button


class Kiosk(QObject):
    """Turns a :class:`MainWindow` into the salon's locked, self-resetting exhibit."""

    exit_requested = Signal(str)  # why
    reload_requested = Signal()

    def __init__(self, window: MainWindow, config: Config, record: RunRecord | None = None,
                 clock: Clock | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock or time.monotonic
        self._started = self._clock()
        self.window = window
        self.config = config
        self._record = record
        self._default_lang = window._language.code
        self.staff_notices: list[str] = []
        self.errors: list[str] = []
        player = window.routines._player
        self.idle = IdleWatch(config.kiosk.idle_seconds, config.kiosk.still_there_seconds, clock=self._clock,
                              busy=lambda: player.state in (State.LEAD_IN, State.RUNNING, State.WAITING),
                              parent=self)
        self.pins = PinGate(config.kiosk.pin_hash, clock=self._clock)
        self._hold_timer = QTimer(self)
        self._hold_timer.setSingleShot(True)
        self._hold_timer.timeout.connect(self._on_hold_timeout)
        self._attract_timer = QTimer(self)
        self._attract_timer.timeout.connect(self._next_attract_zone)
        self._attract_index = -1
        self._pin = ""

        self._build_overlays()
        self.idle.reset.connect(self.reset)
        self.idle.state_changed.connect(self._on_idle_state_changed)
        self.idle.tick.connect(self._refresh_still_there)
        window.installEventFilter(self)
        _app().installEventFilter(self)
        self._lock_window()
        self.reset()

    # --- the window -----------------------------------------------------------------

    def _lock_window(self) -> None:
        window = self.window
        app = _app()
        app.setQuitOnLastWindowClosed(False)
        # Qt keeps drawn bits of widgets in a 10 MB cache that fills over hours of
        # visitors, languages and text sizes; on a kiosk PC running for weeks, 2 MB will do
        QPixmapCache.setCacheLimit(2048)
        visible = window.isVisible()
        window.setWindowFlags(window.windowFlags() | Qt.WindowType.FramelessWindowHint
                              | Qt.WindowType.WindowStaysOnTopHint)
        if visible:  # new flags hide a shown window
            window.show()
        window.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        window.set_kiosk(True, self.config.branding)
        screens = QGuiApplication.screens()
        screen = screens[min(self.config.kiosk.screen, len(screens) - 1)] if screens else None
        if screen is not None:
            window.setGeometry(screen.geometry())
        if self.config.kiosk.hide_cursor:
            app.setOverrideCursor(Qt.CursorShape.BlankCursor)

    def show(self) -> None:
        self.window.showFullScreen()

    def retire(self) -> None:
        """Step aside for a reloaded window: stop every timer and let the old window go."""
        self._attract_timer.stop()
        self._hold_timer.stop()
        self.window.map.set_guide(())
        self.idle.blockSignals(True)
        _app().removeEventFilter(self)
        self.window.removeEventFilter(self)
        self.window.routines._player.stop()
        self.window.hide()
        self.window.deleteLater()

    # --- overlays ---------------------------------------------------------------------

    def _build_overlays(self) -> None:
        host = self.window
        self.window._language.changed.connect(self._on_language_changed)

        self.attract = _Overlay(host)
        self.attract.setObjectName("attractLoop")
        self.attract.pressed.connect(self.wake)
        col = QVBoxLayout(self.attract)
        col.addStretch(1)
        card = _card(self.attract, "attractCard")
        row = QHBoxLayout(card)
        row.setContentsMargins(24, 12, 24, 12)
        texts = QVBoxLayout()
        texts.setSpacing(6)
        self._attract_call = _label("attractCall", 34, bold=True, colour=style.ACCENT_FILL)
        self._attract_caption = _label("attractCaption", 22)
        self._attract_welcome = _label("attractWelcome", 20, colour=style.MUTED)
        texts.addStretch(1)
        for w in (self._attract_call, self._attract_caption, self._attract_welcome):
            texts.addWidget(w)
        texts.addStretch(1)
        row.addLayout(texts, 1)
        brand = QVBoxLayout()
        brand.setSpacing(2)
        self._logo = QLabel()
        self._logo.setObjectName("attractLogo")
        self._logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._salon = _label("attractSalon", 22, bold=True)
        self._hours = _label("attractHours", 16, colour=style.MUTED)
        self.qr = QLabel()
        self.qr.setObjectName("bookingQr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._qr_note = _label("bookingNote", 15, colour=style.MUTED)
        for w in (self._logo, self._salon, self._hours, self.qr, self._qr_note):
            brand.addWidget(w)
        row.addLayout(brand)
        col.addWidget(card)

        self.still = _Overlay(host, dim=150)
        self.still.setObjectName("stillThere")
        self.still.pressed.connect(self.idle.touch)
        _, inner = _centred_card(self.still, "stillThereCard", 36)
        self._still_title = _label("stillTitle", 40, bold=True, colour=style.ACCENT_TEXT)
        self._still_count = _label("stillCount", 96, bold=True)
        self._still_hint = _label("stillHint", 22)
        for w in (self._still_title, self._still_count, self._still_hint):
            inner.addWidget(w)

        self.pad = _Overlay(host, dim=170)
        self.pad.setObjectName("pinPad")
        _, inner = _centred_card(self.pad, "pinCard")
        self._pin_title = _label("pinTitle", 26, bold=True, colour=style.ACCENT_TEXT)
        self._pin_dots = _label("pinDots", 40, bold=True)
        self._pin_message = _label("pinMessage", 18, colour=style.ACCENT_FILL)
        for w in (self._pin_title, self._pin_dots, self._pin_message):
            inner.addWidget(w)
        keys = QGridLayout()
        self._digit_buttons: list[QPushButton] = []
        for i, key in enumerate("123456789C0✓"):
            button = _button(f"pinKey_{key}", primary=key == "✓")
            button.setMinimumSize(96, 72)
            button.setText(key)
            button.clicked.connect(lambda _=False, k=key: self._on_pin_key(k))
            keys.addWidget(button, i // 3, i % 3)
            self._digit_buttons.append(button)
        inner.addLayout(keys)
        self._pin_cancel = _button("pinCancel")
        self._pin_cancel.clicked.connect(self.close_staff)
        inner.addWidget(self._pin_cancel)

        self.staff = _Overlay(host, dim=170)
        self.staff.setObjectName("staffPanel")
        card, inner = _centred_card(self.staff, "staffCard")
        card.setMinimumWidth(560)
        self._staff_title = _label("staffTitle", 26, bold=True, colour=style.ACCENT_TEXT)
        self._staff_facts = _label("staffFacts", 18)
        self._staff_facts.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self._staff_notes = _label("staffNotices", 16, colour=style.NOTICE_TEXT)
        self._staff_notes.setAlignment(Qt.AlignmentFlag.AlignLeft)
        for w in (self._staff_title, self._staff_facts, self._staff_notes):
            inner.addWidget(w)
        row = QHBoxLayout()
        self._reload_button = _button("reloadButton")
        self._reload_button.clicked.connect(self._on_reload_clicked)
        self._back_button = _button("staffBack")
        self._back_button.clicked.connect(self.close_staff)
        self._exit_button = _button("exitButton", primary=True)
        self._exit_button.clicked.connect(self._on_exit_clicked)
        for b in (self._reload_button, self._back_button, self._exit_button):
            row.addWidget(b)
        inner.addLayout(row)
        self._retranslate()

    def _on_language_changed(self, lang: str) -> None:
        self._retranslate()

    def _retranslate(self) -> None:
        branding = self.config.branding
        lang = self.window._language.code
        self._attract_call.setText(self.tr("Touch the foot to explore"))
        self._attract_welcome.setText(branding.welcome(lang) if branding.welcome else "")
        self._attract_welcome.setVisible(branding.welcome is not None)
        self._salon.setText(branding.salon_name)
        self._salon.setVisible(bool(branding.salon_name))
        self._hours.setText(branding.hours(lang) if branding.hours else "")
        self._hours.setVisible(branding.hours is not None)
        self._qr_note.setText(self.tr("Book from your phone"))
        self._qr_note.setVisible(branding.booking_url is not None)
        self._still_title.setText(self.tr("Still there?"))
        self._still_hint.setText(self.tr("Touch anywhere to keep going."))
        self._pin_title.setText(self.tr("Staff PIN"))
        self._pin_cancel.setText(self.tr("Cancel"))
        self._staff_title.setText(self.tr("Staff panel"))
        self._reload_button.setText(self.tr("Reload content"))
        self._back_button.setText(self.tr("Back to visitors"))
        self._exit_button.setText(self.tr("Exit reflexmap"))
        self._refresh_branding()
        self._refresh_attract_caption()
        self._refresh_staff()

    def _refresh_branding(self) -> None:
        branding = self.config.branding
        pixmap = _logo_pixmap(self.config.path(branding.logo), 64)
        self._logo.setPixmap(pixmap if pixmap is not None else QPixmap())
        self._logo.setVisible(pixmap is not None)
        if branding.booking_url:
            self.qr.setPixmap(QPixmap.fromImage(qr_image(branding.booking_url, 132)))
        self.qr.setVisible(branding.booking_url is not None)

    # --- idle, attract, still there -------------------------------------------------------

    def reset(self) -> None:
        """Back to how a new visitor should find it: the map, nothing chosen, the attract loop."""
        window = self.window
        self.close_staff()
        window.routines._player.stop()
        window.map.select_zone(None)
        window.tabs.setCurrentIndex(0)
        if window._language.code != self._default_lang:
            window.set_language(self._default_lang)
        style.set_text_scale(style.TEXT_SCALES[self.config.kiosk.text_size - 1])
        window.sync_text_size()
        self.still.hide()
        self._attract_index = -1
        self._next_attract_zone()
        self._attract_timer.start(round(self.config.kiosk.attract_seconds * 1000))
        self.attract.cover()
        if self.idle.state != IdleState.RESTING:
            self.idle.rest()
        _return_free_memory()

    def wake(self) -> None:
        """The first touch after the attract loop only wakes the kiosk; it chooses nothing."""
        self._attract_timer.stop()
        self.window.map.set_guide(())
        self.attract.hide()
        self.idle.touch()

    def _next_attract_zone(self) -> None:
        zones = self.window.map.zone_ids()
        if not zones:
            return
        self._attract_index = (self._attract_index + 1) % len(zones)
        self.window.map.set_guide((zones[self._attract_index],), None, pulsing=True)
        self._refresh_attract_caption()

    def _refresh_attract_caption(self) -> None:
        zones = self.window.map.zone_ids()
        if not zones or self._attract_index < 0:
            self._attract_caption.setText("")
            return
        info = self.window._content.zone(zones[self._attract_index % len(zones)])
        lang = self.window._language.code
        self._attract_caption.setText(f"{info.name(lang)} — {info.corresponds(lang)}" if info else "")

    @property
    def attract_zone(self) -> str | None:
        zones = self.window.map.zone_ids()
        if not self.attract.isVisible() or self._attract_index < 0 or not zones:
            return None
        return zones[self._attract_index % len(zones)]

    def _on_idle_state_changed(self, value: str) -> None:
        if value == IdleState.STILL_THERE.value:
            self._refresh_still_there()
            self.still.cover()
        else:
            self.still.hide()

    def _refresh_still_there(self) -> None:
        self._still_count.setText(str(max(0, int(self.idle.remaining() + 0.999))))

    # --- staff ------------------------------------------------------------------------------

    def open_pin_pad(self) -> None:
        self._pin = ""
        self._refresh_pin()
        self.pad.cover()

    def close_staff(self) -> None:
        self._pin = ""
        self.pad.hide()
        self.staff.hide()

    def _on_pin_key(self, key: str) -> None:
        self.idle.touch()
        if key == "C":
            self._pin = ""
        elif key == "✓":
            result = self.pins.attempt(self._pin)
            self._pin = ""
            if result == "ok":
                self.pad.hide()
                self._refresh_staff()
                self.staff.cover()
                return
            self._pin_result = result
        elif len(self._pin) < 12:
            self._pin += key
            self._pin_result = ""
        self._refresh_pin()

    def _refresh_pin(self) -> None:
        self._pin_dots.setText("●" * len(self._pin) or " ")
        result = getattr(self, "_pin_result", "")
        locked = self.pins.locked_for()
        if not self.pins.enabled:
            text = self.tr("No staff PIN is set in the config file.")
        elif locked > 0:
            text = self.tr("Too many wrong PINs: try again in {n} s.").format(n=int(locked + 0.999))
        elif result == "wrong":
            text = self.tr("Wrong PIN: {n} tries left.").format(n=self.pins.tries_left)
        else:
            text = ""
        self._pin_message.setText(text)
        for button in self._digit_buttons:
            button.setEnabled(self.pins.enabled and locked <= 0)

    def add_staff_notice(self, notice: str) -> None:
        """Problems for staff only (a broken edit, a bad file): never shown to visitors."""
        self.staff_notices.append(notice)
        self.staff_notices = self.staff_notices[-8:]
        self._refresh_staff()

    def record_error(self, message: str) -> None:
        self.errors.append(message)
        self.errors = self.errors[-50:]
        self._refresh_staff()

    def _refresh_staff(self) -> None:
        from reflexmap.ui.messages import localize

        uptime = int(self._clock() - self._started)
        hours, rest = divmod(uptime, 3600)
        memory = _memory_mib()
        facts = [
            self.tr("Running for {h} h {m} min").format(h=hours, m=rest // 60),
            self.tr("Memory in use: {mib} MiB").format(mib=f"{memory:.0f}" if memory else "?"),
        ]
        if self._record is not None:
            when, why = self._record.last_restart()
            stamp = datetime.fromtimestamp(when).strftime("%Y-%m-%d %H:%M") if when else "—"
            facts.append(self.tr("Last start: {when}; it ended with: {why}").format(when=stamp, why=localize(why)))
        facts.append(self.tr("Errors since start: {n}").format(n=len(self.errors)))
        facts += [f"  {e}" for e in self.errors[-3:]]
        self._staff_facts.setText("\n".join(facts))
        self._staff_notes.setText("\n".join(localize(n) for n in self.staff_notices))
        self._staff_notes.setVisible(bool(self.staff_notices))

    def _on_reload_clicked(self) -> None:
        self.reload_requested.emit()

    def _on_exit_clicked(self) -> None:
        logger.info("staff exit")
        self.exit_requested.emit("staff exit")

    def _on_hold_timeout(self) -> None:
        logger.info("staff corner held for %.0f s", HOLD_SECONDS)
        self.open_pin_pad()

    # --- input --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Close and watched is self.window:
            event.ignore()
            return True
        if kind == QEvent.Type.Resize and watched is self.window:
            for overlay in (self.attract, self.still, self.pad, self.staff):
                overlay.setGeometry(self.window.rect())  # full screen can arrive after the overlay showed
        if kind == QEvent.Type.ContextMenu:
            return True
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            assert isinstance(event, QKeyEvent)
            key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            staff_keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier \
                | Qt.KeyboardModifier.ShiftModifier
            if key == Qt.Key.Key_K and mods == staff_keys:
                if kind == QEvent.Type.KeyPress:
                    self.open_pin_pad()
                return True
            if any(key == k and mods == m for k, m in _ESCAPES):
                if kind == QEvent.Type.KeyPress:
                    logger.info("kiosk: ignored an escape key (%s)", QKeyEvent.keyCombination(event).toCombined())
                event.accept()
                return True
        if kind in _INPUT:
            if self.idle.state == IdleState.STILL_THERE and kind == QEvent.Type.MouseButtonPress or self.idle.state == IdleState.ACTIVE:
                self.idle.touch()
            self._watch_corner(watched, event)
        return False

    def _watch_corner(self, watched: QObject, event: QEvent) -> None:
        if not isinstance(event, QMouseEvent) or not isinstance(watched, QWidget):
            return
        if event.type() == QEvent.Type.MouseButtonPress:
            pos = watched.mapTo(self.window, event.position().toPoint()) if watched is not self.window \
                else event.position().toPoint()
            if watched.window() is self.window and pos.x() < CORNER_PX and pos.y() < CORNER_PX:
                self._hold_timer.start(round(HOLD_SECONDS * 1000))
        elif event.type() == QEvent.Type.MouseButtonRelease:
            self._hold_timer.stop()


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication), "the kiosk needs a QApplication"
    return app


def _logo_pixmap(path: Path | None, height: int) -> QPixmap | None:
    if path is None or not path.is_file():
        return None
    if path.suffix.lower() == ".svg":
        renderer = QSvgRenderer(str(path))
        if not renderer.isValid():
            return None
        size = renderer.defaultSize()
        width = max(1, round(size.width() * height / max(1, size.height())))
        pixmap = QPixmap(QSize(width, height))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, width, height))
        painter.end()
        return pixmap
    pixmap = QPixmap(str(path))
    if pixmap.isNull():
        return None
    return pixmap.scaledToHeight(height, Qt.TransformationMode.SmoothTransformation)


def _return_free_memory() -> None:
    """Hand freed heap back to the system (glibc's malloc_trim): a kiosk runs for weeks, and
    memory freed by one visitor's session otherwise stays with the process, fragmented."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to do
        pass


def _memory_mib() -> float | None:
    try:
        import psutil

        return psutil.Process().memory_info().rss / (1024 * 1024)
    except Exception:  # noqa: BLE001 - a missing number is fine on a staff screen
        return None
