"""The kiosk shell: locks the main window, routes its input, and wires the visitors' and the staff's parts.

:class:`KioskShell` makes a :class:`~reflexmap.ui.main_window.MainWindow` an
unattended exhibit: full screen, in front, with no context menus and no way
to close it by keys; input resets the idle watch, which brings back the
attract loop; holding the staff corner (``[kiosk] staff_corner``, the
bottom-right one unless configured) for 3 s, or Ctrl+Alt+Shift+K, opens the
PIN pad in front of the staff panel.  The overlays are their own widgets
(attract, still there, PIN pad, staff panel), looked after by two parts:
:class:`~reflexmap.ui.kiosk.visitor_flow.VisitorFlow` (the attract loop,
"Still there?") and :class:`~reflexmap.ui.kiosk.staff_flow.StaffFlow` (the
staff corner, the PIN pad, the staff panel); this class builds the engines
and the parts, locks the window and routes the input.  Only the attract loop
is built with the kiosk: it is the first frame.  The others are built when
first needed, and the window is locked (its flags, the hidden cursor, the
guard) when the kiosk takes the screen (:meth:`KioskShell.show`): a
``--screenshot`` needs none of it.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QPixmapCache
from PySide6.QtWidgets import QApplication

from reflexmap.clock import Clock, monotonic
from reflexmap.config import Config
from reflexmap.content import Content
from reflexmap.fast_start import qt, set_enum
from reflexmap.i18n import Language
from reflexmap.kiosk.idle import IdleWatch
from reflexmap.kiosk.pins import PinGate
from reflexmap.kiosk.run_record import RunRecord
from reflexmap.kiosk.staff_report import StaffReport
from reflexmap.ui.fonts import TextSize
from reflexmap.ui.kiosk.staff_flow import StaffFlow
from reflexmap.ui.kiosk.visitor_flow import VisitorFlow
from reflexmap.ui.main_window import MainWindow

if TYPE_CHECKING:
    from reflexmap.ui.kiosk.guard import WindowGuard
    from reflexmap.ui.kiosk.pin_pad import PinPad
    from reflexmap.ui.kiosk.staff_panel import StaffPanel
    from reflexmap.ui.kiosk.still_there import StillThereOverlay

__all__ = ["KioskShell"]

logger = logging.getLogger(__name__)

#: Qt keeps drawn bits of widgets in a 10 MB cache that fills over hours of visitors,
#: languages and text sizes; on a kiosk PC running for weeks, 2 MB will do.
PIXMAP_CACHE_KIB = 2048


def _escape_keys() -> tuple[tuple[object, object], ...]:
    """Keys that close or leave a window elsewhere; here they do nothing."""
    Qt = qt()
    return (
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    )


@functools.cache
def _input_events() -> frozenset[QEvent.Type]:
    """Every kind of input (made when the first event arrives, not at import)."""
    t = QEvent.Type
    return frozenset(
        {
            t.MouseButtonPress,
            t.MouseButtonRelease,
            t.MouseMove,
            t.KeyPress,
            t.TouchBegin,
            t.TouchUpdate,
            t.Wheel,
        }
    )


class KioskShell(QObject):
    """Turns ``window`` into the salon's locked, self-resetting exhibit.

    ``exit_requested`` (with how the run ends: staff exit or staff restart)
    and ``reload_requested`` are staff decisions, carried out by whoever runs
    the kiosk; ``staff_left`` says staff closed the panel (a reload that
    waited for them can land).  ``logo`` is the salon's logo as
    :func:`~reflexmap.app.files.load_files` checked it (its bytes and kind):
    the attract screen draws exactly those bytes.
    """

    exit_requested = Signal(object)  # an Ending
    reload_requested = Signal()
    staff_left = Signal()

    def __init__(
        self,
        window: MainWindow,
        config: Config,
        language: Language,
        content: Content,
        sizes: TextSize,
        report: StaffReport,
        record: RunRecord | None = None,
        clock: Clock = monotonic,
        cache_dir: Path | None = None,
        logo: tuple[bytes, str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.config = config
        self.idle = IdleWatch(config.kiosk.idle_seconds, config.kiosk.still_there_seconds, clock=clock, parent=self)
        self.pins = PinGate(config.kiosk.pin_hash, clock=clock, parent=self)
        self._staff_flow = StaffFlow(
            window, config.kiosk, self.pins, self.idle, report, record, language, sizes, clock=clock, parent=self
        )
        self._staff_flow.exit_requested.connect(self.exit_requested)
        self._staff_flow.reload_requested.connect(self.reload_requested)
        self._staff_flow.staff_left.connect(self.staff_left)
        self._visitor_flow = VisitorFlow(
            window, config, self.idle, language, content, sizes, cache_dir, logo=logo, parent=self
        )
        self.attract = self._visitor_flow.attract
        self._guard: WindowGuard | None = None
        self._locked = False
        self._resetting = False

        self.idle.reset.connect(self._on_idle_reset)
        window.installEventFilter(self)
        app = _app()
        # every input of the application passes through eventFilter once the event loop runs (no one can
        # touch the kiosk before): none of the hundreds of events of building the first frame do
        self._filtering = False
        self._start_filtering = QTimer(self)
        self._start_filtering.setSingleShot(True)
        self._start_filtering.setInterval(0)
        self._start_filtering.timeout.connect(self._on_start_filtering_timeout)
        self._start_filtering.start()
        app.setQuitOnLastWindowClosed(False)
        QPixmapCache.setCacheLimit(PIXMAP_CACHE_KIB)
        set_enum(window, "contextMenuPolicy", "NoContextMenu")
        window.set_kiosk(True, config.branding)
        self._reset(trim=False)

    # --- the overlays, built when first needed ---------------------------------------------

    @property
    def still(self) -> StillThereOverlay:
        return self._visitor_flow.still

    @property
    def pad(self) -> PinPad:
        return self._staff_flow.pad

    @property
    def staff(self) -> StaffPanel:
        return self._staff_flow.panel

    @property
    def staff_busy(self) -> bool:
        """Whether staff are at the PIN pad or in the staff panel (a reload waits for them)."""
        return self._staff_flow.busy

    # --- the window -----------------------------------------------------------------

    def screen_rect(self) -> QRect:
        """The geometry of the screen the kiosk fills (``[kiosk] screen``)."""
        screens = QGuiApplication.screens()
        if not screens:
            return self.window.geometry()
        return screens[min(self.config.kiosk.screen, len(screens) - 1)].geometry()

    def show(self) -> None:
        """Take the screen: frameless, in front, full screen, the cursor hidden; guarded in a desktop session."""
        if not self._filtering:
            self._start_filtering.stop()
            self._on_start_filtering_timeout()
        self._lock_window()
        self.window.setGeometry(self.screen_rect())
        self.window.showFullScreen()
        self.window.activateWindow()
        if self._guard is None and QGuiApplication.platformName() not in ("wayland", "offscreen", "minimal"):
            from reflexmap.ui.kiosk.guard import WindowGuard

            self._guard = WindowGuard(self.window, self.screen_rect, self)
            self._guard.start()

    def _lock_window(self) -> None:
        if self._locked:
            return
        self._locked = True
        Qt = qt()  # the window's flags and the cursor are enums: built here, when the kiosk takes the screen
        window = self.window
        flags = window.windowFlags() | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
        if QGuiApplication.platformName() == "xcb":
            # no window manager action applies to it: nothing to minimize, move, close or send away
            flags |= Qt.WindowType.X11BypassWindowManagerHint
        visible = window.isVisible()
        window.setWindowFlags(flags)
        if visible:  # new flags hide a shown window
            window.show()
        if self.config.kiosk.hide_cursor:
            _app().setOverrideCursor(Qt.CursorShape.BlankCursor)  # one per shell; retire() takes it back

    @property
    def guard(self) -> WindowGuard | None:
        """What keeps the window in front in a desktop session (None elsewhere, or before :meth:`show`)."""
        return self._guard

    def retire(self) -> None:
        """Step aside for a reloaded window: stop everything, give back what it took, let the window go."""
        if self._guard is not None:
            self._guard.stop()
            self._guard = None
        self.idle.blockSignals(True)
        self._staff_flow.stop()
        self._visitor_flow.stop()
        app = _app()
        self._start_filtering.stop()
        if self._filtering:
            app.removeEventFilter(self)
        self.window.removeEventFilter(self)
        if self._locked and self.config.kiosk.hide_cursor:
            app.restoreOverrideCursor()
        self._locked = False
        self.window.hide()
        self.window.deleteLater()

    # --- visitors ---------------------------------------------------------------------------

    def reset(self) -> None:
        """Back to how a new visitor should find it: the map, nothing chosen, the attract loop."""
        self._reset(trim=True)

    def _on_idle_reset(self) -> None:
        self._reset(trim=True)

    def _reset(self, trim: bool) -> None:
        if self._resetting:  # the idle watch says so when this reset makes it rest: once is enough
            return
        self._resetting = True
        try:
            self._staff_flow.close(notify=False)
            self._visitor_flow.clear()
        finally:
            self._resetting = False
        if trim:
            _return_free_memory()

    def wake(self) -> None:
        """The first touch after the attract loop only wakes the kiosk; it chooses nothing."""
        self._visitor_flow.wake()

    @property
    def attract_zone(self) -> str | None:
        """The zone the attract loop shows now, if it runs."""
        return self._visitor_flow.attract_zone

    # --- staff ------------------------------------------------------------------------------

    def open_pin_pad(self) -> None:
        self._staff_flow.open_pin_pad()

    def close_staff(self) -> None:
        """Close the PIN pad and the staff panel: back to visitors."""
        self._staff_flow.close_staff()

    @property
    def corner_held(self) -> bool:
        """Whether someone is holding the staff corner now (the PIN pad opens after 3 s)."""
        return self._staff_flow.corner_held

    def corner_rect(self) -> QRect:
        """The staff corner, in the window's coordinates."""
        return self._staff_flow.corner_rect()

    # --- input --------------------------------------------------------------------------------

    def _on_start_filtering_timeout(self) -> None:
        self._filtering = True
        _app().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.window:
            if kind == QEvent.Type.Close:
                event.ignore()
                return True
            if kind == QEvent.Type.Resize:
                self._visitor_flow.fit()
                self._staff_flow.fit()
        if kind == QEvent.Type.ContextMenu:
            return True
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            assert isinstance(event, QKeyEvent)
            if self._on_key(event):
                return True
        if kind in _input_events():
            self._visitor_flow.touch(kind)
            self._staff_flow.touch(watched, event)  # staff at work: their timeouts start again
        return False

    def _on_key(self, event: QKeyEvent) -> bool:
        """Staff keys open the pad, escape keys do nothing; True if the key was handled here."""
        Qt = qt()
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
