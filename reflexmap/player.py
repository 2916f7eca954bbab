"""RoutinePlayer: the timing state machine of a routine.  QtCore only.

Time comes from a monotonic clock (``time.monotonic`` unless a test injects
its own) and every step has a deadline.  A timer only wakes the player up
when something visible changes (the next whole second, a cue, a deadline);
it never counts ticks, so a late timer or a blocked event loop cannot stretch
the routine: when the player wakes up late it catches up, and the next step
starts at the moment the previous one was due, not when it was noticed.

What needs no clock lives in :mod:`reflexmap.routine_run`: the plan fitted
to a length (``fit_plan``) and the log of what a run did (``RunLog``).
"""

from __future__ import annotations

import math
from enum import Enum

from PySide6.QtCore import QObject, QTimer, Signal

from reflexmap.clock import Clock, monotonic, until_next_whole_second
from reflexmap.fast_start import set_enum
from reflexmap.routine_run import PlannedStep, RunLog, Summary, fit_plan
from reflexmap.routines import Routine

__all__ = ["PLAYING", "Cue", "RoutinePlayer", "State", "countdown_cue"]

LEAD_IN_SECONDS = 5.0
#: Seconds before a timed step ends at which the 3-2-1 cue sounds.
COUNTDOWN = (3, 2, 1)


class State(Enum):
    """Where the player is; ``state_changed`` carries one of these."""

    IDLE = "idle"
    SAFETY = "safety"  # waiting for the person to confirm the contraindications
    LEAD_IN = "lead-in"  # get ready: the first step is shown
    RUNNING = "running"  # a timed step counts down
    WAITING = "waiting"  # an until-done step waits for Done
    PAUSED = "paused"
    FINISHED = "finished"


#: The states in which a routine is being followed (paused is not one of them).
PLAYING = frozenset({State.LEAD_IN, State.RUNNING, State.WAITING})


class Cue(Enum):
    """What ``cue`` announces: a step change, or a second of the 3-2-1 before a timed step ends."""

    CHIME = "chime"
    THREE = 3
    TWO = 2
    ONE = 1

    @property
    def counting(self) -> bool:
        return self is not Cue.CHIME


def countdown_cue(left: float, seconds: float, given: set[int]) -> Cue | None:
    """The 3-2-1 cue due with ``left`` seconds to go in a timed step of ``seconds``, if one is (once each).

    ``given`` holds the counts already given in this step; a step too short
    to count down in gets none.
    """
    due = [n for n in COUNTDOWN if left <= n and n not in given]
    if not due or seconds <= max(COUNTDOWN) + 1:
        return None
    given.update(due)
    return Cue(min(due))


class RoutinePlayer(QObject):
    """Plays one routine: lead-in, timed and until-done steps, pause, skip, jump."""

    state_changed = Signal(object)  # the new State
    step_changed = Signal(int)  # index into plan(); -1 when none
    tick = Signal()  # something shown on screen changed (a second passed...)
    cue = Signal(object)  # a Cue: the chime at a step change, 3-2-1 before a timed step ends
    finished = Signal()

    def __init__(
        self, clock: Clock | None = None, lead_in: float = LEAD_IN_SECONDS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._clock: Clock = clock or monotonic
        self.lead_in = lead_in
        self._routine: Routine | None = None
        self._target: float | None = None
        self._plan: list[PlannedStep] = []
        self._state = State.IDLE
        self._resume_to = State.IDLE
        self._index = -1
        self._deadline: float | None = None
        self._remaining: float | None = None  # frozen while paused
        self._started = 0.0  # when the current step began (its scheduled time)
        self._cued: set[int] = set()
        self._safety_ok = False
        self._log = RunLog()
        #: When the last run finished, on the player's clock (the scheduled moment, not when noticed).
        self.finished_at: float | None = None
        self._wake = QTimer(self)
        self._wake.setSingleShot(True)
        set_enum(self._wake, "timerType", "PreciseTimer")
        self._wake.timeout.connect(self.update)

    # --- what is playing ------------------------------------------------------------

    @property
    def state(self) -> State:
        return self._state

    @property
    def phase(self) -> State:
        """The state, looking through a pause (LEAD_IN, RUNNING or WAITING while paused)."""
        return self._resume_to if self._state == State.PAUSED else self._state

    @property
    def routine(self) -> Routine | None:
        return self._routine

    @property
    def index(self) -> int:
        return self._index

    @property
    def target_seconds(self) -> float | None:
        return self._target

    def plan(self) -> list[PlannedStep]:
        return list(self._plan)

    def current(self) -> PlannedStep | None:
        return self._plan[self._index] if 0 <= self._index < len(self._plan) else None

    def upcoming(self) -> PlannedStep | None:
        """The step after the current one (during the lead-in: the one after the first)."""
        nxt = self._index + 1
        return self._plan[nxt] if 0 <= self._index and nxt < len(self._plan) else None

    def load(self, routine: Routine, target_seconds: float | None = None) -> None:
        """Get ``routine`` ready to play, optionally fitted to ``target_seconds``."""
        self._halt()
        self._routine = routine
        self._target = target_seconds
        self._plan = fit_plan(routine.sequence(), target_seconds)
        self._safety_ok = not routine.contraindications
        self._set_state(State.IDLE)

    def fit(self, target_seconds: float | None) -> None:
        """Fit the loaded routine to a new length (before it starts)."""
        if self._routine is not None and self._state in (State.IDLE, State.SAFETY, State.FINISHED):
            self._target = target_seconds
            self._plan = fit_plan(self._routine.sequence(), target_seconds)
            self.tick.emit()

    # --- time ---------------------------------------------------------------------

    def step_remaining(self) -> float | None:
        """Seconds left in the current step (or lead-in); None while waiting for Done."""
        if self._state == State.PAUSED:
            return self._remaining
        if self._deadline is None:
            return None
        return max(0.0, self._deadline - self._clock())

    def total_seconds(self) -> float:
        return sum(p.seconds or 0.0 for p in self._plan)

    def total_remaining(self) -> float:
        """Seconds of timed steps still to go, the current one included."""
        if self._state in (State.IDLE, State.SAFETY):
            return self.total_seconds()
        if self._state == State.FINISHED or self._index < 0:
            return 0.0
        later = sum(p.seconds or 0.0 for p in self._plan[self._index + 1 :])
        current = self._plan[self._index].seconds or 0.0
        if self.phase != State.LEAD_IN and current:
            current = self.step_remaining() or 0.0
        return later + current

    def progress(self) -> float:
        """How much of the routine is behind us, 0..1."""
        if self._state == State.FINISHED:
            return 1.0
        total = self.total_seconds()
        if total > 0:
            return max(0.0, min(1.0, 1.0 - self.total_remaining() / total))
        return max(0, self._index) / max(1, len(self._plan))

    def summary(self) -> Summary:
        """What the run did so far (all of it, once finished)."""
        return self._log.summary(self._plan, self._clock())

    # --- controls -------------------------------------------------------------------

    def start(self) -> None:
        """Begin; a routine with contraindications first asks for the safety check."""
        if self._routine is None or self._state not in (State.IDLE, State.FINISHED, State.SAFETY):
            return
        if not self._safety_ok:
            self._set_state(State.SAFETY)
            return
        self._begin()

    def confirm_safety(self) -> None:
        """The person read the contraindications and none applies."""
        if self._state == State.SAFETY:
            self._safety_ok = True
            self._begin()

    def cancel_safety(self) -> None:
        if self._state == State.SAFETY:
            self._set_state(State.IDLE)

    def pause(self) -> None:
        if self._state in PLAYING:
            self._pause_at(self._clock())

    def resume(self) -> None:
        if self._state != State.PAUSED:
            return
        now = self._clock()
        self._deadline = None if self._remaining is None else now + self._remaining
        self._remaining = None
        self._set_state(self._resume_to, now)
        self._schedule(now)

    def toggle_pause(self) -> None:
        if self._state == State.PAUSED:
            self.resume()
        else:
            self.pause()

    def next(self) -> None:
        """Skip to the next step (the last one finishes the routine)."""
        if self._index < 0 or not self._active_state():
            return
        self._go(self._index + 1, completed=False)

    def previous(self) -> None:
        """Back to the previous step (on the first step: start it over)."""
        if self._index < 0 or not self._active_state():
            return
        self._go(max(0, self._index - 1), completed=False)

    def jump(self, index: int) -> None:
        """Go straight to step ``index`` of the plan."""
        if not self._active_state() or not 0 <= index < len(self._plan):
            return
        self._go(index, completed=False)

    def done(self) -> None:
        """The person finished an until-done step."""
        if self.phase == State.WAITING:
            self._go(self._index + 1, completed=True)

    def restart(self) -> None:
        """From the top, with the lead-in again."""
        if self._routine is not None and self._state not in (State.IDLE, State.SAFETY):
            self._begin()

    def stop(self) -> None:
        """Abandon the run; the routine stays loaded."""
        if self._state != State.IDLE:
            self._halt()
            self._set_state(State.IDLE, self._clock())

    # --- the clock --------------------------------------------------------------------

    def update(self) -> None:
        """Catch up with the clock: end steps whose time is up, give cues, plan the next wake-up."""
        now = self._clock()
        while self._deadline is not None and now >= self._deadline:
            due = self._deadline
            if self._state == State.LEAD_IN:
                self._enter(self._index, due)
            elif self._state == State.RUNNING:
                self._record(due, completed=True)
                if self._index + 1 < len(self._plan):
                    self._enter(self._index + 1, due)
                else:
                    self._finish(due)
            else:
                break
        if self._state == State.RUNNING and self._deadline is not None:
            counted = countdown_cue(self._deadline - now, self._plan[self._index].seconds or 0.0, self._cued)
            if counted is not None:
                self.cue.emit(counted)
        self.tick.emit()
        self._schedule(now)

    # --- internals ------------------------------------------------------------------------

    def _active_state(self) -> bool:
        return self._state in PLAYING or self._state == State.PAUSED

    def _begin(self) -> None:
        now = self._clock()
        self._wake.stop()
        self._log.begin(now, on_a_step=self._state in (State.RUNNING, State.WAITING))
        self._index = 0
        self._cued = set()
        if self.lead_in > 0:
            self._deadline = now + self.lead_in
            self._set_state(State.LEAD_IN, now)
            self.step_changed.emit(0)
            self._schedule(now)
        else:
            self._enter(0, now)

    def _go(self, index: int, completed: bool) -> None:
        now = self._clock()
        paused = self._state == State.PAUSED
        if self.phase != State.LEAD_IN:  # a step was being worked: it ends here
            self._record(now, completed)
        if index >= len(self._plan):
            self._finish(now)
            return
        self._enter(index, now)
        if paused:  # stay paused, on the new step, with its whole time
            self._pause_at(now)

    def _pause_at(self, now: float) -> None:
        """Pause at ``now``: the time left in the step (or lead-in) is kept until :meth:`resume`."""
        self._remaining = None if self._deadline is None else max(0.0, self._deadline - now)
        self._resume_to = self._state
        self._deadline = None
        self._wake.stop()
        self._set_state(State.PAUSED, now)

    def _enter(self, index: int, at: float) -> None:
        self._index = index
        self._started = at
        self._cued = set()
        seconds = self._plan[index].seconds
        if seconds is None:
            self._deadline = None
            self._set_state(State.WAITING, at)
        else:
            self._deadline = at + seconds
            self._set_state(State.RUNNING, at)
        self.step_changed.emit(index)
        self.cue.emit(Cue.CHIME)
        self._schedule(self._clock())

    def _record(self, at: float, completed: bool) -> None:
        if 0 <= self._index < len(self._plan):
            self._log.record(self._index, self._started, at, completed)

    def _finish(self, at: float) -> None:
        self.finished_at = at
        self._deadline = None
        self._wake.stop()
        self._set_state(State.FINISHED, at)
        self.step_changed.emit(-1)
        self.cue.emit(Cue.CHIME)
        self.finished.emit()

    def _halt(self) -> None:
        self._wake.stop()
        self._deadline = None
        self._remaining = None
        self._index = -1
        self.step_changed.emit(-1)

    def _set_state(self, state: State, at: float | None = None) -> None:
        """Change state at time ``at``; time in RUNNING or WAITING counts as active."""
        if state == self._state:
            return
        at = self._clock() if at is None else at
        self._log.entered(at, active=state in (State.RUNNING, State.WAITING))
        self._state = state
        self.state_changed.emit(state)

    def _schedule(self, now: float) -> None:
        """Wake at the next moment the display changes: a whole second, a cue or the deadline."""
        if self._deadline is None or self._state not in (State.LEAD_IN, State.RUNNING):
            self._wake.stop()
            return
        wake_in = until_next_whole_second(self._deadline - now)  # when the shown whole seconds change
        self._wake.start(max(0, math.ceil(wake_in * 1000)))
