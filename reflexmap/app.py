"""Entry point: options, logging, the QApplication and the main window."""

from __future__ import annotations

import argparse
import functools
import gc
import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from platformdirs import user_state_path

from reflexmap import __version__
from reflexmap.config import Config, ConfigError, default_config_path, load_config
from reflexmap.content import LANGUAGES, Content, ContentError, load_content
from reflexmap.messages import Message
from reflexmap.resources import asset_path
from reflexmap.routines import Routine, load_routines

# isort: split
# Qt only now: once PySide6 is imported, its import hook reads the source of
# every module imported after it (for its __feature__ switch), so the Qt-free
# modules above come first.
from PySide6.QtCore import QObject, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMainWindow

from reflexmap.geometry import Art, ArtError, load_art
from reflexmap.i18n import Language, resolve_language, system_language
from reflexmap.session import Session

if TYPE_CHECKING:
    from reflexmap.ui.kiosk_shell import Kiosk

__all__ = ["build_parser", "create_window", "load_files", "main", "run"]

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
        description="Interactive foot reflex-zone map and self-massage guide. "
        "Also: `reflexmap check [...]` validates what a salon can customise, "
        "`reflexmap hash-pin` makes the staff PIN hash for the config file.",
    )
    parser.add_argument(
        "--kiosk", action="store_true", help="locked full-screen exhibit (also: kiosk.enabled in config)"
    )
    parser.add_argument("--config", type=Path, metavar="FILE", help="settings file (default: the user config folder)")
    parser.add_argument("--lang", choices=LANGUAGES, help="start in this language (default: config, then system)")
    parser.add_argument("--art", type=Path, metavar="SVG", help="custom foot artwork (zones marked with data-zone)")
    parser.add_argument("--routines", type=Path, metavar="DIR", help="also load the routine files (*.toml) in DIR")
    parser.add_argument("--screenshot", type=Path, metavar="FILE.png", help="render the window to a PNG and exit")
    parser.add_argument("--zone", metavar="NAME", choices=zone_ids or None, help="select this zone at start")
    parser.add_argument("--size", type=_size, default=(1280, 800), metavar="WxH", help="window size (default 1280x800)")
    parser.add_argument("--version", action="version", version=f"reflexmap {__version__}")
    return parser


def create_window(argv: list[str] | None = None) -> QMainWindow:
    """Build the main window from command-line style options; not shown, no event loop.

    With ``--kiosk`` (or kiosk.enabled in the config) the window comes with its
    :class:`~reflexmap.ui.kiosk_shell.Kiosk` as ``window.kiosk``.
    """
    content = _builtin_content()
    opts = build_parser(content.zone_ids).parse_args(argv)
    return _build_window(opts, load_files(opts))


def main(argv: list[str] | None = None, *, exit_after_screenshot: bool = False) -> int:
    """Run the app (or one of its commands); returns the process exit status.

    With ``exit_after_screenshot`` (the command line's entry points) a
    screenshot run ends the process as soon as the PNG is written and the log
    flushed: tearing down a window nobody will see took about 20 ms.
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] in (["hash-pin"], ["check"]):
        started()  # a command, not a window: no start-up to speed up
    if argv[:1] == ["hash-pin"]:
        return _hash_pin_command(argv[1:])
    if argv[:1] == ["check"]:
        return _check_command(argv[1:])
    content = _builtin_content()
    opts = build_parser(content.zone_ids).parse_args(argv)
    setup_logging()
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
    loaded = load_files(opts)
    window = _build_window(opts, loaded)
    if opts.screenshot is not None:
        status = _screenshot(window, opts.screenshot)
        if exit_after_screenshot:
            _exit_now(status)
        return status
    kiosk = getattr(window, "kiosk", None)
    if kiosk is None:
        sys.excepthook = _log_exception
        window.show()
        started()
        return app.exec()
    return _run_kiosk(app, opts, window, loaded)


# --- loading what the salon can customise -------------------------------------------


@dataclass
class Loaded:
    """Every file read for one start (or one reload), and what was wrong with them."""

    config: Config
    content: Content
    art: Art
    routines: list[Routine]
    notices: list[str]  # for the window's banner (desktop) or the staff panel (kiosk); Message objects
    routine_notices: list[str]
    problems: list[str] = field(default_factory=list)  # everything wrong, for `check` and hot reload
    watched: list[Path] = field(default_factory=list)  # files and folders whose changes reload the kiosk


def load_files(opts: argparse.Namespace) -> Loaded:
    """Config, content, art and routines; a bad file falls back to built-in content with a notice."""
    cache = _cache_dir()
    problems: list[str] = []
    config_path = opts.config or default_config_path()
    try:
        config = load_config(opts.config)
    except ConfigError as e:
        problems.append(e.args[0])
        config = Config()
    notices: list[str] = [Message("{problem} Using the default settings.", problem=p) for p in problems]

    content_path = config.path(config.content)
    content = _builtin_content()
    if content_path is not None:
        try:
            content = load_content(content_path, cache)
        except ContentError as e:
            problems.append(e.args[0])
            notices.append(Message("{problem} Using the built-in content.", problem=e.args[0]))

    art_path = opts.art or config.path(config.art)
    art, art_notices = _load_art(art_path, content)
    notices += art_notices
    problems += [n.params.get("problem", n) if isinstance(n, Message) else n for n in art_notices]

    extra = opts.routines or config.path(config.routines)
    routines, routine_notices = _load_routines(extra)
    problems += routine_notices

    logo = config.path(config.branding.logo)
    if logo is not None and not logo.is_file():
        message = Message(
            "{file}: line {line}, field {field}: {problem}.",
            file=config_path.name,
            line=line_of_config(config, "branding.logo"),
            field="branding.logo",
            problem=Message("no such file {path}", path=str(logo)),
        )
        problems.append(message)
        notices.append(message)
    for notice in notices:
        logger.warning("%s", notice)
    watched = [p for p in (config_path, content_path, art_path, logo, extra, *routine_folders()) if p is not None]
    return Loaded(config, content, art, routines, notices, routine_notices, problems, watched)


def line_of_config(config: Config, dotted: str) -> int | str:
    from reflexmap.schema import line_of

    try:
        return line_of(Path(config.source or "").read_text(encoding="utf-8"), dotted) or "?"
    except OSError:
        return "?"


# --- building blocks ------------------------------------------------------------


@functools.cache
def _builtin_content() -> Content:
    """The packaged content (read-only, so read once per process)."""
    return load_content(asset_path("content.toml"), _cache_dir())


def _application() -> QApplication:
    global _app
    from reflexmap.ui.style import QT_ARGUMENTS, use_fusion

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        if existing is not _app:  # made by someone else (tests): its style is not ours yet
            use_fusion(existing)
        return existing
    _app = QApplication([*sys.argv[:1], *QT_ARGUMENTS])
    _app.setApplicationName("reflexmap")
    _app.setApplicationVersion(__version__)
    return _app


def _build_window(opts: argparse.Namespace, loaded: Loaded) -> QMainWindow:
    from reflexmap.ui.main_window import MainWindow  # widgets only once a QApplication exists
    from reflexmap.ui.style import apply_style

    apply_style(_application())
    config = loaded.config
    session = Session(
        art=loaded.art,
        content=loaded.content,
        routines=loaded.routines,
        notices=loaded.notices,
        routine_notices=loaded.routine_notices,
    )
    language = Language(resolve_language(opts.lang, config.language, system_language()), _cache_dir())
    window = MainWindow(session, language)
    language.setParent(window)
    window.resize(*opts.size)
    if opts.zone:
        window.map.select_zone(opts.zone)
    if opts.kiosk or config.kiosk.enabled:
        from reflexmap.kiosk import RunRecord
        from reflexmap.ui.kiosk_shell import Kiosk

        record = RunRecord(user_state_path("reflexmap", appauthor=False) / "last-run.json")
        window.kiosk = Kiosk(window, config, record=record, parent=window)  # type: ignore[attr-defined]
        for notice in loaded.notices + loaded.routine_notices:
            window.kiosk.add_staff_notice(notice)  # type: ignore[attr-defined]
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


def _load_art(path: Path | None, content: Content) -> tuple[Art, list[str]]:
    """The user's art if it is usable, else the built-in art and a notice saying why."""
    builtin = asset_path("art/feet.svg")
    cache = _cache_dir()
    if path is None:
        return load_art(builtin, cache), []
    try:
        art = load_art(path, cache)
    except ArtError as e:
        return load_art(builtin, cache), [Message("{problem} Showing the built-in feet instead.", problem=e.args[0])]
    known = set(content.zone_ids)
    found = {s.zone for s in art.shapes}
    if not found & known:
        message = Message(
            "{file}: none of its data-zone names ({names}) is a zone reflexmap knows.",
            file=path.name,
            names=", ".join(sorted(found)),
        )
        return load_art(builtin, cache), [Message("{problem} Showing the built-in feet instead.", problem=message)]
    notices: list[str] = []
    if found - known:
        unknown = ", ".join(sorted(found - known))
        notices.append(
            Message(
                "{file}: data-zone names not known to reflexmap are ignored: {names}.", file=path.name, names=unknown
            )
        )
    return art, notices


# --- the kiosk ---------------------------------------------------------------------------


def _run_kiosk(app: QApplication, opts: argparse.Namespace, window: QMainWindow, loaded: Loaded) -> int:
    from reflexmap.kiosk import WatchdogNotifier

    kiosk: Kiosk = window.kiosk  # type: ignore[attr-defined]
    reloader = Reloader(opts, kiosk, loaded, parent=app)
    sys.excepthook = reloader.on_exception
    watchdog = WatchdogNotifier(parent=app)
    kiosk.show()
    started()
    watchdog.start()
    status = app.exec()
    watchdog.stopping()
    return status


class Reloader(QObject):
    """Hot reload for the kiosk: when a watched file changes, check everything again.

    All good: a fresh window (new content, art, routines, branding) replaces the
    old one at the next quiet moment.  Anything wrong: the old content keeps
    running and the staff panel says why; visitors never see it.
    """

    def __init__(self, opts: argparse.Namespace, kiosk: Kiosk, loaded: Loaded, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtCore import QFileSystemWatcher, QTimer

        self._opts = opts
        self.kiosk = kiosk
        self._pending: Loaded | None = None
        self._watcher = QFileSystemWatcher(self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(500)  # editors write in several steps
        self._debounce.timeout.connect(self.reload)
        self._watcher.fileChanged.connect(lambda _: self._debounce.start())
        self._watcher.directoryChanged.connect(lambda _: self._debounce.start())
        self._watch(loaded)
        self._connect(kiosk)

    def _connect(self, kiosk: Kiosk) -> None:
        kiosk.reload_requested.connect(self.reload)
        kiosk.exit_requested.connect(self._on_exit_requested)
        kiosk.idle.reset.connect(self._apply_pending)

    def _watch(self, loaded: Loaded) -> None:
        old = self._watcher.files() + self._watcher.directories()
        if old:
            self._watcher.removePaths(old)
        paths = {str(p) for p in loaded.watched if p.exists()}
        for folder in [p for p in loaded.watched if p.is_dir()]:
            paths.update(str(f) for f in folder.glob("*.toml"))
        if paths:
            self._watcher.addPaths(sorted(paths))

    def reload(self) -> None:
        loaded = load_files(self._opts)
        self._watch(loaded)  # editors that replace files break the old watches
        if loaded.problems:
            for problem in loaded.problems:
                self.kiosk.add_staff_notice(Message("{problem} The previous content stays on screen.", problem=problem))
            logger.warning("reload refused: %d problem(s); the previous content stays", len(loaded.problems))
            return
        logger.info("reloading the content")
        self._pending = loaded
        if self.kiosk.idle.state.value != "active" or self.kiosk.staff.isVisible():
            self._apply_pending()

    def _apply_pending(self) -> None:
        if self._pending is None:
            return
        loaded, self._pending = self._pending, None
        old = self.kiosk
        window = _build_window(self._opts, loaded)
        new = window.kiosk  # type: ignore[attr-defined]
        new.errors = list(old.errors)
        new.show()
        old.retire()
        self.kiosk = new
        self._connect(new)

    def on_exception(self, kind: type[BaseException], value: BaseException, tb: object) -> None:
        """A bug must not end the exhibit: log it, count it, go back to the map."""
        _log_exception(kind, value, tb)
        self.kiosk.record_error(f"{kind.__name__}: {value}")
        try:
            self.kiosk.reset()
        except Exception:
            logger.exception("the reset after an error failed too")

    def _on_exit_requested(self, why: str) -> None:
        if self.kiosk._record is not None:
            self.kiosk._record.ended(why)
        self.kiosk.retire()
        app = QApplication.instance()
        if app is not None:
            # exit(), not quit(): quit() first asks the windows to close, and a kiosk window refuses
            app.exit(0)


def _log_exception(kind: type[BaseException], value: BaseException, tb: object) -> None:
    logger.error("unhandled error", exc_info=(kind, value, tb))  # type: ignore[arg-type]


def setup_logging() -> Path | None:
    """Warnings to stderr; everything from INFO up to a size-bounded rotating file in the user log folder.

    The file is opened when the first record arrives (see :class:`_LogFile`).
    Returns its path, or None if logging was set up already or there is no
    folder for it.
    """
    from platformdirs import user_log_path

    root = logging.getLogger()
    if any(getattr(h, "_reflexmap", False) for h in root.handlers):
        return None
    root.setLevel(logging.INFO)
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    console.setFormatter(logging.Formatter("reflexmap: %(message)s"))
    console._reflexmap = True  # type: ignore[attr-defined]
    root.addHandler(console)
    folder = user_log_path("reflexmap", appauthor=False)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        logger.warning("cannot write a log file in %s: %s", folder, e)
        return None
    handler = _LogFile(folder / "reflexmap.log")
    handler._reflexmap = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    return handler.path


class _LogFile(logging.Handler):
    """The rotating log file (1 MB, three old ones kept), opened on the first record.

    A start that logs nothing never opens it, and one that does pays for
    ``logging.handlers`` (it pulls in socket, pickle and queue: 5 ms) only then.
    """

    def __init__(self, path: Path) -> None:
        super().__init__(logging.INFO)
        self.path = path
        self._file: logging.Handler | None = None
        self._failed = False

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None and not self._failed:
            from logging.handlers import RotatingFileHandler

            try:
                self._file = RotatingFileHandler(self.path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
            except OSError as e:
                self._failed = True
                print(f"reflexmap: cannot write the log file {self.path}: {e}", file=sys.stderr)
                return
            self._file.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        if self._file is not None:
            self._file.emit(record)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


# --- commands ------------------------------------------------------------------------------


def _hash_pin_command(argv: list[str]) -> int:
    """``reflexmap hash-pin``: ask for a PIN and print the line for the config file."""
    import getpass

    from reflexmap.kiosk import hash_pin

    parser = argparse.ArgumentParser(
        prog="reflexmap hash-pin", description="Print a salted hash of a staff PIN for kiosk.pin_hash."
    )
    parser.parse_args(argv)
    pin = getpass.getpass("Staff PIN (4 to 12 digits): ") if sys.stdin.isatty() else sys.stdin.readline().strip()
    if not (pin.isdigit() and 4 <= len(pin) <= 12):
        print("reflexmap: a PIN is 4 to 12 digits.", file=sys.stderr)
        return 2
    print(f'pin_hash = "{hash_pin(pin)}"')
    return 0


def _check_command(argv: list[str]) -> int:
    """``reflexmap check``: every problem in what a salon can customise, one per line; 1 if any."""
    parser = argparse.ArgumentParser(
        prog="reflexmap check", description="Validate the config, art, content and routine files."
    )
    parser.add_argument("--art", type=Path, metavar="SVG")
    parser.add_argument("--routines", type=Path, metavar="DIR")
    parser.add_argument("--config", type=Path, metavar="FILE")
    opts = parser.parse_args(argv)
    logging.disable(logging.WARNING)  # the problems are printed below, once each
    try:
        opts.lang = None
        opts.kiosk = False
        loaded = load_files(opts)
    finally:
        logging.disable(logging.NOTSET)
    for problem in loaded.problems:
        print(problem)
    if not loaded.problems:
        print(
            f"reflexmap check: no problems ({len(loaded.routines)} routines, "
            f"{len({s.zone for s in loaded.art.shapes})} zones)."
        )
    return 1 if loaded.problems else 0


def _screenshot(window: QMainWindow, path: Path) -> int:
    """Render the window, never shown, into a PNG: no screen needed, nothing flashes."""
    image = window.grab()
    if not image.save(str(path), "PNG"):
        print(f"reflexmap: could not write the screenshot to {path}.", file=sys.stderr)
        return 1
    return 0


def started() -> None:
    """Start-up is over: Python's cycle collector back on (the command paused it, see launch)."""
    gc.enable()


def run() -> int:
    """The ``reflexmap`` command (after :func:`reflexmap.launch.run`)."""
    return main(exit_after_screenshot=True)


def _exit_now(status: int) -> NoReturn:
    """End the process without tearing anything down, once logs and output are flushed."""
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


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
