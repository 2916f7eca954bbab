"""The routine player's guide on the map: the zones to work, on which foot, and their slow breath.

:class:`GuidePulse` holds what the guide marks and times its breathing; the
map paints it (at :meth:`GuidePulse.alpha`) and repaints the guided zones
each time it says ``breathed``.  The breath holds still when paused and stops
altogether while the map is out of sight.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtCore import QObject, QTimer, Signal

from reflexmap.clock import Clock

__all__ = ["GUIDE_ALPHA", "PULSE_FRAME_MS", "PULSE_MS", "GuidePulse"]

# The guide breathes between these alphas: at its faintest it keeps 3:1 against the light art around it
# (WCAG non-text contrast, with the colour map_paint.GUIDE_LUMINANCE gives it; tests/ui/test_kiosk_attract.py
# measures it from the rendered pixels).
GUIDE_ALPHA = (200, 245)
#: One slow breath of the guide highlight, redrawn about seven times a second:
#: the tint moves at most a few colour levels a frame, and each frame is a
#: repaint of the zone (most of the CPU a counting routine uses).
PULSE_MS = 2000
PULSE_FRAME_MS = 150


class GuidePulse(QObject):
    """The zones a routine's step works, on which foot, and how strongly they show now.

    ``breathed`` says a frame of the breath is due: the guided zones want a repaint.
    """

    breathed = Signal()

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._zones: frozenset[str] = frozenset()
        self._foot: str | None = None
        self._pulsing = False
        self._clock = clock  # the breath's phase: the timer only says when to repaint
        self._timer = QTimer(self)
        self._timer.setInterval(PULSE_FRAME_MS)
        self._timer.timeout.connect(self.breathed)

    @property
    def zones(self) -> frozenset[str]:
        return self._zones

    @property
    def foot(self) -> str | None:
        """The foot the guide is on ("left" or "right"), or None for every foot."""
        return self._foot

    @property
    def breathing(self) -> bool:
        """Whether the breath is running now (it holds still when paused or out of sight)."""
        return self._timer.isActive()

    def set(self, zones: Iterable[str], foot: str | None, pulsing: bool, visible: bool) -> frozenset[str]:
        """Guide ``zones`` on ``foot``, breathing if ``pulsing`` (from now if ``visible``); the zones to repaint."""
        old = self._zones
        self._zones = frozenset(zones)
        self._foot = foot if foot in ("left", "right") else None
        self._pulsing = pulsing
        if self._zones and pulsing and visible:
            self._timer.start()
        else:
            self._timer.stop()
        return old | self._zones

    def covers(self, zone: str, foot: str | None) -> bool:
        """Whether the guide shows on ``zone`` drawn for ``foot`` (None: a view without a foot, the side view)."""
        return zone in self._zones and (self._foot is None or foot is None or foot == self._foot)

    def alpha(self) -> int:
        """The guide tint's alpha at this moment of the breath (its strongest when it holds still)."""
        low, high = GUIDE_ALPHA
        if not self._timer.isActive():
            return high
        phase = (self._clock() * 1000 % PULSE_MS) / PULSE_MS
        return round(low + (high - low) * (0.5 + 0.5 * math.cos(2 * math.pi * phase)))

    def shown(self) -> None:
        """The map came into sight: a guide that should breathe does again."""
        if self._zones and self._pulsing and not self._timer.isActive():
            self._timer.start()

    def hidden(self) -> None:
        """The map went out of sight: nobody sees it breathe, so no timer and no CPU."""
        self._timer.stop()
