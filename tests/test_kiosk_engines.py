"""The kiosk's engines on their own: the run record's verdicts, the idle rules, timeouts, exit statuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reflexmap.kiosk.idle import Activity, IdleState, IdleWatch, Timeout
from reflexmap.kiosk.run_record import Ending, RunRecord, boot_id
from reflexmap.systemd import EXIT_RESTART, EXIT_STAFF, STATUS_FILE_VARIABLE, report_exit_status


class Clock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


# --- the run record ---------------------------------------------------------------------------


class Machine:
    """One computer: a wall clock, a boot id that changes when the power goes, one record file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.clock = Clock(1.7e9)
        self.boot = "boot-1"

    def start(self) -> RunRecord:
        record = RunRecord(self.path, clock=self.clock, boot=lambda: self.boot)
        record.begin()
        return record

    def previous(self) -> Ending | None:
        """How the last run ended, as the next start tells it."""
        found = RunRecord(self.path, clock=self.clock, boot=lambda: self.boot).last_restart()
        return None if found is None else found.ending


@pytest.fixture
def machine(tmp_path: Path) -> Machine:
    return Machine(tmp_path / "last-run.json")


def test_the_first_run_has_no_previous_run(machine: Machine) -> None:
    assert machine.previous() is None
    machine.path.write_text("not json", encoding="utf-8")
    assert machine.previous() is None  # a damaged record is no run either


@pytest.mark.parametrize("ending", [Ending.CLEAN_EXIT, Ending.STAFF_EXIT, Ending.STAFF_RESTART, Ending.CRASH])
def test_a_run_that_says_how_it_ended_is_taken_at_its_word(machine: Machine, ending: Ending) -> None:
    run = machine.start()
    machine.clock.now += 3600
    run.ended(ending)
    machine.clock.now += 5
    previous = RunRecord(machine.path, clock=machine.clock, boot=lambda: machine.boot).last_restart()
    assert previous is not None and previous.ending == ending and previous.started == 1.7e9


def test_a_run_still_running_on_a_boot_that_is_gone_met_a_power_cut(machine: Machine) -> None:
    run = machine.start()
    machine.clock.now += 20
    run.alive(30.0)  # under the watchdog, alive until the lights went out
    machine.clock.now += 600
    machine.boot = "boot-2"
    assert machine.previous() == Ending.POWER_CUT


def test_a_run_whose_last_sign_of_life_is_a_watchdog_period_old_was_killed_by_the_watchdog(machine: Machine) -> None:
    run = machine.start()
    for _ in range(10):
        machine.clock.now += 15
        run.alive(30.0)  # the loop pings every half WatchdogSec...
    machine.clock.now += 30 + 3 + 1  # ...then froze: systemd waits 30 s, kills it, restarts 3 s later
    assert machine.previous() == Ending.WATCHDOG


def test_a_run_that_was_alive_until_a_moment_before_it_died_crashed(machine: Machine) -> None:
    run = machine.start()
    machine.clock.now += 15
    run.alive(30.0)
    machine.clock.now += 8 + 3 + 1  # a segfault 8 s after the last ping, restarted 3 s later
    assert machine.previous() == Ending.CRASH


def test_without_the_watchdog_a_silent_end_is_a_crash(machine: Machine) -> None:
    machine.start()
    machine.clock.now += 90
    assert machine.previous() == Ending.CRASH


def test_a_start_long_after_a_silent_end_does_not_guess_the_watchdog(machine: Machine) -> None:
    run = machine.start()
    run.alive(30.0)
    machine.clock.now += 3 * 3600  # someone started it by hand hours later: nothing tells what happened
    assert machine.previous() == Ending.CRASH


def test_what_the_record_keeps(machine: Machine) -> None:
    run = machine.start()
    machine.clock.now += 15
    run.alive(30.0)
    data = json.loads(machine.path.read_text(encoding="utf-8"))
    assert data["started"] == 1.7e9 and data["alive"] == 1.7e9 + 15 and data["watchdog_seconds"] == 30.0
    assert data["boot_id"] == "boot-1" and data["ended"] is None and data["why"] is None
    run.ended(Ending.STAFF_EXIT)
    data = json.loads(machine.path.read_text(encoding="utf-8"))
    assert data["why"] == "staff exit" and data["ended"] == 1.7e9 + 15


def test_this_machine_has_a_boot_id() -> None:
    if not Path("/proc/sys/kernel/random/boot_id").exists():
        pytest.skip("needs /proc/sys/kernel/random/boot_id (Linux)")
    assert boot_id() is not None and boot_id() == boot_id()


# --- idle rules ------------------------------------------------------------------------------


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def idle(qtbot: QtBot, clock: Clock) -> IdleWatch:
    return IdleWatch(60, 10, clock=clock)


def _after(idle: IdleWatch, clock: Clock, seconds: float) -> IdleState:
    clock.now += seconds
    idle.update()
    return idle.state


def test_no_touch_for_the_idle_time_resets(idle: IdleWatch, clock: Clock, qtbot: QtBot) -> None:
    assert _after(idle, clock, 59) == IdleState.ACTIVE
    with qtbot.waitSignal(idle.reset, timeout=1000):
        assert _after(idle, clock, 1) == IdleState.RESTING
    idle.touch()
    assert idle.state == IdleState.ACTIVE


def test_a_routine_playing_is_use_and_the_idle_time_counts_from_when_it_stops(idle: IdleWatch, clock: Clock) -> None:
    idle.set_activity(Activity.PLAYING)
    assert _after(idle, clock, 3600) == IdleState.ACTIVE  # an hour of hands-on massage: never asked
    idle.set_activity(Activity.NONE)  # it finished
    assert _after(idle, clock, 59) == IdleState.ACTIVE
    assert _after(idle, clock, 1) == IdleState.RESTING


def test_a_waiting_routine_asks_still_there_first(idle: IdleWatch, clock: Clock) -> None:
    idle.set_activity(Activity.PLAYING)
    clock.now += 500
    idle.set_activity(Activity.WAITING)  # paused, or a step until Done
    assert _after(idle, clock, 59) == IdleState.ACTIVE
    assert _after(idle, clock, 1) == IdleState.STILL_THERE
    assert idle.remaining() == 10
    assert _after(idle, clock, 4) == IdleState.STILL_THERE and idle.remaining() == 6
    idle.touch()  # an answer
    assert idle.state == IdleState.ACTIVE
    assert _after(idle, clock, 60) == IdleState.STILL_THERE
    assert _after(idle, clock, 10) == IdleState.RESTING


def test_staff_at_work_hold_the_reset_off(idle: IdleWatch, clock: Clock) -> None:
    idle.hold(True)
    assert _after(idle, clock, 600) == IdleState.ACTIVE
    idle.hold(False)
    assert _after(idle, clock, 59) == IdleState.ACTIVE
    assert _after(idle, clock, 1) == IdleState.RESTING


def test_a_timeout_closes_after_its_time_without_use(qtbot: QtBot, clock: Clock) -> None:
    timeout = Timeout(120, clock)
    timeout.start()
    clock.now += 100
    timeout.update()
    assert timeout.running and timeout.remaining() == 20
    timeout.touch()
    clock.now += 119
    timeout.update()
    assert timeout.running
    with qtbot.waitSignal(timeout.expired, timeout=1000):
        clock.now += 1
        timeout.update()
    assert not timeout.running


# --- exit statuses ------------------------------------------------------------------------------


def test_the_exit_statuses_are_the_ones_the_units_know() -> None:
    root = Path(__file__).resolve().parents[1] / "packaging"
    for unit in ("reflexmap-kiosk@.service", "reflexmap-kiosk.service"):
        text = (root / unit).read_text(encoding="utf-8")
        assert f"RestartPreventExitStatus={EXIT_STAFF}" in text, unit
        assert "Restart=always" in text, unit
    assert EXIT_RESTART != EXIT_STAFF and EXIT_RESTART not in (0, 1, 2)


def test_the_exit_status_is_left_where_the_session_script_asks(tmp_path: Path) -> None:
    path = tmp_path / "status"
    report_exit_status(EXIT_STAFF, {STATUS_FILE_VARIABLE: str(path)})
    assert path.read_text() == "10\n"
    report_exit_status(0, {})  # not asked: nothing
