"""Routine timing on the real clock, with the event loop blocked on purpose.

1. A 60 s routine (12 steps of 5 s, no lead-in) plays while a timer blocks
   the event loop for 300 ms once every second.  We record when each step
   change is signalled and when the routine finishes, against the schedule.
   Run twice: with the blocks between step boundaries (phase 0.5 s), and
   with blocks that straddle every step change and the end (phase 0.9 s),
   where no program can signal anything until the block ends; what matters
   there is that the lateness never carries over to the next step.  A
   countdown that counts timer ticks runs beside it for comparison.
2. The Routines tab plays a routine for 20 s (offscreen, countdown and
   pulsing map included) and we read the process's CPU time.

    python -m benchmarks.player_timing [--cpu-seconds 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from reflexmap.content import Text
from reflexmap.player import RoutinePlayer
from reflexmap.routines import Routine, Step

FINISH_TARGET_MS = 50.0
BOUNDARY_TARGET_MS = 20.0
CPU_TARGET = 2.0


def _routine(steps: int = 12, seconds: float = 5.0) -> Routine:
    text = Text(en="step", uk="крок")
    zones = ("toes", "metatarsus", "arch", "heel")
    return Routine(
        name=text,
        description=text,
        steps=tuple(Step(zone=zones[i % 4], foot="right", duration=seconds, instruction=text) for i in range(steps)),
    )


def _blocker(start: float, phase: float) -> QTimer:
    """Blocks the event loop for 300 ms at start + phase + k seconds, k = 0, 1, 2..."""
    blocker = QTimer()
    blocker.setTimerType(Qt.TimerType.PreciseTimer)
    blocker.setSingleShot(True)
    count = [0]

    def block() -> None:
        count[0] += 1
        time.sleep(0.3)
        due = start + phase + count[0]
        blocker.start(max(0, round((due - time.monotonic()) * 1000)))

    blocker.timeout.connect(block)
    blocker.start(round(phase * 1000))
    return blocker


def tick_counting_run(app: QApplication, phase: float) -> float:
    """For comparison: a countdown that counts 100 ms timer ticks. Returns its finish error in ms."""
    ticks = [0]
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(100)

    def tick() -> None:
        ticks[0] += 1
        if ticks[0] == 600:
            app.exit(0)

    timer.timeout.connect(tick)
    start = time.monotonic()
    blocker = _blocker(start, phase)
    timer.start()
    app.exec()
    timer.stop()
    blocker.stop()
    return (time.monotonic() - (start + 60.0)) * 1000


def blocked_run(app: QApplication, phase: float) -> tuple[float, float, list[float], list[float]]:
    """Finish error as signalled and as scheduled by the engine (ms), step-change lateness and
    engine start error per step (ms)."""
    player = RoutinePlayer(lead_in=0)
    player.load(_routine())
    signalled: list[float] = []
    engine_starts: list[float] = []
    done: list[float] = []
    player.step_changed.connect(
        lambda i: (signalled.append(time.monotonic()), engine_starts.append(player._started)) if i >= 0 else None
    )
    player.finished.connect(lambda: (done.append(time.monotonic()), app.exit(0)))

    start = time.monotonic()
    blocker = _blocker(start, phase)
    player.start()
    app.exec()
    blocker.stop()
    schedule = [start + 5.0 * i for i in range(12)]
    lateness = [(t - s) * 1000 for t, s in zip(signalled, schedule, strict=False)]
    starts = [abs(t - s) * 1000 for t, s in zip(engine_starts, schedule, strict=False)]
    finish = (done[0] - (start + 60.0)) * 1000
    engine_finish = ((player.finished_at or 0.0) - (start + 60.0)) * 1000
    return finish, engine_finish, lateness, starts


def cpu_while_counting(app: QApplication, seconds: float) -> float:
    from reflexmap.app.build import create_window

    window = create_window(["--size", "1280x800"]).window
    window.show()
    window.show_routines()
    window.routines.choose("finger-self-massage")
    player = window.routines.player
    player.lead_in = 0
    player.start()
    player.confirm_safety()
    QTimer.singleShot(1000, lambda: app.exit(0))  # settle: first paints, sound set-up
    app.exec()
    cpu0, wall0 = time.process_time(), time.monotonic()
    QTimer.singleShot(round(seconds * 1000), lambda: app.exit(0))
    app.exec()
    cpu = time.process_time() - cpu0
    wall = time.monotonic() - wall0
    player.stop()
    window.close()
    return cpu / wall * 100


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cpu-seconds", type=float, default=20.0)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    rows = []
    finish, engine_finish, lateness, starts = blocked_run(app, 0.5)
    rows.append(("60 s routine, 300 ms block every second (blocks between step changes)", "", ""))
    rows.append(("  finish, as signalled", f"{finish:+.1f} ms", _verdict(abs(finish), FINISH_TARGET_MS, " ms")))
    rows.append(
        (
            "  step changes signalled late by (max / median of 11)",
            f"{max(lateness[1:]):.1f} / {statistics.median(lateness[1:]):.1f} ms",
            _verdict(max(lateness[1:]), BOUNDARY_TARGET_MS, " ms"),
        )
    )
    finish, engine_finish, lateness, starts = blocked_run(app, 0.9)
    rows.append(("Same, blocks straddling every step change and the end (worst case)", "", ""))
    rows.append(("  finish, as signalled (the loop is blocked then)", f"{finish:+.1f} ms", "(record)"))
    rows.append(
        (
            "  finish, on the engine's clock",
            f"{engine_finish:+.2f} ms",
            _verdict(abs(engine_finish), FINISH_TARGET_MS, " ms"),
        )
    )
    rows.append(
        (
            "  each step's start vs schedule, engine's clock (max)",
            f"{max(starts):.2f} ms",
            _verdict(max(starts), BOUNDARY_TARGET_MS, " ms"),
        )
    )
    naive = tick_counting_run(app, 0.5)
    rows.append(("For comparison: a countdown counting 100 ms ticks, same blocks", f"{naive:+.0f} ms", "(record)"))
    cpu = cpu_while_counting(app, args.cpu_seconds)
    rows.append(
        (
            f"Routines tab counting down ({args.cpu_seconds:g} s, offscreen)",
            f"{cpu:.2f} % of one core",
            _verdict(cpu, CPU_TARGET, " %"),
        )
    )
    print(f"reflexmap player timing, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} CPUs")
    width = max(len(r[0]) for r in rows)
    for what, figure, verdict in rows:
        print(f"{what:{width}}  {figure:>20}  {verdict}".rstrip())


def _verdict(value: float, target: float, unit: str) -> str:
    return f"{'meets' if value <= target else 'MISSES'} <= {target:g}{unit}"


if __name__ == "__main__":
    main()
