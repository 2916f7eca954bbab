"""The kiosk shell: locks the main window and coordinates its overlays.

:class:`KioskShell` makes a :class:`~reflexmap.ui.main_window.MainWindow` an
unattended exhibit: frameless, full screen, in front, with no context menus
and no way to close it by keys; input resets the idle watch, which brings
back the attract loop; holding the top-left corner for 3 s (or
Ctrl+Alt+Shift+K) opens the PIN pad in front of the staff panel.  The
overlays are their own widgets (attract, still there, PIN pad, staff
panel); this class only wires them together.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QMouseEvent, QPixmapCache
from PySide6.QtWidgets import QApplication, QWidget

from reflexmap.clock import Clock, monotonic
from reflexmap.config import Config
from reflexmap.content import Content
from reflexmap.i18n import Language
from reflexmap.kiosk import Ending, IdleState, IdleWatch, PinGate, RunRecord, StaffReport
from reflexmap.player import PLAYING, RoutinePlayer
from reflexmap.ui.fonts import TextSize
from reflexmap.ui.kiosk.attract import AttractOverlay
from reflexmap.ui.kiosk.pin_pad import PinPad
from reflexmap.ui.kiosk.staff_panel import StaffPanel
from reflexmap.ui.kiosk.still_there import StillThereOverlay
from reflexmap.ui.main_window import MainWindow

__all__ = ["KioskShell"]

logger = logging.getLogger(__name__)

#: The corner a member of staff holds to get out, and for how long.
CORNER_PX = 80
HOLD_SECONDS = 3.0
#: Qt keeps drawn bits of widgets in a 10 MB cache that fills over hours of visitors,
#: languages and text sizes; on a kiosk PC running for weeks, 2 MB will do.
PIXMAP_CACHE_KIB = 2048


def _escape_keys() -> tuple[tuple[object, object], ...]:
    """Keys that close or leave a window elsewhere; here they do nothing."""
    return (
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


class KioskShell(QObject):
    """Turns ``window`` into the salon's locked, self-resetting exhibit.

    ``exit_requested`` (with how the run ends) and ``reload_requested`` are
    staff decisions, carried out by whoever runs the kiosk.
    """

    exit_requested = Signal(object)  # an Ending
    reload_requested = Signal()

    def __init__(
        self,
        window: MainWindow,
        config: Config,
        language: Language,
        content: Content,
        player: RoutinePlayer,
        sizes: TextSize,
        report: StaffReport,
        record: RunRecord | None = None,
        clock: Clock = monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.config = config
        self._language = language
        self._player = player
        self._sizes = sizes
        self._default_lang = language.code
        self.idle = IdleWatch(
            config.kiosk.idle_seconds,
            config.kiosk.still_there_seconds,
            clock=clock,
            busy=lambda: player.state in PLAYING,
            parent=self,
        )
        self.pins = PinGate(config.kiosk.pin_hash, clock=clock)
        self._hold_timer = QTimer(self)
        self._hold_timer.setSingleShot(True)
        self._hold_timer.setInterval(round(HOLD_SECONDS * 1000))
        self._hold_timer.timeout.connect(self._on_hold_timeout)

        self.attract = AttractOverlay(window, window.map, content, config, language, sizes)
        self.attract.pressed.connect(self.wake)
        self.still = StillThereOverlay(window, self.idle, language, sizes)
        self.pad = PinPad(window, self.pins, language, sizes)
        self.pad.used.connect(self.idle.touch)
        self.pad.accepted.connect(self._on_pad_accepted)
        self.pad.cancelled.connect(self.close_staff)
        self.staff = StaffPanel(window, report, record, language, sizes)
        self.staff.back.connect(self.close_staff)
        self.staff.reload_requested.connect(self.reload_requested)
        self.staff.exit_requested.connect(self._on_staff_exit)
        self._overlays = (self.attract, self.still, self.pad, self.staff)

        self.idle.reset.connect(self.reset)
        window.installEventFilter(self)
        _app().installEventFilter(self)
        self._hides_cursor = config.kiosk.hide_cursor
        self._lock_window()
        self.reset()

    # --- the window -----------------------------------------------------------------

    def _lock_window(self) -> None:
        window = self.window
        app = _app()
        app.setQuitOnLastWindowClosed(False)
        QPixmapCache.setCacheLimit(PIXMAP_CACHE_KIB)
        visible = window.isVisible()
        window.setWindowFlags(
            window.windowFlags() | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
        )
        if visible:  # new flags hide a shown window
            window.show()
        window.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        window.set_kiosk(True, self.config.branding)
        screens = QGuiApplication.screens()
        screen = screens[min(self.config.kiosk.screen, len(screens) - 1)] if screens else None
        if screen is not None:
            window.setGeometry(screen.geometry())
        if self._hides_cursor:
            app.setOverrideCursor(Qt.CursorShape.BlankCursor)  # one per shell; retire() takes it back

    def show(self) -> None:
        self.window.showFullScreen()

    def retire(self) -> None:
        """Step aside for a reloaded window: stop everything, give back what it took, let the window go."""
        self.attract.stop()
        self._hold_timer.stop()
        self.idle.blockSignals(True)
        app = _app()
        app.removeEventFilter(self)
        self.window.removeEventFilter(self)
        if self._hides_cursor:
            app.restoreOverrideCursor()
            self._hides_cursor = False
        self._player.stop()
        self.window.hide()
        self.window.deleteLater()

    # --- idle, attract ---------------------------------------------------------------------

    def reset(self) -> None:
        """Back to how a new visitor should find it: the map, nothing chosen, the attract loop."""
        self.close_staff()
        self._player.stop()
        self.window.map.select_zone(None)
        self.window.show_map()
        if self._language.code != self._default_lang:
            self._language.set(self._default_lang)
        self._sizes.set_step(self.config.kiosk.text_size - 1)
        self.still.hide()
        self.attract.start()
        if self.idle.state != IdleState.RESTING:
            self.idle.rest()
        _return_free_memory()

    def wake(self) -> None:
        """The first touch after the attract loop only wakes the kiosk; it chooses nothing."""
        self.attract.stop()
        self.idle.touch()

    @property
    def corner_held(self) -> bool:
        """Whether someone is holding the staff corner now (the PIN pad opens after 3 s)."""
        return self._hold_timer.isActive()

    @property
    def attract_zone(self) -> str | None:
        """The zone the attract loop shows now, if it runs."""
        return self.attract.zone

    # --- staff ------------------------------------------------------------------------------

    def open_pin_pad(self) -> None:
        self.pad.open()

    def close_staff(self) -> None:
        self.pad.close_pad()
        self.staff.hide()

    def _on_pad_accepted(self) -> None:
        self.staff.open()

    def _on_staff_exit(self) -> None:
        logger.info("staff exit")
        self.exit_requested.emit(Ending.STAFF_EXIT)

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
            for overlay in self._overlays:
                overlay.fit()
        if kind == QEvent.Type.ContextMenu:
            return True
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            assert isinstance(event, QKeyEvent)
            if self._on_key(event):
                return True
        if kind in _INPUT:
            state = self.idle.state
            if state == IdleState.ACTIVE or (state == IdleState.STILL_THERE and kind == QEvent.Type.MouseButtonPress):
                self.idle.touch()
            self._watch_corner(watched, event)
        return False

    def _on_key(self, event: QKeyEvent) -> bool:
        """Staff keys open the pad, escape keys do nothing; True if the key was handled here."""
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        pressed = event.type() == QEvent.Type.KeyPress
        staff_keys = (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
        )
        if key == Qt.Key.Key_K and mods == staff_keys:
            if pressed:
                self.open_pin_pad()
            return True
        if any(key == k and mods == m for k, m in _escape_keys()):
            if pressed:
                logger.info("kiosk: ignored an escape key (%s)", QKeyEvent.keyCombination(event).toCombined())
            event.accept()
            return True
        return False

    def _watch_corner(self, watched: QObject, event: QEvent) -> None:
        if not isinstance(event, QMouseEvent) or not isinstance(watched, QWidget):
            return
        if event.type() == QEvent.Type.MouseButtonPress:
            pos = (
                watched.mapTo(self.window, event.position().toPoint())
                if watched is not self.window
                else event.position().toPoint()
            )
            if watched.window() is self.window and pos.x() < CORNER_PX and pos.y() < CORNER_PX:
                self._hold_timer.start()
        elif event.type() == QEvent.Type.MouseButtonRelease:
            self._hold_timer.stop()


def _app() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication), "the kiosk needs a QApplication"
    return app


def _return_free_memory() -> None:
    """Hand freed heap back to the system (glibc's malloc_trim): a kiosk runs for weeks, and
    memory freed by one visitor's session otherwise stays with the process, fragmented."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: nothing to do
        pass
