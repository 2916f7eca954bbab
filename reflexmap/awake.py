"""Keeping the screen awake while a routine plays, where the platform allows.

On a Linux desktop the freedesktop ScreenSaver service on the session bus
takes an inhibit request; elsewhere (no bus, no service) nothing happens and
one line is logged.  No widgets.
"""

from __future__ import annotations

import logging

__all__ = ["ScreenAwake"]

logger = logging.getLogger(__name__)

_SERVICE = "org.freedesktop.ScreenSaver"
_PATH = "/org/freedesktop/ScreenSaver"


class ScreenAwake:
    """``hold()`` while something plays, ``release()`` after; both are safe to repeat."""

    def __init__(self) -> None:
        self._cookie: int | None = None
        self._iface: object | None = None
        self._warned = False

    @property
    def holding(self) -> bool:
        return self._cookie is not None

    def hold(self, reason: str) -> bool:
        if self._cookie is not None:
            return True
        iface = self._interface()
        if iface is None:
            return False
        reply = iface.call("Inhibit", "reflexmap", reason)  # type: ignore[attr-defined]
        args = reply.arguments()
        if not args:
            self._say_once(f"the screen saver refused to stay off: {reply.errorMessage()}")
            return False
        self._cookie = int(args[0])
        return True

    def release(self) -> None:
        if self._cookie is None:
            return
        iface = self._interface()
        if iface is not None:
            iface.call("UnInhibit", self._cookie)  # type: ignore[attr-defined]
        self._cookie = None

    def _interface(self) -> object | None:
        if self._iface is not None:
            return self._iface
        try:
            from PySide6.QtDBus import QDBusConnection, QDBusInterface
        except ImportError:
            self._say_once("cannot keep the screen awake here (no Qt D-Bus)")
            return None
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            self._say_once("cannot keep the screen awake here (no session bus)")
            return None
        iface = QDBusInterface(_SERVICE, _PATH, _SERVICE, bus)
        if not iface.isValid():
            self._say_once("cannot keep the screen awake here (no screen-saver service)")
            return None
        self._iface = iface
        return iface

    def _say_once(self, message: str) -> None:
        if not self._warned:
            self._warned = True
            logger.info("%s", message)
