"""Telling systemd the kiosk is alive (``sd_notify``), so a frozen window is restarted.  QtCore only."""

from __future__ import annotations

import logging
import os
import socket

from PySide6.QtCore import QObject, QTimer

__all__ = ["WatchdogNotifier"]

logger = logging.getLogger(__name__)


class WatchdogNotifier(QObject):
    """Tells systemd we are alive (``sd_notify``) from the event loop, so a frozen UI is restarted.

    Does nothing unless systemd set ``NOTIFY_SOCKET``.  Pings every half
    ``WATCHDOG_USEC`` (or every 10 s).
    """

    def __init__(self, environ: dict[str, str] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        env = os.environ if environ is None else environ
        self._address = env.get("NOTIFY_SOCKET") or None
        usec = env.get("WATCHDOG_USEC", "")
        interval = int(usec) / 2000 if usec.isdigit() and int(usec) > 0 else 10_000
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

    def start(self) -> None:
        if self._address is None:
            return
        self._send(b"READY=1")
        self.ping()
        self._timer.start()

    def ping(self) -> None:
        self._send(b"WATCHDOG=1")

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
