"""Running the window: the desktop app, or the kiosk with its hot reload, the systemd watchdog and its exits.

How a kiosk run ends decides its exit status, which the shipped units act on
(``packaging/``): staff exit is :data:`~reflexmap.systemd.EXIT_STAFF`, which
they do not restart; a stop (SIGTERM from systemd, Ctrl+C) is a clean 0;
staff restart starts the program again in place (same process: cage, the
session and systemd's supervision stay), or, if that fails,
:data:`~reflexmap.systemd.EXIT_RESTART`, which the units restart.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import sys
from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from reflexmap.app.build import Built, KioskRun, build
from reflexmap.app.files import Loaded, load_files
from reflexmap.app.logs import log_exception
from reflexmap.app.placing import place, remember_when_closing
from reflexmap.app.reloader import Reloader
from reflexmap.app.startup import show_app_icon
from reflexmap.kiosk.run_record import Ending
from reflexmap.options import Paths, WindowOptions
from reflexmap.start_marker import StartMarker
from reflexmap.systemd import EXIT_RESTART, EXIT_STAFF, WatchdogNotifier, report_exit_status

__all__ = ["FirstFrame", "StopOnSignals", "restart_in_place", "run_desktop", "run_kiosk"]

logger = logging.getLogger(__name__)

#: After the map's first paint, how long the event loop runs on before the start counts as done.
FIRST_FRAME_GRACE_MS = 1000


def run_desktop(app: QApplication, built: Built, options: WindowOptions, marker: StartMarker | None = None) -> int:
    """Show the window (fitted to the screen, or where it was left) and run until it is closed.

    ``marker`` (the start's, see :mod:`reflexmap.start_marker`) is cleared once the first frame is shown.
    """
    sys.excepthook = log_exception
    if options.size is None:
        place(built.window, built.sizes)
        remember_when_closing(app, built.window)
    built.window.show()
    FirstFrame(built.window.map, lambda: show_app_icon(app), grace_ms=0, parent=app)
    if marker is not None:
        FirstFrame(built.window.map, marker.done, parent=app)
    status = app.exec()
    if marker is not None:
        marker.done()  # the loop ran and ended as asked: whatever it was drawing did not stop it
    return status


class FirstFrame(QObject):
    """Calls ``then`` once ``widget`` has been painted and the event loop has run on for ``grace_ms``.

    The start's marker waits for this: what the first frame draws (the art,
    and the zones' masks made with it) is then done.
    """

    def __init__(
        self,
        widget: QWidget,
        then: Callable[[], None],
        grace_ms: int = FIRST_FRAME_GRACE_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._widget = widget
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(grace_ms)
        self._timer.timeout.connect(then)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            self._timer.start()
        return False


def restart_in_place() -> None:
    """Start this program again with the same command line, in this process (returns only if that fails)."""
    for handler in logging.getLogger().handlers:
        handler.flush()
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])
    except OSError as e:
        logger.error("cannot start reflexmap again in place (%s): exiting for systemd to restart it", e)


class StopOnSignals(QObject):
    """SIGTERM (systemd stopping the unit, a shutdown) and SIGINT end the event loop cleanly.

    Python runs signal handlers only between bytecodes, and Qt's loop runs
    none while it waits: the signal wakes the loop through a socket
    (``signal.set_wakeup_fd``).  A loop that is frozen never ends this way:
    it is then killed, and the next start tells (see :class:`~reflexmap.kiosk.run_record.RunRecord`).
    """

    def __init__(self, app: QApplication, signals: tuple[int, ...] = (signal.SIGTERM, signal.SIGINT)) -> None:
        super().__init__(app)
        self._app = app
        self.received: int | None = None
        self._read, self._write = socket.socketpair()
        for end in (self._read, self._write):
            end.setblocking(False)
        self._old_fd = signal.set_wakeup_fd(self._write.fileno(), warn_on_full_buffer=False)
        self._old = {s: signal.signal(s, self._on_signal) for s in signals}
        self._notifier = QSocketNotifier(self._read.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_readable)

    def _on_signal(self, number: int, frame: object) -> None:
        self.received = number  # the wake-up socket has the number too: the loop ends in _on_readable

    def _on_readable(self) -> None:
        try:
            data = self._read.recv(64)
        except BlockingIOError:
            return
        if data:
            number = data[-1]
            self.received = number
            logger.info("stopping on %s", signal.Signals(number).name)
            self._app.exit(0)

    def uninstall(self) -> None:
        self._notifier.setEnabled(False)
        for number, old in self._old.items():
            signal.signal(number, old)
        signal.set_wakeup_fd(self._old_fd)
        self._read.close()
        self._write.close()


def run_kiosk(
    app: QApplication,
    built: Built,
    loaded: Loaded,
    paths: Paths,
    options: WindowOptions,
    kiosk_run: KioskRun,
    *,
    restart: Callable[[], None] = restart_in_place,
    environ: Mapping[str, str] | None = None,
    marker: StartMarker | None = None,
) -> int:
    """Show the kiosk full screen and run it until staff exit, a restart or a stop; the exit status.

    ``restart`` starts the program again in place (tests pass their own);
    ``environ`` is where systemd's variables are read (``NOTIFY_SOCKET``...);
    ``marker`` (the start's, see :mod:`reflexmap.start_marker`) is cleared
    once the first frame is shown, and names each file a reload reads.
    """
    record = kiosk_run.record
    if record is not None:
        record.begin()

    def load() -> Loaded:
        loaded = load_files(paths, marker)
        if marker is not None:
            marker.done()  # read: the new kiosk is built (and drawn) later, at a quiet moment
        return loaded

    try:
        reloader = Reloader(
            load,
            lambda new: build(new, options, kiosk_run=kiosk_run),
            built,
            loaded,
            kiosk_run.report,
            parent=app,
        )
        reloader.install()
        endings: list[Ending] = []

        def on_exit_requested(why: Ending) -> None:
            endings.append(why)
            # exit(), not quit(): quit() first asks the windows to close, and a kiosk window refuses
            app.exit(0)

        reloader.exit_requested.connect(on_exit_requested)
        watchdog = WatchdogNotifier(environ, parent=app)
        within = watchdog.watchdog_seconds
        if record is not None and within is not None:
            watchdog.pinged.connect(lambda: record.alive(within))  # the last sign of life, for the next start
        stop = StopOnSignals(app)
        assert built.kiosk is not None
        built.kiosk.show()
        FirstFrame(built.window.map, lambda: show_app_icon(app), grace_ms=0, parent=reloader)
        # and should a reload replace that window before it is drawn, a moment later all the same
        QTimer.singleShot(FIRST_FRAME_GRACE_MS, reloader, lambda: show_app_icon(app))
        if marker is not None:
            FirstFrame(built.window.map, marker.done, parent=reloader)
        watchdog.start()
        try:
            app.exec()
        finally:
            stop.uninstall()
    except BaseException:
        if record is not None:
            record.ended(Ending.CRASH)
        raise
    if marker is not None:
        marker.done()  # the loop ran and ended as asked (before a restart in place reads the marker again)
    why = endings[0] if endings else Ending.CLEAN_EXIT
    if record is not None:
        record.ended(why)
    if why == Ending.STAFF_RESTART:
        restart()  # returns only if the program could not start again in place
        status = EXIT_RESTART
    else:
        status = EXIT_STAFF if why == Ending.STAFF_EXIT else 0
    watchdog.stopping()
    report_exit_status(status, environ)
    return status
