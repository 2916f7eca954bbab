"""Idleness: when the kiosk resets for the next visitor (:class:`IdleWatch`), and when an open pad or panel closes."""

from __future__ import annotations

import math
from enum import Enum

from PySide6.QtCore import QObject, QTimer, Signal

from reflexmap.clock import Clock, monotonic, until_next_whole_second
from reflexmap.fast_start import set_enum

__all__ = ["Activity", "IdleState", "IdleWatch", "Timeout"]


class IdleState(Enum):
    """Whether someone uses the kiosk; ``IdleWatch.state_changed`` carries one of these."""

    ACTIVE = "active"  # someone is using it
    STILL_THERE = "still-there"  # a routine waits and nobody touched: asking before resetting
    RESTING = "resting"  # reset; the attract loop runs


class Activity(Enum):
    """What the visitor's routine is doing, as far as idleness goes (``IdleWatch.set_activity``)."""

    NONE = "none"  # no routine under way (or it finished): reset after the idle time
    PLAYING = "playing"  # a routine plays on its own: that is use, hands on a foot need no taps
    WAITING = "waiting"  # it waits for the visitor (paused, or a step until Done): ask "Still there?" first


class IdleWatch(QObject):
    """Decides when the kiosk resets: ``idle_seconds`` without input and without a routine playing.

    A routine playing on its own counts as use.  One that waits for the
    visitor asks "Still there?" for ``still_there_seconds`` first; any input
    answers.  The idle time counts from the last input or from when the
    routine stopped playing, whichever came last.  ``touch()`` is every input;
    ``hold()`` keeps the kiosk from resetting while staff work in it.
    """

    state_changed = Signal(object)  # the new IdleState
    reset = Signal()  # time to clear everything and start the attract loop
    tick = Signal()  # the "Still there?" countdown moved

    def __init__(
        self,
        idle_seconds: float = 60.0,
        still_there_seconds: float = 10.0,
        clock: Clock | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.idle_seconds = idle_seconds
        self.still_there_seconds = still_there_seconds
        self._clock = clock or monotonic
        self._last = self._clock()
        self._state = IdleState.ACTIVE
        self._activity = Activity.NONE
        self._held = False
        self._ask_deadline = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        set_enum(self._timer, "timerType", "PreciseTimer")
        self._timer.timeout.connect(self.update)
        self._schedule()

    @property
    def state(self) -> IdleState:
        return self._state

    @property
    def activity(self) -> Activity:
        return self._activity

    @property
    def held(self) -> bool:
        return self._held

    def remaining(self) -> float:
        """Seconds left on the "Still there?" countdown (0 outside it)."""
        if self._state != IdleState.STILL_THERE:
            return 0.0
        return max(0.0, self._ask_deadline - self._clock())

    def touch(self) -> None:
        """Someone used the kiosk."""
        self._last = self._clock()
        if self._state != IdleState.ACTIVE:
            self._set(IdleState.ACTIVE)
        self._schedule()

    def set_activity(self, activity: Activity) -> None:
        """The visitor's routine changed what it does (the kiosk follows the player's state)."""
        was_in_use = self._in_use()
        self._activity = activity
        self._after_use_changed(was_in_use)

    def hold(self, held: bool) -> None:
        """Staff are at work (the staff panel): no reset until they are done."""
        was_in_use = self._in_use()
        self._held = held
        self._after_use_changed(was_in_use)

    def rest(self) -> None:
        """Go to the attract loop now (a staff reset, a reload)."""
        self._set(IdleState.RESTING)
        self._schedule()
        self.reset.emit()  # last: a reload landing at the reset may retire this watch's kiosk

    def update(self) -> None:
        """Look at the clock and decide (the timer calls this; a test or the soak may too)."""
        now = self._clock()
        if self._state == IdleState.ACTIVE and not self._in_use() and now - self._last >= self.idle_seconds:
            if self._activity == Activity.WAITING:
                self._ask_deadline = self._last + self.idle_seconds + self.still_there_seconds
                self._set(IdleState.STILL_THERE)
            else:
                self.rest()
                return
        if self._state == IdleState.STILL_THERE:
            if now >= self._ask_deadline:
                self.rest()
                return
            self.tick.emit()
        self._schedule()

    def _in_use(self) -> bool:
        return self._held or self._activity == Activity.PLAYING

    def _after_use_changed(self, was_in_use: bool) -> None:
        if self._in_use():
            if self._state == IdleState.STILL_THERE:
                self._set(IdleState.ACTIVE)
        elif was_in_use:
            self._last = self._clock()  # the idle time starts now, not at the last touch
        self._schedule()

    def _set(self, state: IdleState) -> None:
        if state != self._state:
            self._state = state
            self.state_changed.emit(state)

    def _schedule(self) -> None:
        now = self._clock()
        if self._state == IdleState.ACTIVE and not self._in_use():
            due = self._last + self.idle_seconds
        elif self._state == IdleState.STILL_THERE:
            due = now + until_next_whole_second(self._ask_deadline - now)
        else:
            self._timer.stop()
            return
        self._timer.start(max(0, math.ceil((due - now) * 1000)))


class Timeout(QObject):
    """Closes something after ``seconds`` without use (the PIN pad, the staff panel): ``expired``.

    ``start()`` when it opens, ``touch()`` on every use, ``stop()`` when it
    closes.  While it runs it looks at the clock every second (open things
    are rare and short: the wake-ups cost nothing).
    """

    expired = Signal()

    def __init__(self, seconds: float, clock: Clock | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.seconds = seconds
        self._clock = clock or monotonic
        self._deadline: float | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.update)

    @property
    def running(self) -> bool:
        return self._deadline is not None

    def remaining(self) -> float:
        """Seconds until it expires (0 when it is not running)."""
        return 0.0 if self._deadline is None else max(0.0, self._deadline - self._clock())

    def start(self) -> None:
        self._deadline = self._clock() + self.seconds
        self._schedule()

    def touch(self) -> None:
        """Used now: the time starts again (if it runs)."""
        if self._deadline is not None:
            self.start()

    def stop(self) -> None:
        self._deadline = None
        self._timer.stop()

    def update(self) -> None:
        """Look at the clock: past the deadline, stop and say so."""
        if self._deadline is None:
            return
        if self._clock() >= self._deadline:
            self.stop()
            self.expired.emit()
            return
        self._schedule()

    def _schedule(self) -> None:
        if self._deadline is not None:
            left = min(1.0, self._deadline - self._clock())
            self._timer.start(max(0, math.ceil(left * 1000)))
