"""Keeping the kiosk window in front inside a desktop session (X11): full screen, on top, focused.

Under cage (the recommended setup, see the README) there is nothing to
guard against: cage shows one application and offers nothing else.  In a
desktop session the kiosk window bypasses the window manager
(``X11BypassWindowManagerHint``): no window manager action applies to it,
so none is offered (no ``_NET_WM_ALLOWED_ACTIONS``), it is on every desktop
at once, and minimize, move and send-to-desktop requests have nothing to
act on.  What the window manager can still do is give keyboard focus to
another window (Alt+Tab) and stack another window above it; and any client
can move, resize or unmap any window.  :class:`WindowGuard` notices each of those
(Qt's events at once, and a look every :data:`CHECK_MS`) and puts the
window back: full screen on its screen, at the top, with keyboard focus.

The X11 requests go over a connection of the guard's own (libxcb through
ctypes: Qt's own connection is not reachable from Python), with
``CurrentTime`` for focus, which the X server never refuses as stale.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

__all__ = ["CHECK_MS", "WindowGuard", "X11"]

logger = logging.getLogger(__name__)

#: How often the guard looks even when no event told it anything (it must be back within 1 s).
CHECK_MS = 250


class WindowGuard(QObject):
    """Puts ``window`` back full screen on ``screen()``, on top and focused whenever something moved it.

    ``restored`` counts the times it had to (for tests and the log).
    """

    def __init__(self, window: QWidget, screen: Callable[[], QRect], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window
        self._screen = screen
        self._x11 = X11.connect() if QGuiApplication.platformName() == "xcb" else None
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.check)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self.check)
        self._wrong: frozenset[str] = frozenset()
        self.restored = 0

    def start(self) -> None:
        self._window.installEventFilter(self)
        self._timer.start()
        self._soon.start()

    def stop(self) -> None:
        self._timer.stop()
        self._soon.stop()
        self._window.removeEventFilter(self)
        if self._x11 is not None:
            self._x11.close()
            self._x11 = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() in _watched_events():
            self._soon.start()  # after the event has been handled: look then
        return False

    def problems(self) -> frozenset[str]:
        """What is wrong with the window now: "hidden", "not full screen", "moved", "covered", "not focused"."""
        window = self._window
        wrong = set()
        if not window.isVisible() or window.isMinimized():
            wrong.add("hidden")
        if not window.isFullScreen():
            wrong.add("not full screen")
        if window.geometry() != self._screen():
            wrong.add("moved")
        if not window.isActiveWindow():
            wrong.add("not focused")
        if self._x11 is not None and window.isVisible() and not self._x11.mapped(int(window.winId())):
            wrong.add("hidden")  # unmapped by another client: Qt never hears of it
        if self._x11 is not None and window.isVisible():
            ours = {int(w.winId()) for w in QApplication.topLevelWidgets() if w.isVisible()}
            if self._x11.covering(int(window.winId()), ours):
                wrong.add("covered")
        return frozenset(wrong)

    def check(self) -> None:
        """Look at the window and put it back if it is not where a kiosk belongs."""
        wrong = self.problems()
        if wrong - self._wrong:
            logger.info("kiosk window: %s; putting it back", ", ".join(sorted(wrong - self._wrong)))
        self._wrong = wrong
        if wrong:
            self.restored += 1
            self._restore(wrong)

    def _restore(self, wrong: frozenset[str]) -> None:
        window = self._window
        if "hidden" in wrong or "not full screen" in wrong:
            window.showFullScreen()
        if "moved" in wrong:
            window.setGeometry(self._screen())
        window.raise_()
        if self._x11 is not None:
            wid = int(window.winId())
            if "hidden" in wrong:
                self._x11.map_window(wid)
            self._x11.raise_window(wid)
            self._x11.focus(wid)
        window.activateWindow()


@functools.cache
def _watched_events() -> frozenset[QEvent.Type]:
    """What tells the guard to look at once: made when first needed (PySide6 builds QEvent's enums then)."""
    t = QEvent.Type
    return frozenset({t.WindowStateChange, t.ActivationChange, t.Hide, t.Move, t.Resize, t.WindowDeactivate})


# --- X11 over libxcb ---------------------------------------------------------------------------


class _Cookie(ctypes.Structure):
    _fields_ = [("sequence", ctypes.c_uint)]


class _TreeReply(ctypes.Structure):
    _fields_ = [
        ("response_type", ctypes.c_uint8),
        ("pad0", ctypes.c_uint8),
        ("sequence", ctypes.c_uint16),
        ("length", ctypes.c_uint32),
        ("root", ctypes.c_uint32),
        ("parent", ctypes.c_uint32),
        ("children_len", ctypes.c_uint16),
        ("pad1", ctypes.c_uint8 * 14),
    ]


class _AttributesReply(ctypes.Structure):
    _fields_ = [
        ("response_type", ctypes.c_uint8),
        ("backing_store", ctypes.c_uint8),
        ("sequence", ctypes.c_uint16),
        ("length", ctypes.c_uint32),
        ("visual", ctypes.c_uint32),
        ("window_class", ctypes.c_uint16),
        ("bit_gravity", ctypes.c_uint8),
        ("win_gravity", ctypes.c_uint8),
        ("backing_planes", ctypes.c_uint32),
        ("backing_pixel", ctypes.c_uint32),
        ("save_under", ctypes.c_uint8),
        ("map_is_installed", ctypes.c_uint8),
        ("map_state", ctypes.c_uint8),
        ("override_redirect", ctypes.c_uint8),
        ("colormap", ctypes.c_uint32),
        ("all_event_masks", ctypes.c_uint32),
        ("your_event_mask", ctypes.c_uint32),
        ("do_not_propagate_mask", ctypes.c_uint16),
        ("pad0", ctypes.c_uint8 * 2),
    ]


class _GeometryReply(ctypes.Structure):
    _fields_ = [
        ("response_type", ctypes.c_uint8),
        ("depth", ctypes.c_uint8),
        ("sequence", ctypes.c_uint16),
        ("length", ctypes.c_uint32),
        ("root", ctypes.c_uint32),
        ("x", ctypes.c_int16),
        ("y", ctypes.c_int16),
        ("width", ctypes.c_uint16),
        ("height", ctypes.c_uint16),
        ("border_width", ctypes.c_uint16),
        ("pad0", ctypes.c_uint8 * 2),
    ]


_VIEWABLE = 2  # map_state
_INPUT_OUTPUT = 1  # window class (InputOnly windows show nothing)
_CONFIG_STACK_MODE = 0x40
_STACK_ABOVE = 0
_REVERT_TO_PARENT = 2
_CURRENT_TIME = 0


class X11:
    """The few X11 requests the guard needs, on a libxcb connection of its own."""

    def __init__(self, lib: ctypes.CDLL, libc: ctypes.CDLL, connection: int) -> None:
        self._lib = lib
        self._libc = libc
        self._c = ctypes.c_void_p(connection)

    @classmethod
    def connect(cls) -> X11 | None:
        """A connection to the display in ``DISPLAY``, or None (logged) if there is none to be had."""
        try:
            lib = ctypes.CDLL(ctypes.util.find_library("xcb") or "libxcb.so.1")
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        except OSError as e:
            logger.warning("kiosk: no libxcb (%s): the window is guarded by Qt alone", e)
            return None
        _declare(lib, libc)
        connection = lib.xcb_connect(None, None)
        if not connection or lib.xcb_connection_has_error(connection):
            logger.warning("kiosk: cannot reach the X display: the window is guarded by Qt alone")
            if connection:
                lib.xcb_disconnect(connection)
            return None
        return cls(lib, libc, connection)

    def close(self) -> None:
        if self._c:
            self._lib.xcb_disconnect(self._c)
            self._c = ctypes.c_void_p(0)

    def _tree(self, window: int) -> tuple[int, int, list[int]] | None:
        """(root, parent, children bottom to top) of ``window``, or None if it is gone."""
        cookie = self._lib.xcb_query_tree(self._c, window)
        reply = self._lib.xcb_query_tree_reply(self._c, cookie, None)
        if not reply:
            return None
        try:
            tree = ctypes.cast(reply, ctypes.POINTER(_TreeReply)).contents
            count = self._lib.xcb_query_tree_children_length(reply)
            children = self._lib.xcb_query_tree_children(reply)
            return tree.root, tree.parent, [children[i] for i in range(count)]
        finally:
            self._libc.free(reply)

    def covering(self, window: int, ours: set[int]) -> list[int]:
        """Windows of other clients stacked above ``window`` that are shown and overlap it."""
        mine = self._tree(window)
        if mine is None:
            return []
        root, parent, _ = mine
        top = window
        while parent not in (root, 0):  # a window manager's frame around it: compare the frame
            top = parent
            found = self._tree(top)
            if found is None:
                return []
            parent = found[1]
        tree = self._tree(root)
        if tree is None or top not in tree[2]:
            return []
        above = [w for w in tree[2][tree[2].index(top) + 1 :] if w not in ours]
        if not above:
            return []
        lib = self._lib
        box = self._geometry(top)
        attributes = [(w, lib.xcb_get_window_attributes(self._c, w), lib.xcb_get_geometry(self._c, w)) for w in above]
        covering = []
        for w, a_cookie, g_cookie in attributes:
            shown = False
            reply = lib.xcb_get_window_attributes_reply(self._c, a_cookie, None)
            if reply:
                attrs = ctypes.cast(reply, ctypes.POINTER(_AttributesReply)).contents
                shown = attrs.map_state == _VIEWABLE and attrs.window_class == _INPUT_OUTPUT
                self._libc.free(reply)
            geometry = lib.xcb_get_geometry_reply(self._c, g_cookie, None)
            if geometry:
                g = ctypes.cast(geometry, ctypes.POINTER(_GeometryReply)).contents
                rect = QRect(g.x, g.y, g.width + 2 * g.border_width, g.height + 2 * g.border_width)
                self._libc.free(geometry)
                if shown and box is not None and rect.intersects(box):
                    covering.append(w)
        return covering

    def _geometry(self, window: int) -> QRect | None:
        reply = self._lib.xcb_get_geometry_reply(self._c, self._lib.xcb_get_geometry(self._c, window), None)
        if not reply:
            return None
        g = ctypes.cast(reply, ctypes.POINTER(_GeometryReply)).contents
        rect = QRect(g.x, g.y, g.width, g.height)
        self._libc.free(reply)
        return rect

    def mapped(self, window: int) -> bool:
        """Whether ``window`` is mapped and viewable (True if it cannot be asked: nothing to put back)."""
        reply = self._lib.xcb_get_window_attributes_reply(
            self._c, self._lib.xcb_get_window_attributes(self._c, window), None
        )
        if not reply:
            return True
        try:
            return bool(ctypes.cast(reply, ctypes.POINTER(_AttributesReply)).contents.map_state == _VIEWABLE)
        finally:
            self._libc.free(reply)

    def map_window(self, window: int) -> None:
        self._lib.xcb_map_window(self._c, window)
        self._lib.xcb_flush(self._c)

    def raise_window(self, window: int) -> None:
        values = (ctypes.c_uint32 * 1)(_STACK_ABOVE)
        self._lib.xcb_configure_window(self._c, window, _CONFIG_STACK_MODE, values)
        self._lib.xcb_flush(self._c)

    def focus(self, window: int) -> None:
        self._lib.xcb_set_input_focus(self._c, _REVERT_TO_PARENT, window, _CURRENT_TIME)
        self._lib.xcb_flush(self._c)


def _declare(lib: ctypes.CDLL, libc: ctypes.CDLL) -> None:
    """The C signatures (ctypes would otherwise truncate pointers to int)."""
    p, u32, u16, u8 = ctypes.c_void_p, ctypes.c_uint32, ctypes.c_uint16, ctypes.c_uint8
    signatures: dict[str, tuple[object, list[object]]] = {
        "xcb_connect": (p, [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)]),
        "xcb_connection_has_error": (ctypes.c_int, [p]),
        "xcb_disconnect": (None, [p]),
        "xcb_flush": (ctypes.c_int, [p]),
        "xcb_query_tree": (_Cookie, [p, u32]),
        "xcb_query_tree_reply": (p, [p, _Cookie, p]),
        "xcb_query_tree_children": (ctypes.POINTER(u32), [p]),
        "xcb_query_tree_children_length": (ctypes.c_int, [p]),
        "xcb_get_window_attributes": (_Cookie, [p, u32]),
        "xcb_get_window_attributes_reply": (p, [p, _Cookie, p]),
        "xcb_get_geometry": (_Cookie, [p, u32]),
        "xcb_get_geometry_reply": (p, [p, _Cookie, p]),
        "xcb_configure_window": (_Cookie, [p, u32, u16, p]),
        "xcb_map_window": (_Cookie, [p, u32]),
        "xcb_set_input_focus": (_Cookie, [p, u8, u32, u32]),
    }
    for name, (restype, argtypes) in signatures.items():
        function = getattr(lib, name)
        function.restype = restype
        function.argtypes = argtypes
    libc.free.restype = None
    libc.free.argtypes = [p]
