"""Where the keyboard is on the foot map, and whether its focus ring shows.

The keyboard moves between the layout's focus stops (one per zone and
view): an arrow goes to the nearest stop that way
(:meth:`ZoneLayout.neighbour <reflexmap.ui.zone_layout.ZoneLayout.neighbour>`),
Enter or Space choose the zone it is on, Escape clears the choice.  Like
CSS ``:focus-visible``, the ring shows for keyboard users only.  Qt's enums
are named here only once a person presses a key or moves the focus, never
while starting (see :mod:`reflexmap.fast_start`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF

from reflexmap.fast_start import qt
from reflexmap.ui.zone_layout import ZoneLayout

__all__ = ["ZoneFocus"]


class ZoneFocus:
    """The keyboard's focus stop on a map (an index into the layout's stops) and whether its ring shows.

    ``choose`` is called with the zone Enter chooses (None for Escape);
    ``moved`` with the stops the focus left and went to, when an arrow moves it.
    """

    def __init__(
        self, layout: ZoneLayout, choose: Callable[[str | None], None], moved: Callable[[int | None, int], None]
    ) -> None:
        self._layout = layout
        self._choose = choose
        self._moved = moved
        self._index: int | None = None
        self._visible = False

    @property
    def index(self) -> int | None:
        """The focus stop the keyboard is on (None before the map first had the focus or a click)."""
        return self._index

    @property
    def zone(self) -> str | None:
        return None if self._index is None else self._layout.stops[self._index].zone

    @property
    def view(self) -> str | None:
        return None if self._index is None else self._layout.stops[self._index].view

    @property
    def visible(self) -> bool:
        """Whether the ring shows (while the map has the focus): the person last used the keyboard."""
        return self._visible

    def clicked(self, pos: QPointF) -> None:
        """A click chose the zone at widget position ``pos``: the keyboard goes on from there, with no ring."""
        stop = self._layout.stop_at(pos)
        if stop is not None:
            self._index = stop
        self._visible = False

    def arrived(self, reason: object, selected: str | None) -> None:
        """The map got the keyboard focus for ``reason`` (a Qt.FocusReason): on the chosen zone, else the first."""
        Qt = qt()
        if reason in (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
            Qt.FocusReason.ShortcutFocusReason,
        ):
            self._visible = True
        elif reason == Qt.FocusReason.MouseFocusReason:
            self._visible = False
        # other reasons (the window was re-activated...) keep what the person last did
        stops = self._layout.stops
        if self._index is None and stops:
            chosen = [i for i, stop in enumerate(stops) if stop.zone == selected]
            self._index = chosen[0] if chosen else 0

    def key_pressed(self, key: int, selected: str | None) -> bool:
        """Act on ``key`` (a Qt.Key) pressed on the map, where ``selected`` is chosen; whether it was the map's."""
        Qt = qt()
        pressed = Qt.Key(key)
        self._visible = True
        directions = {
            Qt.Key.Key_Left: (-1.0, 0.0),
            Qt.Key.Key_Right: (1.0, 0.0),
            Qt.Key.Key_Up: (0.0, -1.0),
            Qt.Key.Key_Down: (0.0, 1.0),
        }
        if pressed in directions and self._layout.stops:
            self._move(*directions[pressed])
        elif pressed in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._index is not None:
            self._choose(self._layout.stops[self._index].zone)
        elif pressed == Qt.Key.Key_Escape and selected is not None:
            self._choose(None)
        else:
            return False
        return True

    def _move(self, dx: float, dy: float) -> None:
        best = self._layout.neighbour(self._index or 0, dx, dy)
        if best is None:
            return
        old, self._index = self._index, best
        self._moved(old, best)
