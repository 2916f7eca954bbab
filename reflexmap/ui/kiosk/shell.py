"""The kiosk shell: locks the main window and coordinates its overlays.

:class:`KioskShell` makes a :class:`~reflexmap.ui.main_window.MainWindow` an
unattended exhibit: full screen, in front, with no context menus and no way
to close it by keys; input resets the idle watch, which brings back the
attract loop; holding the staff corner (``[kiosk] staff_corner``, the
bottom-right one unless configured) for 3 s, or Ctrl+Alt+Shift+K, opens the
PIN pad in front of the staff panel.  The overlays are their own widgets
(attract, still there, PIN pad, staff panel); this class only wires them
together.  Only the attract loop is built with the kiosk: it is the first
frame.  The others are built when first needed, and the window is locked
(its flags, the hidden cursor, the guard) when the kiosk takes the screen
(:meth:`KioskShell.show`): a ``--screenshot`` needs none of it.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QObject, QRect, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QMouseEvent, QPixmapCache
from PySide6.QtWidgets import QApplication, QWidget

from reflexmap.clock import Clock, monotonic
from reflexmap.config import Config
from reflexmap.content import Content
from reflexmap.fast_start import qt, set_enum
from reflexmap.i18n import Language
from reflexmap.kiosk.idle import Activity, IdleState, IdleWatch
from reflexmap.kiosk.pins import PinGate
from reflexmap.kiosk.run_record import Ending, RunRecord
from reflexmap.kiosk.staff_report import StaffReport
from reflexmap.ui.fonts import TextSize
from reflexmap.ui.kiosk.attract import AttractOverlay
from reflexmap.ui.kiosk.overlay import Overlay
from reflexmap.ui.main_window import MainWindow

if TYPE_CHECKING:
    from reflexmap.player import RoutinePlayer, State
    from reflexmap.speech import Voice
    from reflexmap.ui.kiosk.guard import WindowGuard
    from reflexmap.ui.kiosk.pin_pad import PinPad
    from reflexmap.ui.kiosk.staff_panel import StaffPanel
    from reflexmap.ui.kiosk.still_there import StillThereOverlay

__all__ = ["CORNER_PX", "HOLD_SECONDS", "KioskShell"]

AnOverlay = TypeVar("AnOverlay", bound=Overlay)

logger = logging.getLogger(__name__)

#: The corner a member of staff holds to get out, and for how long.
CORNER_PX = 80
HOLD_SECONDS = 3.0
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


def _activity(state: State) -> Activity:
    """What a player state means for idleness: playing on its own is use; waiting for the visitor is not."""
    from reflexmap.player import State  # loaded with the Routines tab, not with the kiosk

    if state in (State.LEAD_IN, State.RUNNING):
        return Activity.PLAYING
    if state in (State.PAUSED, State.WAITING):
        return Activity.WAITING
    return Activity.NONE


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
        self._language = language
        self._player: RoutinePlayer | None = None  # the Routines tab's, once a visitor opens it
        self._voice: Voice | None = None  # likewise
        self._sizes = sizes
        self._report = report
        self._record = record
        self._clock = clock
        self._default_lang = language.code
        self.idle = IdleWatch(config.kiosk.idle_seconds, config.kiosk.still_there_seconds, clock=clock, parent=self)
        self.pins = PinGate(config.kiosk.pin_hash, clock=clock, parent=self)
        self._hold_timer = QTimer(self)
        self._hold_timer.setSingleShot(True)
        self._hold_timer.setInterval(round(HOLD_SECONDS * 1000))
        self._hold_timer.timeout.connect(self._on_hold_timeout)

        self.attract = AttractOverlay(
            window, window.map, content, config, language, sizes, cache_dir, window.panel, logo=logo
        )
        self.attract.pressed.connect(self.wake)
        self._still: StillThereOverlay | None = None
        self._pad: PinPad | None = None
        self._staff: StaffPanel | None = None
        self._overlays: list[Overlay] = [self.attract]
        self._guard: WindowGuard | None = None
        self._locked = False
        self._resetting = False

        window.tabs.currentChanged.connect(self._on_tab_changed)
        self.idle.state_changed.connect(self._on_idle_state_changed)
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
        if self._still is None:
            from reflexmap.ui.kiosk.still_there import StillThereOverlay

            self._still = self._add(StillThereOverlay(self.window, self.idle, self._language, self._sizes))
        return self._still

    @property
    def pad(self) -> PinPad:
        if self._pad is None:
            from reflexmap.ui.kiosk.pin_pad import PinPad

            pad = PinPad(self.window, self.pins, self._language, self._sizes, clock=self._clock)
            pad.used.connect(self._on_pad_used)
            pad.accepted.connect(self._on_pad_accepted)
            pad.cancelled.connect(self.close_staff)
            self._pad = self._add(pad)
        return self._pad

    @property
    def staff(self) -> StaffPanel:
        if self._staff is None:
            from reflexmap.ui.kiosk.staff_panel import StaffPanel

            staff = StaffPanel(
                self.window,
                self._report,
                self._record,
                self._language,
                self._sizes,
                clock=self._clock,
                seconds=self.config.kiosk.staff_panel_seconds,
            )
            staff.back.connect(self.close_staff)
            staff.timed_out.connect(self._on_staff_timed_out)
            staff.reload_requested.connect(self.reload_requested)
            staff.restart_requested.connect(self._on_staff_restart)
            staff.exit_requested.connect(self._on_staff_exit)
            self._staff = self._add(staff)
        return self._staff

    def _add(self, overlay: AnOverlay) -> AnOverlay:
        self._overlays.append(overlay)
        return overlay

    @property
    def staff_busy(self) -> bool:
        """Whether staff are at the PIN pad or in the staff panel (a reload waits for them)."""
        return any(o is not None and o.isVisible() for o in (self._pad, self._staff))

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
        self.attract.stop()
        self._hold_timer.stop()
        self.idle.blockSignals(True)
        for overlay in (self._pad, self._staff):
            if overlay is not None:
                overlay.blockSignals(True)
        app = _app()
        self._start_filtering.stop()
        if self._filtering:
            app.removeEventFilter(self)
        self.window.removeEventFilter(self)
        if self._locked and self.config.kiosk.hide_cursor:
            app.restoreOverrideCursor()
        self._locked = False
        if self._player is not None:
            self._player.stop()
        self.window.hide()
        self.window.deleteLater()

    # --- idle, attract ---------------------------------------------------------------------

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
            self._reset_now()
        finally:
            self._resetting = False
        if trim:
            _return_free_memory()

    def _reset_now(self) -> None:
        self._close_staff(notify=False)
        if self._player is not None:
            self._player.stop()
        if self._voice is not None:  # a visitor's choice is not the next one's
            self._voice.set_enabled(self.config.kiosk.voice)
        self.window.map.select_zone(None)
        self.window.show_map()
        if self._language.code != self._default_lang:
            self._language.set(self._default_lang)
        self._sizes.set_step(self.config.kiosk.text_size - 1)
        if self._still is not None:
            self._still.hide()
        self.attract.start()
        if self.idle.state != IdleState.RESTING:
            self.idle.rest()

    def wake(self) -> None:
        """The first touch after the attract loop only wakes the kiosk; it chooses nothing."""
        self.attract.stop()
        self.idle.touch()

    @property
    def corner_held(self) -> bool:
        """Whether someone is holding the staff corner now (the PIN pad opens after 3 s)."""
        return self._hold_timer.isActive()

    def corner_rect(self) -> QRect:
        """The staff corner, in the window's coordinates."""
        corner = self.config.kiosk.staff_corner
        w, h = self.window.width(), self.window.height()
        x = 0 if corner.endswith("left") else w - CORNER_PX
        y = 0 if corner.startswith("top") else h - CORNER_PX
        return QRect(x, y, CORNER_PX, CORNER_PX)

    @property
    def attract_zone(self) -> str | None:
        """The zone the attract loop shows now, if it runs."""
        return self.attract.zone

    def _on_tab_changed(self, index: int) -> None:
        if self._player is None and index != 0:  # the Routines tab: built now, with its player
            self._player = self.window.routines.player
            self._voice = self.window.routines.voice
            self._player.state_changed.connect(self._on_player_state_changed)
            self._on_player_state_changed(self._player.state)

    def _on_player_state_changed(self, state: State) -> None:
        self.idle.set_activity(_activity(state))

    def _on_idle_state_changed(self, state: IdleState) -> None:
        if state == IdleState.STILL_THERE:
            self.still  # noqa: B018 - built now, it shows itself while the watch asks

    # --- staff ------------------------------------------------------------------------------

    def open_pin_pad(self) -> None:
        if self._staff is not None and self._staff.isVisible():
            return
        self.pad.open()

    def close_staff(self) -> None:
        """Close the PIN pad and the staff panel: back to visitors."""
        self._close_staff(notify=True)

    def _close_staff(self, notify: bool) -> None:
        if self._pad is not None:
            self._pad.close_pad()
        if self._staff is not None and self._staff.isVisible():
            self._staff.close_panel()
            self.idle.hold(False)
            logger.info("staff left the staff panel")
            if notify:
                self.staff_left.emit()

    def _on_pad_used(self) -> None:
        if self.idle.state != IdleState.RESTING:
            self.idle.touch()

    def _on_pad_accepted(self) -> None:
        self.idle.hold(True)  # the visitors' idle time does not throw staff out
        self.staff.open()

    def _on_staff_timed_out(self) -> None:
        logger.info("the staff panel closed after %.0f s without a touch", self.config.kiosk.staff_panel_seconds)
        self.close_staff()
        self.idle.rest()  # nobody there for minutes: the attract loop

    def _on_staff_exit(self) -> None:
        logger.info("staff exit")
        self.exit_requested.emit(Ending.STAFF_EXIT)

    def _on_staff_restart(self) -> None:
        logger.info("staff restart")
        self.exit_requested.emit(Ending.STAFF_RESTART)

    def _on_hold_timeout(self) -> None:
        logger.info("staff corner held for %.0f s", HOLD_SECONDS)
        self.open_pin_pad()

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
                for overlay in self._overlays:
                    overlay.fit()
        if kind == QEvent.Type.ContextMenu:
            return True
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            assert isinstance(event, QKeyEvent)
            if self._on_key(event):
                return True
        if kind in _input_events():
            state = self.idle.state
            if state == IdleState.ACTIVE or (state == IdleState.STILL_THERE and kind == QEvent.Type.MouseButtonPress):
                self.idle.touch()
            if self._pad is not None and self._pad.isVisible():
                self._pad.touch()  # staff at work: their timeouts start again
            if self._staff is not None and self._staff.isVisible():
                self._staff.touch()
            self._watch_corner(watched, event)
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

    def _watch_corner(self, watched: QObject, event: QEvent) -> None:
        if not isinstance(event, QMouseEvent) or not isinstance(watched, QWidget):
            return
        if event.type() == QEvent.Type.MouseButtonPress:
            pos = (
                watched.mapTo(self.window, event.position().toPoint())
                if watched is not self.window
                else event.position().toPoint()
            )
            if watched.window() is self.window and self.corner_rect().contains(pos):
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
