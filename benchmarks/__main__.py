"""The benchmark suite: one command, one table, every figure beside its target.

    python -m benchmarks [--runs 7] [--cpu-seconds 10]

Run it from a venv where reflexmap is installed (``pip install .``).  Parts:

- start-up to a painted window, against the bare PySide6 QSvgWidget program on
  the same art (target 1.3x wall, 1.4x peak memory) and, for the record, a
  QtWebEngine page showing the same SVG;
- hit-testing per point (target 50 us) and hover-to-repaint per event (4 ms);
- what the zone masks cost to make and keep, at 1x and 2x (for the record; ``benchmarks/masks.py``);
- CPU idle on the map, during the attract loop and while a routine counts
  down (targets 2 %, 10 %, 2 % of one core);
- routine timing with the event loop blocked 300 ms every second;
- hostile inputs refused (or, at the limits, loaded) by `reflexmap check` (2 s, 300 MB).

The soak (``python -m benchmarks.soak``) runs on its own: it takes minutes.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent


def _row(what: str, figure: str, target: str, ok: bool | None) -> tuple[str, str, str, str]:
    verdict = "(record)" if ok is None else ("meets" if ok else "MISSES")
    return what, figure, target, verdict


def startup(runs: int) -> list[tuple[str, str, str, str]]:
    import shutil
    import tempfile

    from benchmarks.startup import kiosk_command, reflexmap_command, run
    from reflexmap.resources import asset_path

    art = str(asset_path("art/feet.svg"))
    out = Path(tempfile.mkdtemp(prefix="reflexmap-bench-"))
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CACHE_HOME=str(out / "cache"),
        XDG_STATE_HOME=str(out / "state"),
        QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox",
    )
    programs = {
        "bare": [sys.executable, str(HERE / "bare_svg.py"), art, str(out / "bare.png"), "1280x800"],
        "app": [*reflexmap_command(), "--screenshot", str(out / "app.png"), "--size", "1280x800"],
        "kiosk": [*kiosk_command(out), "--size", "1280x800"],
        "web": [sys.executable, str(HERE / "web_svg.py"), art, str(out / "web.png"), "1280x800"],
    }
    samples: dict[str, list[tuple[float, float]]] = {k: [] for k in programs}
    broken: dict[str, str] = {}
    for name, cmd in programs.items():  # warm-up (and the art cache)
        try:
            run(cmd, env)
        except SystemExit as e:
            broken[name] = str(e).splitlines()[-1][:80]
    for _ in range(runs):
        for name, cmd in programs.items():
            if name not in broken:
                samples[name].append(run(cmd, env))
    shutil.rmtree(out, ignore_errors=True)

    def med(name: str, i: int) -> float:
        return statistics.median(s[i] for s in samples[name])

    rows = [
        _row(
            "start-up, bare QSvgWidget program (wall, peak RSS)",
            f"{med('bare', 0) * 1000:.0f} ms, {med('bare', 1):.0f} MiB",
            "",
            None,
        ),
        _row(
            "start-up, reflexmap --screenshot: wall vs bare",
            f"{med('app', 0) * 1000:.0f} ms = {med('app', 0) / med('bare', 0):.2f}x",
            "<= 1.3x",
            med("app", 0) / med("bare", 0) <= 1.3,
        ),
        _row(
            "start-up, reflexmap --screenshot: peak RSS vs bare",
            f"{med('app', 1):.0f} MiB = {med('app', 1) / med('bare', 1):.2f}x",
            "<= 1.4x",
            med("app", 1) / med("bare", 1) <= 1.4,
        ),
        _row(
            "start-up, reflexmap --kiosk --screenshot: wall vs bare",
            f"{med('kiosk', 0) * 1000:.0f} ms = {med('kiosk', 0) / med('bare', 0):.2f}x",
            "<= 1.3x",
            med("kiosk", 0) / med("bare", 0) <= 1.3,
        ),
        _row(
            "start-up, reflexmap --kiosk --screenshot: peak RSS vs bare",
            f"{med('kiosk', 1):.0f} MiB = {med('kiosk', 1) / med('bare', 1):.2f}x",
            "<= 1.4x",
            med("kiosk", 1) / med("bare", 1) <= 1.4,
        ),
    ]
    if "web" in broken:
        rows.append(_row("start-up, QtWebEngine page (for the record)", f"could not run: {broken['web']}", "", None))
    else:
        rows.append(
            _row(
                "start-up, QtWebEngine page (for the record)",
                f"{med('web', 0) * 1000:.0f} ms = {med('web', 0) / med('bare', 0):.2f}x, {med('web', 1):.0f} MiB",
                "",
                None,
            )
        )
    return rows


def interaction() -> list[tuple[str, str, str, str]]:
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    from reflexmap.app.build import create_window

    QApplication.instance() or QApplication(sys.argv[:1])
    window = create_window(["--size", "1280x800"]).window
    window.show()
    QApplication.processEvents()
    fmap = window.map
    rng = random.Random(7)
    points = [QPointF(rng.uniform(0, fmap.width()), rng.uniform(0, fmap.height())) for _ in range(20_000)]
    start = time.perf_counter()
    for p in points:
        fmap.zone_at(p)
    per_point = (time.perf_counter() - start) / len(points) * 1e6

    targets = [
        fmap.zone_centre(z, v)
        for z, v in (
            ("heel", "sole-left"),
            ("ankle", "side"),
            ("toes", "sole-right"),
            ("arch", "sole-left"),
            ("top", "side"),
        )
    ]
    times = []
    for i in range(300):
        pos = targets[i % len(targets)]
        event = QMouseEvent(
            QEvent.Type.MouseMove,
            pos,
            fmap.mapToGlobal(pos),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
        t0 = time.perf_counter()
        QApplication.sendEvent(fmap, event)
        QApplication.processEvents()  # the repaint of the changed zones
        times.append((time.perf_counter() - t0) * 1000)
    window.close()
    median = statistics.median(times)
    p95 = sorted(times)[int(len(times) * 0.95)]
    return [
        _row("hit-test, one point (20,000 random points)", f"{per_point:.1f} us", "< 50 us", per_point < 50),
        _row("hover to repaint, one event (median / 95th pct)", f"{median:.2f} / {p95:.2f} ms", "< 4 ms", p95 < 4),
    ]


def masks() -> list[tuple[str, str, str, str]]:
    from benchmarks.masks import measure

    return [_row(what, figure, "", None) for what, figure in measure()]


def cpu(seconds: float) -> list[tuple[str, str, str, str]]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from benchmarks.player_timing import cpu_while_counting
    from reflexmap.app.build import build, create_window
    from reflexmap.app.files import load_files
    from reflexmap.options import Paths, WindowOptions

    app = QApplication.instance() or QApplication(sys.argv[:1])

    def measure() -> float:
        QTimer.singleShot(500, lambda: app.exit(0))  # settle (a kiosk window refuses quit())
        app.exec()
        cpu0, wall0 = time.process_time(), time.monotonic()
        QTimer.singleShot(round(seconds * 1000), lambda: app.exit(0))
        app.exec()
        return (time.process_time() - cpu0) / (time.monotonic() - wall0) * 100

    window = create_window(["--size", "1280x800"]).window
    window.show()
    idle = measure()
    window.close()
    window.deleteLater()

    shell = build(load_files(Paths()), WindowOptions(kiosk=True)).kiosk
    assert shell is not None
    shell.show()
    attract = measure()
    shell.retire()  # hides and deletes the window

    counting = cpu_while_counting(app, seconds)
    return [
        _row(f"CPU, idle on the map ({seconds:g} s)", f"{idle:.2f} % of a core", "< 2 %", idle < 2),
        _row(f"CPU, attract loop (pulsing zone, {seconds:g} s)", f"{attract:.2f} % of a core", "< 10 %", attract < 10),
        _row(f"CPU, routine counting down ({seconds:g} s)", f"{counting:.2f} % of a core", "< 2 %", counting < 2),
    ]


def timing() -> list[tuple[str, str, str, str]]:
    from PySide6.QtWidgets import QApplication

    from benchmarks.player_timing import blocked_run

    app = QApplication.instance() or QApplication(sys.argv[:1])
    finish, _, lateness, _ = blocked_run(app, 0.5)
    _, engine_finish, _, starts = blocked_run(app, 0.9)
    return [
        _row(
            "60 s routine, loop blocked 300 ms/s: finish error", f"{finish:+.1f} ms", "within 50 ms", abs(finish) <= 50
        ),
        _row("  step changes late by (max of 11)", f"{max(lateness[1:]):.1f} ms", "< 20 ms", max(lateness[1:]) < 20),
        _row(
            "  blocks over every step change: engine finish / step starts",
            f"{engine_finish:+.2f} / {max(starts):.2f} ms",
            "50 / 20 ms",
            abs(engine_finish) <= 50 and max(starts) <= 20,
        ),
    ]


def hostile() -> list[tuple[str, str, str, str]]:
    from benchmarks.hostile import measure

    rows = measure(runs=1)
    refused = max((r for r in rows if r[0] == "refused"), key=lambda r: r[2])
    loaded = max((r for r in rows if r[0] != "refused"), key=lambda r: r[2])
    biggest = max(rows, key=lambda r: r[3])
    return [
        _row(
            f"hostile inputs ({len(rows)} cases), slowest refusal",
            f"{refused[2]:.2f} s ({refused[1]})",
            "< 2 s",
            refused[2] < 2,
        ),
        _row(
            "hostile inputs, slowest accepted (a file at the limits)",
            f"{loaded[2]:.2f} s ({loaded[1]})",
            "< 2 s",
            loaded[2] < 2,
        ),
        _row("hostile inputs, most memory", f"{biggest[3]:.0f} MB ({biggest[1]})", "< 300 MB", biggest[3] < 300),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="start-up runs per program (medians)")
    parser.add_argument("--cpu-seconds", type=float, default=10.0)
    args = parser.parse_args()
    rows: list[tuple[str, str, str, str]] = []
    for part in (lambda: startup(args.runs), interaction, masks, lambda: cpu(args.cpu_seconds), timing, hostile):
        try:
            rows += part()
        except Exception as e:  # noqa: BLE001 - one broken part must not lose the others' figures
            rows.append(_row(f"(a part failed: {type(e).__name__})", str(e)[:60], "", False))
    print(
        f"reflexmap benchmarks, {time.strftime('%Y-%m-%d')}, {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, {platform.platform(terse=True)}, offscreen"
    )
    width = max(len(r[0]) for r in rows)
    fig = max(len(r[1]) for r in rows)
    print(f"{'measurement':{width}}  {'figure':{fig}}  {'target':12}  verdict")
    for what, figure, target, verdict in rows:
        print(f"{what:{width}}  {figure:{fig}}  {target:12}  {verdict}")


if __name__ == "__main__":
    main()
