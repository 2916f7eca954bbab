"""Telling systemd the kiosk is alive (``sd_notify``), so a frozen window is restarted; the exit statuses.  QtCore only.

The shipped units (``packaging/``) restart the kiosk whatever ends it, except
:data:`EXIT_STAFF`: a member of staff stopped it for maintenance, and it
stays stopped until someone starts it again (``RestartPreventExitStatus=``).
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

__all__ = ["EXIT_RESTART", "EXIT_STAFF", "STATUS_FILE_VARIABLE", "WatchdogNotifier", "report_exit_status"]

logger = logging.getLogger(__name__)

#: Staff chose Exit: the units do not restart on this status (``RestartPreventExitStatus=10``).
EXIT_STAFF = 10
#: Staff chose Restart and the process could not start itself again in place: the units restart on it.
EXIT_RESTART = 11
#: Where the cage session script (``packaging/reflexmap-cage-session``) wants the app's exit status: cage 0.1.4
#: (Debian 12) always exits 0 whatever its app did, so the status goes round it.
STATUS_FILE_VARIABLE = "REFLEXMAP_STATUS_FILE"


def report_exit_status(status: int, environ: Mapping[str, str] | None = None) -> None:
    """Leave ``status`` where the session script that started the compositor looks for it (if it asked)."""
    env = os.environ if environ is None else environ
    path = env.get(STATUS_FILE_VARIABLE)
    if not path:
        return
    try:
        Path(path).write_text(f"{status}\n", encoding="ascii")
    except OSError as e:
        logger.warning("cannot leave the exit status in %s: %s", path, e)


class WatchdogNotifier(QObject):
    """Tells systemd we are alive (``sd_notify``) from the event loop, so a frozen UI is restarted.

    Does nothing unless systemd set ``NOTIFY_SOCKET``.  Pings every half
    ``WATCHDOG_USEC`` (or every 10 s); ``pinged`` follows each ping, so the run
    record can keep the last sign of life.
    """

    pinged = Signal()

    def __init__(self, environ: Mapping[str, str] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        env = os.environ if environ is None else environ
        self._address = env.get("NOTIFY_SOCKET") or None
        usec = env.get("WATCHDOG_USEC", "")
        self._watchdog_usec = int(usec) if usec.isdigit() and int(usec) > 0 else None
        interval = self._watchdog_usec / 2000 if self._watchdog_usec else 10_000
        self._timer = QTimer(self)
        self._timer.setInterval(max(500, int(interval)))
        self._timer.timeout.connect(self.ping)

    @property
    def interval_ms(self) -> int:
        """How often the event loop says it is alive."""
        return self._timer.interval()

    @property
    def active(self) -> bool:
        return self._address is not None

    @property
    def watchdog_seconds(self) -> float | None:
        """systemd's ``WatchdogSec``: how long a silence it allows before it kills the service (None: no watchdog)."""
        return None if self._watchdog_usec is None else self._watchdog_usec / 1_000_000

    def start(self) -> None:
        if self._address is None:
            return
        self._send(b"READY=1")
        self.ping()
        self._timer.start()

    def ping(self) -> None:
        self._send(b"WATCHDOG=1")
        self.pinged.emit()

    def stopping(self) -> None:
        self._send(b"STOPPING=1")
        self._timer.stop()

    def _send(self, message: bytes) -> None:
        if self._address is None:
            return
        address = "\0" + self._address[1:] if self._address.startswith("@") else self._address
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
                sock.connect(address)
                sock.sendall(message)
        except OSError as e:
            logger.warning("cannot notify systemd at %s: %s", self._address, e)
