"""Time for everything that is timed: one clock type, and the whole-second wake-up.

Every engine that decides something by time (the routine player, the idle
watch, the PIN lockout, the staff panel's uptime) reads a :data:`Clock`
handed to it in its constructor, ``time.monotonic`` unless a test or the
soak injects its own.  A Qt timer only wakes an engine up to look at the
clock; it never counts time itself, so a stalled event loop delays what is
shown, never what is decided.  No Qt here.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

__all__ = ["Clock", "monotonic", "until_next_whole_second"]

#: Seconds on a clock that never goes backwards.
Clock = Callable[[], float]

monotonic: Clock = time.monotonic


def until_next_whole_second(left: float) -> float:
    """Seconds from now until ``left`` (seconds to a deadline) next crosses a whole second.

    A countdown showing whole seconds changes exactly then, so that is when
    to wake up; at or past the deadline, at once.
    """
    if left <= 0:
        return 0.0
    return left - (math.ceil(left) - 1)
