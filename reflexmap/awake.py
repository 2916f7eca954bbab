"""Keeping the screen awake while a routine plays, where the platform allows.

On a Linux desktop the freedesktop ScreenSaver service on the session bus
takes an inhibit request; elsewhere (no bus, no service) nothing happens and
one line is logged.  The calls go through jeepney, a small pure-Python D-Bus
client: Qt's D-Bus module from Python cannot send the unsigned cookie
``UnInhibit`` takes (PySide6 marshals every int as a signed one), so the
screen saver would never have been let go.  No Qt here.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jeepney import DBusAddress
    from jeepney.io.blocking import DBusConnection

__all__ = ["ScreenAwake"]

logger = logging.getLogger(__name__)

_SERVICE = "org.freedesktop.ScreenSaver"
_PATH = "/org/freedesktop/ScreenSaver"
#: A screen saver that does not answer within this must not freeze the window.
TIMEOUT_SECONDS = 1.0


class ScreenAwake:
    """``hold()`` while something plays, ``release()`` after; both are safe to repeat."""

    def __init__(self) -> None:
        self._cookie: int | None = None
        self._bus: DBusConnection | None = None
        self._address: DBusAddress | None = None
        self._warned = False

    @property
    def holding(self) -> bool:
        return self._cookie is not None

    def hold(self, reason: str) -> bool:
        """Ask the screen saver to stay off; True if it agreed (or already had)."""
        if self._cookie is not None:
            return True
        body = self._call("Inhibit", "ss", ("reflexmap", reason))
        if not body or not isinstance(body[0], int):
            return False
        self._cookie = body[0]
        return True

    def release(self) -> None:
        """Let the screen saver work again."""
        if self._cookie is None:
            return
        cookie, self._cookie = self._cookie, None
        self._call("UnInhibit", "u", (cookie,))

    def _call(self, method: str, signature: str, args: tuple[object, ...]) -> tuple[object, ...] | None:
        """The reply's body, or None (said once in the log) when there is no bus, no service or an error."""
        try:
            from jeepney import DBusAddress, MessageType, new_method_call
            from jeepney.io.blocking import open_dbus_connection
        except ImportError:
            self._say_once("cannot keep the screen awake here (no D-Bus client library)")
            return None
        try:
            if self._bus is None:
                self._bus = open_dbus_connection(bus="SESSION")
                self._address = DBusAddress(_PATH, bus_name=_SERVICE, interface=_SERVICE)
            assert self._address is not None
            reply = self._bus.send_and_get_reply(
                new_method_call(self._address, method, signature, args), timeout=TIMEOUT_SECONDS
            )
        except (OSError, KeyError, ValueError, TimeoutError) as e:  # no bus address, refused, timed out
            self._say_once(f"cannot keep the screen awake here (no session bus: {e})")
            return None
        if reply.header.message_type == MessageType.error:
            self._say_once(f"cannot keep the screen awake here ({reply.body[0] if reply.body else 'refused'})")
            return None
        return tuple(reply.body)

    def _say_once(self, message: str) -> None:
        if not self._warned:
            self._warned = True
            logger.info("%s", message)
