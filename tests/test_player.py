"""The routine player's state machine, driven by an injected clock: no wall time."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from reflexmap.content import Text
from reflexmap.player import Cue, RoutinePlayer, State
from reflexmap.routine_run import MIN_STEP_SECONDS, fit_plan
from reflexmap.routines import Routine, Step


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _t(s: str) -> Text:
    return Text(en=s, uk=s + " (uk)")


def _routine(*durations: float | str, other_foot: bool = False, contra: bool = False) -> Routine:
    zones = ["toes", "arch", "heel", "top", "ankle", "achilles", "metatarsus", "medial-edge"]
    steps = tuple(
        Step(zone=zones[i % len(zones)], foot="right", duration=d, instruction=_t(f"step {i + 1}"))
        for i, d in enumerate(durations)
    )
    return Routine(
        name=_t("test"),
        description=_t("test routine"),
        steps=steps,
        then_other_foot=other_foot,
        contraindications=(_t("open wounds"),) if contra else (),
    )


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def player(clock: FakeClock, qtbot: QtBot) -> RoutinePlayer:
    return RoutinePlayer(clock=clock, lead_in=5.0)


def _advance(player: RoutinePlayer, clock: FakeClock, seconds: float) -> None:
    clock.now += seconds
    player.update()


def test_lead_in_then_steps_in_order_then_finished(player: RoutinePlayer, clock: FakeClock) -> None:
    player.load(_routine(10, 20, 30))
    steps: list[int] = []
    player.step_changed.connect(steps.append)
    player.start()
    assert player.state == State.LEAD_IN and player.index == 0
    assert player.step_remaining() == pytest.approx(5.0)
    _advance(player, clock, 5.0)
    assert player.state == State.RUNNING and player.index == 0
    assert player.step_remaining() == pytest.approx(10.0)
    _advance(player, clock, 10.0)
    assert player.index == 1
    _advance(player, clock, 19.9)
    assert player.index == 1 and player.step_remaining() == pytest.approx(0.1)
    _advance(player, clock, 0.1)
    assert player.index == 2
    _advance(player, clock, 30.0)
    assert player.state == State.FINISHED
    assert steps == [0, 0, 1, 2, -1]
    summary = player.summary()
    assert summary.steps_done == 3 and summary.steps_skipped == 0
    assert summary.active_seconds == pytest.approx(60.0)
    assert summary.feet == ("right",)


def test_a_late_wake_up_catches_up_without_stretching_the_routine(player: RoutinePlayer, clock: FakeClock) -> None:
    player.lead_in = 0
    player.load(_routine(10, 10, 10))
    player.start()
    _advance(player, clock, 14.9)  # the event loop was blocked across a boundary
    assert player.index == 1
    assert player.step_remaining() == pytest.approx(5.1)  # step 2 started at t=10, not when noticed
    _advance(player, clock, 15.1)
    assert player.state == State.FINISHED
    assert player.summary().active_seconds == pytest.approx(30.0)


def test_pause_freezes_the_remaining_time_exactly_and_resume_continues(player: RoutinePlayer, clock: FakeClock) -> None:
    player.lead_in = 0
    player.load(_routine(30))
    player.start()
    _advance(player, clock, 12.25)
    player.pause()
    assert player.state == State.PAUSED
    assert player.step_remaining() == pytest.approx(17.75)
    _advance(player, clock, 500.0)  # a long pause
    assert player.step_remaining() == pytest.approx(17.75)
    assert player.state == State.PAUSED
    player.resume()
    assert player.state == State.RUNNING
    _advance(player, clock, 17.7)
    assert player.state == State.RUNNING
    _advance(player, clock, 0.05)
    assert player.state == State.FINISHED
    assert player.summary().active_seconds == pytest.approx(30.0)


def test_pause_during_lead_in_and_toggle(player: RoutinePlayer, clock: FakeClock) -> None:
    player.load(_routine(10))
    player.start()
    _advance(player, clock, 2.0)
    player.toggle_pause()
    _advance(player, clock, 60.0)
    assert player.state == State.PAUSED and player.step_remaining() == pytest.approx(3.0)
    player.toggle_pause()
    assert player.state == State.LEAD_IN
    _advance(player, clock, 3.0)
    assert player.state == State.RUNNING


def test_next_previous_and_jump(player: RoutinePlayer, clock: FakeClock) -> None:
    player.lead_in = 0
    player.load(_routine(10, 20, 30, 40))
    player.start()
    _advance(player, clock, 3.0)
    player.next()
    assert player.index == 1 and player.step_remaining() == pytest.approx(20.0)
    player.previous()
    assert player.index == 0 and player.step_remaining() == pytest.approx(10.0)
    player.previous()  # on the first step: start it over
    assert player.index == 0
    player.jump(3)
    assert player.index == 3 and player.step_remaining() == pytest.approx(40.0)
    player.jump(99)  # out of range: ignored
    assert player.index == 3
    player.next()  # past the last step: finished
    assert player.state == State.FINISHED
    assert player.summary().steps_done == 0
    assert player.summary().steps_skipped == 4  # each step of the plan, passed by Next or jumped over


def test_steps_jumped_over_count_as_skipped_and_a_step_gone_back_to_and_finished_does_not(
    player: RoutinePlayer, clock: FakeClock
) -> None:
    player.lead_in = 0
    player.load(_routine(10, 10, 10, 10, 10, 10))
    player.start()
    _advance(player, clock, 10.0)  # step 1 runs its time
    player.jump(4)  # over steps 2, 3 and 4, to step 5
    player.previous()  # back to step 4, which runs its time, as do 5 and 6
    for _ in range(3):
        _advance(player, clock, 10.0)
    assert player.state == State.FINISHED
    summary = player.summary()
    assert summary.steps_done == 4  # steps 1, 4, 5 and 6
    assert summary.steps_skipped == 2  # steps 2 and 3: never played


def test_next_while_paused_stays_paused_on_the_new_step(player: RoutinePlayer, clock: FakeClock) -> None:
    player.lead_in = 0
    player.load(_routine(10, 20))
    player.start()
    player.pause()
    player.next()
    assert player.state == State.PAUSED and player.index == 1
    assert player.step_remaining() == pytest.approx(20.0)
    _advance(player, clock, 100)
    assert player.index == 1
    player.resume()
    _advance(player, clock, 20)
    assert player.state == State.FINISHED


def test_restart_goes_back_to_the_lead_in_and_stop_returns_to_idle(player: RoutinePlayer, clock: FakeClock) -> None:
    player.load(_routine(10, 10))
    player.start()
    _advance(player, clock, 5 + 12)
    assert player.index == 1
    player.restart()
    assert player.state == State.LEAD_IN and player.index == 0
    assert player.total_remaining() == pytest.approx(20.0)
    player.stop()
    assert player.state == State.IDLE and player.index == -1
    player.next()  # nothing playing: ignored
    assert player.state == State.IDLE


def test_until_done_step_waits_for_done(player: RoutinePlayer, clock: FakeClock) -> None:
    player.lead_in = 0
    player.load(_routine(5, "until-done", 5))
    player.start()
    _advance(player, clock, 5)
    assert player.state == State.WAITING and player.index == 1
    assert player.step_remaining() is None
    _advance(player, clock, 600)
    assert player.state == State.WAITING and player.index == 1
    player.pause()
    player.resume()
    assert player.state == State.WAITING
    player.done()
    assert player.state == State.RUNNING and player.index == 2
    _advance(player, clock, 5)
    summary = player.summary()
    assert player.state == State.FINISHED
    assert summary.steps_done == 3
    assert summary.active_seconds == pytest.approx(610)


def test_done_is_ignored_on_a_timed_step(player: RoutinePlayer, clock: FakeClock) -> None:
    player.lead_in = 0
    player.load(_routine(5, 5))
    player.start()
    player.done()
    assert player.index == 0


def test_safety_check_gates_the_start(player: RoutinePlayer, clock: FakeClock) -> None:
    player.load(_routine(10, contra=True))
    player.start()
    assert player.state == State.SAFETY
    _advance(player, clock, 100)
    assert player.state == State.SAFETY and player.index == -1
    player.next()
    assert player.state == State.SAFETY
    player.cancel_safety()
    assert player.state == State.IDLE
    player.start()
    player.confirm_safety()
    assert player.state == State.LEAD_IN
    player.stop()
    player.start()  # confirmed once for this routine: no second check
    assert player.state == State.LEAD_IN


def test_cues_chime_at_each_step_and_count_3_2_1_before_the_end(player: RoutinePlayer, clock: FakeClock) -> None:
    player.lead_in = 0
    player.load(_routine(10, 10))
    cues: list[Cue] = []
    player.cue.connect(cues.append)
    player.start()
    for _ in range(40):
        _advance(player, clock, 0.5)
    assert player.state == State.FINISHED
    chime, three, two, one = Cue.CHIME, Cue.THREE, Cue.TWO, Cue.ONE
    assert cues == [chime, three, two, one, chime, three, two, one, chime]


def test_foot_changes_with_then_other_foot(player: RoutinePlayer, clock: FakeClock) -> None:
    player.lead_in = 0
    player.load(_routine(10, 10, other_foot=True))
    feet = [p.step.foot for p in player.plan()]
    assert feet == ["right", "right", "left", "left"]
    player.start()
    _advance(player, clock, 40)
    assert player.summary().feet == ("right", "left")


def test_fit_my_time_scales_timed_steps_to_the_target() -> None:
    steps = _routine(10, 20, 30, "until-done", 40).steps
    plan = fit_plan(steps, 5 * 60)
    timed = [p.seconds for p in plan if p.seconds is not None]
    assert sum(timed) == 300
    assert timed == [30, 60, 90, 120]
    assert plan[3].seconds is None
    assert fit_plan(steps, None)[1].seconds == 20


def test_fit_my_time_keeps_a_sensible_minimum() -> None:
    steps = _routine(60, 60, 60, 6, 6, 6).steps
    plan = fit_plan(steps, 45)
    seconds = [p.seconds for p in plan if p.seconds is not None]
    assert len(seconds) == len(plan)
    assert all(s >= min(MIN_STEP_SECONDS, 6) for s in seconds)
    assert sum(seconds) == 45
    tiny = fit_plan(steps, 10)  # cannot fit: every step at its minimum
    assert [p.seconds for p in tiny] == [5.0] * 6


def test_player_fits_the_loaded_routine(player: RoutinePlayer) -> None:
    player.load(_routine(10, 20, 30), target_seconds=180)
    assert player.total_seconds() == 180
    player.fit(None)
    assert player.total_seconds() == 60


def test_progress_and_total_remaining(player: RoutinePlayer, clock: FakeClock) -> None:
    player.lead_in = 0
    player.load(_routine(10, 30))
    assert player.progress() == 0.0
    player.start()
    _advance(player, clock, 20)
    assert player.total_remaining() == pytest.approx(20)
    assert player.progress() == pytest.approx(0.5)


def test_wake_timer_is_set_for_the_next_visible_second(player: RoutinePlayer, clock: FakeClock) -> None:
    player.lead_in = 0
    player.load(_routine(10))
    player.start()
    clock.now += 0.3
    player.update()
    # 9.7 s left: the display changes to 9 in 0.7 s
    assert player._wake.isActive()
    assert 690 <= player._wake.interval() <= 710
