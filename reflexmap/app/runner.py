"""Running the window: the desktop app, or the kiosk with its hot reload and the systemd watchdog."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from reflexmap.app.build import Built, KioskRun, build
from reflexmap.app.files import Loaded, load_files
from reflexmap.app.logs import log_exception
from reflexmap.app.placing import place, remember_when_closing
from reflexmap.app.reloader import Reloader
from reflexmap.kiosk import Ending
from reflexmap.options import Paths, WindowOptions
from reflexmap.systemd import WatchdogNotifier

__all__ = ["run_desktop", "run_kiosk"]


def run_desktop(app: QApplication, built: Built, options: WindowOptions) -> int:
    """Show the window (fitted to the screen, or where it was left) and run until it is closed."""
    sys.excepthook = log_exception
    if options.size is None:
        place(built.window, built.sizes)
        remember_when_closing(app, built.window)
    built.window.show()
    return app.exec()


def run_kiosk(
    app: QApplication, built: Built, loaded: Loaded, paths: Paths, options: WindowOptions, kiosk_run: KioskRun
) -> int:
    """Show the kiosk full screen and run it until staff exit, reloading good edits on the way."""
    reloader = Reloader(
        lambda: load_files(paths),
        lambda new: build(new, options, kiosk_run=kiosk_run),
        built,
        loaded,
        kiosk_run.report,
        parent=app,
    )
    reloader.install()

    def on_exit_requested(why: Ending) -> None:
        if kiosk_run.record is not None:
            kiosk_run.record.ended(why)
        # exit(), not quit(): quit() first asks the windows to close, and a kiosk window refuses
        app.exit(0)

    reloader.exit_requested.connect(on_exit_requested)
    watchdog = WatchdogNotifier(parent=app)
    assert built.kiosk is not None
    built.kiosk.show()
    watchdog.start()
    status = app.exec()
    watchdog.stopping()
    return status
