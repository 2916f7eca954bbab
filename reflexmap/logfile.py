"""The log file's handler: rotating, never through a planted link, and quiet when the disk is full.

Imported when the first record is written (``logging.handlers`` pulls in
socket, pickle and queue), so a start that logs nothing never pays for it.
Use it where a ``RotatingFileHandler`` would go::

    handler = SafeRotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(SafeFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))

With :class:`SafeFormatter` (use it for the console handler too) no record
can forge a line: control characters in a message (a CR, an ESC, a newline
from a file's name) are written as visible escapes.

It opens the file (and reopens it after each rotation) with
:func:`reflexmap.files.open_append_nofollow`, so a symbolic link, a hard
link or a pipe planted at ``reflexmap.log`` is refused instead of written
through; and when writing fails (a full disk), it says so once on stderr
and then drops records quietly, instead of printing a ``--- Logging error
---`` traceback for every record.  It says so again if writing works for a
while and then fails anew.
"""

from __future__ import annotations

import io
import logging
import sys
from logging.handlers import RotatingFileHandler

from reflexmap.files import open_append_nofollow
from reflexmap.safe_format import SafeFormatter

__all__ = ["SafeFormatter", "SafeRotatingFileHandler"]


class SafeRotatingFileHandler(RotatingFileHandler):
    """A ``RotatingFileHandler`` whose file is opened without following links, and that fails quietly."""

    _failing = False  # the last record could not be written (and that was said)
    _erred = False  # the record being written could not be

    def _open(self) -> io.TextIOWrapper:
        return open_append_nofollow(self.baseFilename, self.encoding, self.errors)

    def emit(self, record: logging.LogRecord) -> None:
        self._erred = False
        super().emit(record)  # calls handleError on any failure
        if not self._erred:
            self._failing = False

    def handleError(self, record: logging.LogRecord) -> None:
        self._erred = True
        if not self._failing:
            self._failing = True
            try:
                print(
                    f"reflexmap: cannot write the log file {self.baseFilename} ({sys.exc_info()[1]}); "
                    "log records are dropped until it works again.",
                    file=sys.stderr,
                )
            except Exception:  # noqa: BLE001, S110 - stderr gone too: nothing left to tell
                pass
        if self.stream is not None:  # reopened for the next record: the disk may have room by then
            try:
                self.stream.close()
            except Exception:  # noqa: BLE001, S110 - a full disk fails the flush in close() too
                pass
            self.stream = None
