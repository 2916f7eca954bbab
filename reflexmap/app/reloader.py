"""Hot reload for the kiosk: when a watched file changes, check everything again.

All good: a fresh window (new content, art, routines, branding) replaces the
old one at the next quiet moment: at once if nobody is using the kiosk, else
at the idle reset; never while staff are at the PIN pad or in the staff
panel (it lands when they leave it).  Anything wrong: the old content keeps
running and the staff panel says why; visitors never see it.

What is watched: the few single files (config, content, art, logo) and the
routine folders themselves, never each routine file (a folder of thousands
would take as many of the system's inotify watches).  A folder's watch sees
files come, go and be renamed (editors that save by writing a new file and
renaming it over the old one), not a file written in place; for that, and
for a single file deleted and written again (its watch went with it), the
files' sizes, times and inodes are looked at every :data:`POLL_SECONDS`: a
listing of each folder and a ``stat`` of at most
:data:`~reflexmap.routines.MAX_ROUTINE_FILES` files in each, the ones the
loader reads.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from reflexmap.app.build import Built
from reflexmap.app.files import Loaded
from reflexmap.app.logs import log_exception
from reflexmap.kiosk.idle import IdleState
from reflexmap.kiosk.run_record import Ending
from reflexmap.kiosk.staff_report import StaffReport
from reflexmap.messages import Message
from reflexmap.routines import MAX_ROUTINE_FILES
from reflexmap.ui.kiosk import KioskShell

__all__ = ["Reloader"]

logger = logging.getLogger(__name__)

#: Editors write a file in several steps: wait this long after the last change.
DEBOUNCE_MS = 500
#: How often the watched files' sizes and times are looked at, for edits no watch reports.
POLL_SECONDS = 3.0

#: What a look at the watched files sees: (folder or file, name, size, mtime_ns, inode) per file.
Seen = tuple[tuple[str, str, int, int, int] | tuple[str, str], ...]


class Reloader(QObject):
    """Owns the running kiosk: rebuilds it on good edits, keeps it on bad ones, carries out staff exits and restarts.

    ``load()`` reads every file again; ``build(loaded)`` makes a new window and
    kiosk from them.  ``exit_requested`` carries how the run ends, once the old
    kiosk has stepped aside.  ``poll_seconds`` is how often the files are
    looked at for edits the watches do not report.
    """

    exit_requested = Signal(object)  # an Ending
    replaced = Signal()  # a reload put a new kiosk on screen

    def __init__(
        self,
        load: Callable[[], Loaded],
        build: Callable[[Loaded], Built],
        built: Built,
        loaded: Loaded,
        report: StaffReport,
        parent: QObject | None = None,
        *,
        poll_seconds: float = POLL_SECONDS,
    ) -> None:
        super().__init__(parent)
        if built.kiosk is None:
            raise ValueError("the reloader needs a kiosk")
        self._load = load
        self._build = build
        self._report = report
        self.built = built
        self._pending: Loaded | None = None
        self._watcher = QFileSystemWatcher(self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.reload)
        self._watcher.fileChanged.connect(self._on_watched_changed)
        self._watcher.directoryChanged.connect(self._on_watched_changed)
        self._files: list[Path] = []
        self._folders: list[Path] = []
        self._watch(loaded)
        self._seen = self._look()
        self._poll = QTimer(self)
        self._poll.setInterval(max(1, round(poll_seconds * 1000)))
        self._poll.timeout.connect(self._on_poll_timeout)
        self._poll.start()
        self._connect(built.kiosk)

    @property
    def kiosk(self) -> KioskShell:
        """The kiosk on screen now."""
        assert self.built.kiosk is not None
        return self.built.kiosk

    @property
    def watching(self) -> list[str]:
        """The files and folders the system watches for this kiosk now."""
        return self._watcher.files() + self._watcher.directories()

    @property
    def pending(self) -> bool:
        """Whether a checked reload waits for the visitor (or staff) to leave."""
        return self._pending is not None

    def reload(self) -> None:
        """Check every file now; if all is well, replace the kiosk at the next quiet moment.

        If not, the kiosk on screen stays, and so does nothing else: a good
        edit still waiting for a quiet moment is dropped, since the files no
        longer say that.
        """
        places = (self._files, self._folders)
        seen = self._look()  # before reading: an edit made while the files are read is seen at the next look
        loaded = self._load()
        self._watch(loaded)  # editors that replace files break the old watches
        self._seen = seen if (self._files, self._folders) == places else self._look()
        if loaded.problems:
            if self._pending is not None:  # an earlier good edit is not what the files say any more
                self._pending = None
                self._report.set_reload_waiting(False)
                logger.info("the reload that was waiting is dropped: the files changed since and are refused")
            for problem in loaded.problems:
                self._report.add_notice(Message("{problem} The previous content stays on screen.", problem=problem))
            logger.warning("reload refused: %d problem(s); the previous content stays", len(loaded.problems))
            return
        logger.info("reloading the content")
        self._pending = loaded
        kiosk = self.kiosk
        if kiosk.staff_busy:
            self._report.set_reload_waiting(True)  # it lands when staff leave the panel
        elif kiosk.idle.state != IdleState.ACTIVE:
            self._apply_pending()

    def on_exception(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        """``sys.excepthook``: a bug must not end the exhibit: log it, count it, go back to the map."""
        log_exception(kind, value, tb)
        self._report.record_error(f"{kind.__name__}: {value}")
        try:
            self.kiosk.reset()
        except Exception:
            logger.exception("the reset after an error failed too")

    def install(self) -> None:
        """Make :meth:`on_exception` the process's excepthook."""
        sys.excepthook = self.on_exception

    # --- internals ------------------------------------------------------------------------

    def _connect(self, kiosk: KioskShell) -> None:
        kiosk.reload_requested.connect(self.reload)
        kiosk.exit_requested.connect(self._on_kiosk_exit_requested)
        kiosk.idle.reset.connect(self._apply_pending)
        kiosk.staff_left.connect(self._apply_pending)

    def _on_watched_changed(self, path: str) -> None:
        self._debounce.start()

    def _watch(self, loaded: Loaded) -> None:
        """Watch the single files and the routine folders (not the files in them) that ``loaded`` came from."""
        old = self._watcher.files() + self._watcher.directories()
        if old:
            self._watcher.removePaths(old)
        self._files, self._folders = list(loaded.watched), list(loaded.watched_folders)
        paths = {str(p) for p in self._files if p.is_file()} | {str(p) for p in self._folders if p.is_dir()}
        if paths:
            self._watcher.addPaths(sorted(paths))

    def _look(self) -> Seen:
        """The watched files' sizes, times and inodes now (the routine files the loader reads, in each folder)."""
        return (*_stats((str(p), "") for p in self._files), *(e for f in self._folders for e in _routine_files(f)))

    def _on_poll_timeout(self) -> None:
        seen = self._look()
        if seen != self._seen:
            self._seen = seen
            self._debounce.start()

    def _apply_pending(self) -> None:
        if self._pending is None:
            return
        loaded, self._pending = self._pending, None
        self._report.set_reload_waiting(False)
        old = self.kiosk
        built = self._build(loaded)
        assert built.kiosk is not None
        built.kiosk.show()
        old.retire()
        self.built = built
        self._connect(built.kiosk)
        self.replaced.emit()

    def _on_kiosk_exit_requested(self, why: Ending) -> None:
        self.kiosk.retire()
        self.exit_requested.emit(why)


def _stats(files: Iterable[tuple[str, str]]) -> Seen:
    """(place, name, size, mtime_ns, inode) for each (place, name) file; (place, name) for one that is not there."""
    seen: list[tuple[str, str, int, int, int] | tuple[str, str]] = []
    for place, name in files:
        try:
            info = os.stat(os.path.join(place, name) if name else place)
        except (OSError, ValueError):
            seen.append((place, name))
            continue
        seen.append((place, name, info.st_size, info.st_mtime_ns, info.st_ino))
    return tuple(seen)


def _routine_files(folder: Path) -> Seen:
    """What :func:`_stats` sees of the routine files the loader reads in ``folder`` (the first ones by name)."""
    place = str(folder)
    try:
        with os.scandir(folder) as entries:
            names = sorted(e.name for e in entries if e.name.endswith(".toml"))
    except OSError:
        return ((place, ""),)
    return _stats((place, name) for name in names[:MAX_ROUTINE_FILES])
