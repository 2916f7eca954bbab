"""Which of the salon's files a start is reading or drawing, so that a file that kills a start is skipped at the next.

A loader's Python errors are already refused with a sentence (see
:mod:`reflexmap.app.files`).  What is left is a hard crash: a segfault or an
abort in Qt's SVG or image code, the kernel killing the process for its
memory, the watchdog killing a hang.  So, before each file a salon hands
reflexmap is read (the config, the content, the art, the logo, each routine
file), and while the art and the logo are first drawn, a small marker in the
state folder names it: its path and what it is on disk (device, inode, size,
modification time).  The start clears the marker once its first frame is
shown.

A start that finds a marker left over knows a start stopped on that file.
The file is skipped (treated as refused, and said once: to staff, in the
window's banner, in the log) until it changes, and stays skipped at every
start meanwhile: the kiosk never loops on a crash, and two bad files never
take turns killing starts.  ``reflexmap check`` uses no marker: it checks
every file.

The marker is written in place into a file this process made for itself
(no temporary file, no rename, no ``fsync`` per file): a process that dies
leaves what it wrote in the page cache, and only a power cut, which is no
file's fault, can lose it.  It is read like any hostile input: an ordinary
file only, never through a link, small; anything that is not what reflexmap
writes is no marker.  No Qt here.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from reflexmap.messages import Message
from reflexmap.record import record

__all__ = ["MAX_MARKER_BYTES", "MAX_SKIPPED", "StartMarker"]

logger = logging.getLogger(__name__)

#: A marker is a line of JSON about a few files: a bigger file is no marker.
MAX_MARKER_BYTES = 64 * 1024
#: Files kept skipped at once (a start loads at most a few hundred, and each skip costs a crashed start).
MAX_SKIPPED = 32
_MAX_PATH = 4096
_STAGES = ("loading", "drawing")


@record
class _Suspect:
    """A file a start was reading (``loading``) or drawing (``drawing``) when it stopped."""

    path: str
    identity: tuple[int, int, int, int]  # device, inode, size, modification time (ns)
    stage: str

    def as_json(self) -> dict[str, object]:
        return {"path": self.path, "id": list(self.identity), "stage": self.stage}


class StartMarker:
    """The marker at ``path`` (in the user's state folder): what the previous start stopped on, and this one's.

    Call :meth:`before_loading` before reading each salon file (it says whether
    to skip it), :meth:`before_drawing` before Qt first draws one, and
    :meth:`done` once the first frame is shown (or a reload has read its files).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self._broken = False
        self._current: _Suspect | None = None
        # still skipped: the files that are still what they were when a start stopped on them
        self._skipped = {s.path: s for s in _read(path) if _identity(s.path) == s.identity}

    @property
    def skipped(self) -> list[str]:
        """The files skipped until they change (their paths)."""
        return list(self._skipped)

    def before_loading(self, file: Path) -> Message | None:
        """About to read ``file``: None, and the marker names it; or the sentence saying it is skipped."""
        key = os.path.abspath(file)
        suspect = self._skipped.get(key)
        if suspect is not None and suspect.stage == "drawing":
            return Message(
                "{file} was being drawn when a previous start stopped; it is skipped until it changes.", file=file.name
            )
        if suspect is not None:
            return Message(
                "{file} was being loaded when a previous start stopped; it is skipped until it changes.", file=file.name
            )
        self._mark(key, "loading")
        return None

    def before_drawing(self, file: Path | None) -> None:
        """Qt is about to draw ``file`` (read and checked) for the first time; None: nothing of the salon's."""
        if file is None:
            self._write(None)
        else:
            self._mark(os.path.abspath(file), "drawing")

    def done(self) -> None:
        """Nothing is being read or drawn now: the first frame is shown (or a reload has read its files)."""
        if self._skipped:  # kept for the next start: the files still skipped
            self._write(None, force=True)
            return
        self._current = None
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        try:  # unlink never follows a link: one planted here goes, not what it points at
            os.unlink(self.path)
        except OSError:
            pass

    # --- internals ----------------------------------------------------------------------

    def _mark(self, key: str, stage: str) -> None:
        identity = _identity(key)
        self._write(None if identity is None else _Suspect(key, identity, stage))

    def _write(self, current: _Suspect | None, *, force: bool = False) -> None:
        if self._broken or (current is None and self._current is None and not force):
            return  # nothing being read or drawn, and the file says nothing else
        self._current = current
        data = {
            "current": None if current is None else current.as_json(),
            "skipped": [s.as_json() for s in list(self._skipped.values())[-MAX_SKIPPED:]],
        }
        line = (json.dumps(data, ensure_ascii=True) + "\n").encode("ascii")
        try:
            if self._fd is None:
                self._fd = _create(self.path)
            # in place: a shorter line leaves the old one's tail after its newline until the truncation
            os.pwrite(self._fd, line, 0)
            os.ftruncate(self._fd, len(line))
        except OSError as e:
            self._broken = True  # no marker this start: the files are loaded as if there were none
            logger.info("cannot write %s: %s", self.path, e)


def _create(path: Path) -> int:
    """A new, empty file at ``path``, made by this process (whatever was there removed, never followed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC
    return os.open(path, flags, 0o600)


def _identity(path: str) -> tuple[int, int, int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)


def _read(path: Path) -> list[_Suspect]:
    """What the marker at ``path`` names, skipped files first; nothing if it is missing or not one of ours."""
    from reflexmap.files import read_file

    try:  # an ordinary file only (a pipe planted here must not hang the start), small, not through a link
        raw = read_file(path, ValueError, MAX_MARKER_BYTES, nofollow=True)
        data = json.loads(raw.split(b"\n", 1)[0])
    except (ValueError, RecursionError):
        return []
    if not isinstance(data, dict):
        return []
    skipped = data.get("skipped")
    entries = [*(skipped[:MAX_SKIPPED] if isinstance(skipped, list) else []), data.get("current")]
    found: dict[str, _Suspect] = {}
    for entry in entries:
        suspect = _suspect(entry)
        if suspect is not None:
            found[suspect.path] = suspect
    return list(found.values())


def _suspect(entry: object) -> _Suspect | None:
    """The entry as reflexmap writes it, or None."""
    if not isinstance(entry, dict):
        return None
    path, identity, stage = entry.get("path"), entry.get("id"), entry.get("stage")
    if not (isinstance(path, str) and 0 < len(path) <= _MAX_PATH and "\0" not in path and os.path.isabs(path)):
        return None
    if not (isinstance(identity, list) and len(identity) == 4):
        return None
    if not all(isinstance(n, int) and not isinstance(n, bool) and -(2**63) <= n < 2**64 for n in identity):
        return None
    if stage not in _STAGES:
        return None
    return _Suspect(path, (identity[0], identity[1], identity[2], identity[3]), str(stage))
