"""Entry point: options, logging, the QApplication and the main window."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMainWindow

from reflexmap import __version__
from reflexmap.awake import ScreenAwake
from reflexmap.config import Config, ConfigError, load_config
from reflexmap.content import LANGUAGES, Content, load_content
from reflexmap.geometry import Art, ArtError, load_art
from reflexmap.i18n import Language, resolve_language, system_language
from reflexmap.messages import Message
from reflexmap.player import RoutinePlayer
from reflexmap.resources import asset_path
from reflexmap.routines import Routine, load_routines
from reflexmap.session import Session
from reflexmap.sound import SoundCues

__all__ = ["build_parser", "create_window", "main"]

logger = logging.getLogger(__name__)

#: Debian packages Qt's X11 (xcb) platform plugin needs; the README lists them too.
XCB_PACKAGES = (
    "libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 "
    "libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 "
    "libegl1 libgl1 libfontconfig1 libdbus-1-3"
)
#: A few of their libraries, looked up before Qt would abort without them.
_XCB_LIBRARIES = ("xcb-cursor", "xcb-icccm", "xcb-keysyms", "xkbcommon-x11", "EGL")

_app: QApplication | None = None


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not WIDTHxHEIGHT, e.g. 1280x800") from None
    if not (200 <= w <= 8000 and 200 <= h <= 8000):
        raise argparse.ArgumentTypeError(f"{text!r}: width and height must be between 200 and 8000")
    return w, h


def build_parser(zone_ids: tuple[str, ...] = ()) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reflexmap",
        description="Interactive foot reflex-zone map and self-massage guide.",
    )
    parser.add_argument("--art", type=Path, metavar="SVG", help="custom foot artwork (zones marked with data-zone)")
    parser.add_argument("--routines", type=Path, metavar="DIR", help="also load the routine files (*.toml) in DIR")
    parser.add_argument("--screenshot", type=Path, metavar="FILE.png", help="render the window to a PNG and exit")
    parser.add_argument("--zone", metavar="NAME", choices=zone_ids or None, help="select this zone at start")
    parser.add_argument("--lang", choices=LANGUAGES, help="start in this language (default: config, then system)")
    parser.add_argument("--config", type=Path, metavar="FILE", help="settings file (default: the user config folder)")
    parser.add_argument("--size", type=_size, default=(1280, 800), metavar="WxH", help="window size (default 1280x800)")
    parser.add_argument("--version", action="version", version=f"reflexmap {__version__}")
    return parser


def create_window(argv: list[str] | None = None) -> QMainWindow:
    """Build the main window from command-line style options; not shown, no event loop."""
    content = _builtin_content()
    opts = build_parser(content.zone_ids).parse_args(argv)
    return _build_window(opts, content)


def main(argv: list[str] | None = None) -> int:
    """Run the app; returns the process exit status."""
    content = _builtin_content()
    opts = build_parser(content.zone_ids).parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    if opts.screenshot is not None:
        # a picture needs no screen: render offscreen unless told otherwise
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    else:
        problem = _display_problem()
        if problem:
            print(problem, file=sys.stderr)
            return 2
    qInstallMessageHandler(_qt_message)
    app = _application()
    window = _build_window(opts, content)
    if opts.screenshot is not None:
        return _screenshot(window, opts.screenshot)
    window.show()
    return app.exec()


# --- building blocks ------------------------------------------------------------


def _builtin_content() -> Content:
    return load_content(asset_path("content.toml"), _cache_dir())


def _application() -> QApplication:
    global _app
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    _app = QApplication(sys.argv[:1])
    _app.setApplicationName("reflexmap")
    _app.setApplicationVersion(__version__)
    return _app


def _build_window(opts: argparse.Namespace, content: Content) -> QMainWindow:
    from reflexmap.ui.main_window import MainWindow  # widgets only once a QApplication exists
    from reflexmap.ui.style import apply_style

    apply_style(_application())
    config, notices = _load_config(opts.config)
    art, art_notices = _load_art(opts.art, content)
    routines, routine_notices = _load_routines(opts.routines)
    session = Session(
        art=art, content=content, routines=routines, player=RoutinePlayer(), sounds=SoundCues(),
        awake=ScreenAwake(), notices=notices + art_notices, routine_notices=routine_notices,
    )
    language = Language(resolve_language(opts.lang, config.language, system_language()), _cache_dir())
    window = MainWindow(session, language)
    language.setParent(window)
    session.player.setParent(window)
    session.sounds.setParent(window)
    window.resize(*opts.size)
    if opts.zone:
        window.map.select_zone(opts.zone)
    return window


def _cache_dir() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("reflexmap", appauthor=False)


def routine_folders(extra: Path | None = None) -> list[Path]:
    """Where routines come from, in order: built-in, the user's data folder, ``--routines``."""
    from platformdirs import user_data_path

    folders = [asset_path("routines"), user_data_path("reflexmap", appauthor=False) / "routines"]
    if extra is not None:
        folders.append(extra)
    return folders


def _load_routines(extra: Path | None) -> tuple[list[Routine], list[str]]:
    routines, notices = load_routines(routine_folders(extra), _cache_dir())
    if extra is not None and not extra.is_dir():
        notices.append(Message("{folder}: --routines names no folder.", folder=str(extra)))
    for notice in notices:
        logger.warning("%s", notice)
    return routines, notices


def _load_config(path: Path | None) -> tuple[Config, list[str]]:
    """The settings, or the defaults and a notice saying why."""
    try:
        return load_config(path), []
    except ConfigError as e:
        logger.warning("%s", e)
        return Config(), [Message("{problem} Using the default settings.", problem=e.args[0])]


def _load_art(path: Path | None, content: Content) -> tuple[Art, list[str]]:
    """The user's art if it is usable, else the built-in art and a notice saying why."""
    builtin = asset_path("art/feet.svg")
    cache = _cache_dir()
    if path is None:
        return load_art(builtin, cache), []
    try:
        art = load_art(path, cache)
    except ArtError as e:
        logger.warning("%s", e)
        return load_art(builtin, cache), [Message("{problem} Showing the built-in feet instead.", problem=e.args[0])]
    known = set(content.zone_ids)
    found = {s.zone for s in art.shapes}
    if not found & known:
        message = Message("{file}: none of its data-zone names ({names}) is a zone reflexmap knows.",
                          file=path.name, names=", ".join(sorted(found)))
        logger.warning("%s", message)
        return load_art(builtin, cache), [Message("{problem} Showing the built-in feet instead.", problem=message)]
    notices = []
    if found - known:
        unknown = ", ".join(sorted(found - known))
        notices.append(Message("{file}: data-zone names not known to reflexmap are ignored: {names}.",
                               file=path.name, names=unknown))
    return art, notices


def _screenshot(window: QMainWindow, path: Path) -> int:
    """Render the window, never shown, into a PNG: no screen needed, nothing flashes."""
    image = window.grab()
    if not image.save(str(path), "PNG"):
        print(f"reflexmap: could not write the screenshot to {path}.", file=sys.stderr)
        return 1
    return 0


def _display_problem() -> str | None:
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


def _qt_message(kind: QtMsgType, context: object, message: str) -> None:
    level = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }.get(kind, logging.WARNING)
    if "propagateSizeHints" in message or message.startswith("PulseAudioService"):
        level = logging.DEBUG  # offscreen and sound-server chatter; sound.py says it once, plainly
    logging.getLogger("qt").log(level, "%s", message)
