"""The log: warnings to stderr, everything from INFO up to a size-bounded rotating file."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType

from platformdirs import user_log_path

from reflexmap.safe_format import SafeFormatter

__all__ = ["LOG_BACKUPS", "LOG_BYTES", "log_exception", "setup_logging"]

logger = logging.getLogger(__name__)

LOG_BYTES = 1_000_000
LOG_BACKUPS = 3


class _Console(logging.StreamHandler):
    """reflexmap's stderr handler (a class of its own, so setup can tell it is there)."""


class _LogFile(logging.Handler):
    """reflexmap's rotating log file, made on the first record.

    A start that logs nothing never opens the file, nor imports
    ``logging.handlers`` (with socket, pickle and queue: measured in the
    README's start-up account, more than this indirection is worth keeping).
    The file is :class:`reflexmap.logfile.SafeRotatingFileHandler`: never
    written through a planted link, and quiet after saying once that the disk
    is full.
    """

    def __init__(self, path: Path) -> None:
        super().__init__(logging.INFO)
        self.path = path
        self._file: logging.Handler | None = None
        self._failed = False

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None and not self._failed:
            from reflexmap.logfile import SafeRotatingFileHandler

            try:
                self._file = SafeRotatingFileHandler(
                    self.path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8", delay=True
                )
            except OSError as e:
                self._failed = True
                print(f"reflexmap: cannot write the log file {self.path}: {e}", file=sys.stderr)
                return
            self._file.setFormatter(self.formatter)
        if self._file is not None:
            self._file.emit(record)

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def setup_logging() -> Path | None:
    """Configure the root logger once per process; the log file's path (None: set up already, or no folder)."""
    root = logging.getLogger()
    if any(isinstance(h, (_Console, _LogFile)) for h in root.handlers):
        return None
    root.setLevel(logging.INFO)
    console = _Console()
    console.setLevel(logging.WARNING)
    console.setFormatter(SafeFormatter("reflexmap: %(message)s"))
    root.addHandler(console)
    folder = user_log_path("reflexmap", appauthor=False)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        logger.warning("cannot write a log file in %s: %s", folder, e)
        return None
    path = folder / "reflexmap.log"
    handler = _LogFile(path)
    handler.setFormatter(SafeFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return path


def teardown_logging() -> None:
    """Remove what :func:`setup_logging` added (tests start each without it)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, (_Console, _LogFile)):
            root.removeHandler(handler)
            handler.close()


def log_exception(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """``sys.excepthook``: an unhandled error goes to the log with its traceback."""
    logger.error("unhandled error", exc_info=(kind, value, tb))
