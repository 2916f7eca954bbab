"""A routine's run apart from its clock: the plan fitted to a length, and the log of what was done.

:func:`fit_plan` gives each step the time it gets in this run;
:class:`RunLog` keeps the steps worked and skipped and the time spent on
them, for the completion screen (:class:`Summary`).  No Qt here:
:class:`reflexmap.player.RoutinePlayer` drives both with its clock.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reflexmap.record import record
from reflexmap.routines import Step

__all__ = ["MIN_STEP_SECONDS", "PlannedStep", "RunLog", "StepRecord", "Summary", "fit_plan"]

#: Fit-my-time never makes a timed step shorter than this.
MIN_STEP_SECONDS = 5.0


@record
class PlannedStep:
    """A step with the time it gets in this run (None: until the person presses Done)."""

    step: Step
    seconds: float | None


@record
class StepRecord:
    """One step of a run: when it was worked, and whether it was done."""

    index: int
    started: float
    ended: float
    completed: bool  # ran its time or was marked done; False if skipped


@record
class Summary:
    """What a finished run did, for the completion screen."""

    steps_done: int
    steps_skipped: int
    feet: tuple[str, ...]  # "right", "left" in the order they were worked
    zones: tuple[str, ...]
    active_seconds: float  # time spent on steps, pauses not counted


def fit_plan(
    steps: Sequence[Step], target_seconds: float | None = None, minimum: float = MIN_STEP_SECONDS
) -> list[PlannedStep]:
    """Scale the timed steps so that together they last ``target_seconds``.

    Proportions are kept, no step gets less than ``minimum`` (or its own
    length, if shorter), and seconds are whole and add up exactly to the
    target whenever the minimums allow.  Until-done steps are left alone.
    """
    if target_seconds is None:
        return [PlannedStep(s, s.seconds) for s in steps]
    timed = [i for i, s in enumerate(steps) if s.seconds is not None]
    if not timed:
        return [PlannedStep(s, None) for s in steps]
    base = {i: float(steps[i].seconds or 0.0) for i in timed}
    floor = {i: min(minimum, base[i]) for i in timed}
    fixed: dict[int, float] = {}
    while True:
        free = [i for i in timed if i not in fixed]
        budget = target_seconds - sum(fixed.values())
        free_total = sum(base[i] for i in free)
        if not free or budget <= 0 or free_total <= 0:
            shares = {i: floor[i] for i in free}
            break
        shares = {i: base[i] * budget / free_total for i in free}
        low = [i for i in free if shares[i] < floor[i]]
        if not low:
            break
        fixed.update({i: floor[i] for i in low})
    exact = {**fixed, **shares}
    # whole seconds, largest remainders first, so the sum stays on target
    whole = {i: max(math.floor(v), math.ceil(floor[i])) for i, v in exact.items()}
    want = round(max(target_seconds, sum(whole.values())))
    by_remainder = sorted(timed, key=lambda i: exact[i] - math.floor(exact[i]), reverse=True)
    k = 0
    while sum(whole.values()) < want and by_remainder:
        whole[by_remainder[k % len(by_remainder)]] += 1
        k += 1
    return [PlannedStep(s, float(whole[i]) if i in whole else None) for i, s in enumerate(steps)]


class RunLog:
    """What one run did: each step worked or skipped, and the time spent on steps (pauses not counted)."""

    def __init__(self) -> None:
        self.records: list[StepRecord] = []
        self._active = 0.0
        self._active_since: float | None = None

    def begin(self, now: float, on_a_step: bool) -> None:
        """A new run from ``now``, nothing done yet.

        ``on_a_step``: restarted in the middle of a step, so time on a step
        counts on from ``now`` (what was counted so far belongs to the
        abandoned run).
        """
        self.records = []
        self._active = 0.0
        self._active_since = now if on_a_step else None

    def record(self, index: int, started: float, ended: float, completed: bool) -> None:
        """Step ``index`` was worked from ``started`` to ``ended``; ``completed`` unless it was skipped."""
        self.records.append(StepRecord(index, started, ended, completed))

    def entered(self, at: float, active: bool) -> None:
        """The player changed state at ``at``; ``active`` if it is on a step now (running, or waiting for Done)."""
        if self._active_since is not None:
            self._active += max(0.0, at - self._active_since)
            self._active_since = None
        if active:
            self._active_since = at

    def active_seconds(self, now: float) -> float:
        """Time spent on steps until ``now``."""
        extra = 0.0 if self._active_since is None else max(0.0, now - self._active_since)
        return self._active + extra

    def summary(self, plan: Sequence[PlannedStep], now: float) -> Summary:
        """What the run did until ``now``, with the steps of ``plan``."""
        done = [r for r in self.records if r.completed]
        worked = [r for r in self.records if r.completed or r.ended - r.started >= 1.0]
        feet: list[str] = []
        zones: list[str] = []
        for r in worked:
            step = plan[r.index].step
            for foot in ("right", "left") if step.foot in ("both", "none") else (step.foot,):
                if step.foot != "none" and foot not in feet:
                    feet.append(foot)
            for zone in step.zones:
                if zone not in zones:
                    zones.append(zone)
        # skipped: every step up to the furthest one reached that was never finished, passed by Next or
        # by a jump over it alike (a step skipped, then gone back to and finished, is not)
        finished = {r.index for r in done}
        furthest = max((r.index for r in self.records), default=-1)
        skipped = sum(1 for i in range(furthest + 1) if i not in finished)
        return Summary(len(done), skipped, tuple(feet), tuple(zones), self.active_seconds(now))
