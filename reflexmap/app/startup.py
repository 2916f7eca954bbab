"""Starting Qt: can a window be shown here, the QApplication, Qt's messages, and the screenshot command."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import NoReturn

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QWidget

from reflexmap import __version__
from reflexmap.resources import asset_path
from reflexmap.ui.style import QT_ARGUMENTS, apply_palette, use_fusion

__all__ = [
    "XCB_PACKAGES",
    "application",
    "display_problem",
    "exit_now",
    "install_message_handler",
    "screenshot",
    "show_app_icon",
]

#: Debian packages Qt's X11 (xcb) platform plugin needs; the README lists them too.
XCB_PACKAGES = (
    "libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 "
    "libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 "
    "libegl1 libgl1 libfontconfig1 libdbus-1-3"
)
#: A few of their libraries, looked up before Qt would abort without them.
_XCB_LIBRARIES = ("xcb-cursor", "xcb-icccm", "xcb-keysyms", "xkbcommon-x11", "EGL")

_app: QApplication | None = None


def display_problem() -> str | None:
    """Why a window cannot be shown here, in one line; None if it can."""
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith(("xcb", "wayland")):
        return None  # offscreen, eglfs, vnc...: the person chose it
    if os.environ.get("WAYLAND_DISPLAY") and not platform.startswith("xcb"):
        return None
    if not os.environ.get("DISPLAY"):
        return (
            "reflexmap: no display found (DISPLAY is not set); run it in a desktop session, "
            "or render a picture with: reflexmap --screenshot out.png"
        )
    from ctypes.util import find_library

    missing = [lib for lib in _XCB_LIBRARIES if find_library(lib) is None]
    if missing:
        return (
            f"reflexmap: Qt's X11 support needs libraries this machine lacks ({', '.join(missing)}); "
            f"install them with: apt install {XCB_PACKAGES}"
        )
    return None


def application() -> QApplication:
    """The process's QApplication, made once, with reflexmap's style and palette."""
    global _app
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        if existing is not _app:  # made by someone else (tests, embedding): its style is not ours yet
            use_fusion(existing)
            _dress(existing)
            _app = existing
        return existing
    _app = QApplication([*sys.argv[:1], *QT_ARGUMENTS])
    _app.setApplicationName("reflexmap")
    _app.setApplicationVersion(__version__)
    _app.setDesktopFileName("reflexmap")  # the Wayland app id (cage, a desktop's window list)
    _dress(_app)
    return _app


def _dress(app: QApplication) -> None:
    """reflexmap's palette on the application."""
    apply_palette(app)


def show_app_icon(app: QApplication) -> None:
    """reflexmap's icon on every window of ``app``: the taskbar's, the window switcher's.

    The runners set it once the first frame is on the screen: a window
    without it yet draws the same, and a screenshot has no window to show it on.
    """
    from PySide6.QtGui import QIcon

    if app.windowIcon().isNull():
        app.setWindowIcon(QIcon(str(asset_path("icons/reflexmap.svg"))))


_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, context: object, message: str) -> None:
    level = _LEVELS.get(kind, logging.WARNING)
    if "propagateSizeHints" in message or message.startswith("PulseAudioService") or "pipewire" in message:
        level = logging.DEBUG  # offscreen and sound-server chatter; sound.py says it once, plainly
    logging.getLogger("qt").log(level, "%s", message)


def install_message_handler() -> None:
    """Qt's own warnings go to reflexmap's log instead of stderr."""
    qInstallMessageHandler(_qt_message)


def screenshot(window: QWidget, path: Path) -> int:
    """Render the window, never shown, into a PNG: no screen needed, nothing flashes.  The exit status."""
    image = window.grab()
    if not image.save(str(path), "PNG"):
        print(f"reflexmap: could not write the screenshot to {path}.", file=sys.stderr)
        return 1
    return 0


def exit_now(status: int) -> NoReturn:
    """End the process without tearing anything down, once logs and output are flushed.

    For a command whose work is done (a screenshot): tearing down a window
    nobody will see only costs time.
    """
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
