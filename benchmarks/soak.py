"""Soak: a day in the waiting room, compressed (the driver is tests/support/soak.py).

Drives the kiosk, as `reflexmap --kiosk` builds it (window, kiosk shell, hot
reloader), through what visitors and staff do: taps on zones and on the
body index, routines started, paused, skipped and abandoned, idle resets,
"Still there?" and the attract loop, language switches, text-size changes,
content reloads.  Time is simulated with the one clock handed to every
engine, so a day takes minutes.  Samples resident memory
(psutil), live QObjects and widgets, and Python objects.

    python -m benchmarks.soak [--minutes 5] [--hours 24] [--plot docs/soak.png]

Target: after warm-up, RSS grows by less than 5 MiB and the QObject count
does not grow over the equivalent of 24 h.  The test suite runs a short
version of the same driver and checks the counts.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.support.soak import Soak  # noqa: E402 - after the platform is chosen

RSS_TARGET_MIB = 5.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5.0, help="wall-clock budget")
    parser.add_argument("--hours", type=float, default=24.0, help="simulated kiosk time to reach")
    parser.add_argument("--plot", type=Path, help="save a PNG of the curve (needs matplotlib)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    del app
    folder = Path(tempfile.mkdtemp(prefix="reflexmap-soak-"))
    for var in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        os.environ[var] = str(folder / var.lower())
    soak = Soak(folder)
    deadline = time.monotonic() + args.minutes * 60
    soak.tour()
    for _ in range(60):  # warm-up: every code path, language, text size and reload seen, caches filled
        soak.run_cycle()
    samples = [soak.sample()]
    next_sample = samples[0].hours + 0.5
    cycles = 0
    while soak.simulated / 3600 < args.hours + samples[0].hours and time.monotonic() < deadline:
        soak.run_cycle()
        cycles += 1
        if soak.simulated / 3600 >= next_sample:
            samples.append(soak.sample())
            next_sample += 0.5
    samples.append(soak.sample())
    soak.close()

    first, last = samples[0], samples[-1]
    growth = last.rss_mib - first.rss_mib
    hours = last.hours - first.hours
    print(
        f"reflexmap soak, {time.strftime('%Y-%m-%d')}: {hours:.1f} simulated hours after warm-up, "
        f"{cycles} visitor cycles, {soak.reloads} hot reloads, {args.minutes:g} min wall budget"
    )
    print(f"{'hours':>6} {'RSS MiB':>8} {'QObjects':>9} {'widgets':>8} {'py objects':>11}")
    step = max(1, len(samples) // 12)
    for s in samples[::step] + ([last] if samples[::step][-1] is not last else []):
        print(f"{s.hours - first.hours:6.1f} {s.rss_mib:8.1f} {s.qobjects:9d} {s.widgets:8d} {s.python_objects:11d}")
    print(
        f"RSS growth after warm-up: {growth:+.2f} MiB "
        f"({'meets' if growth < RSS_TARGET_MIB else 'MISSES'} < {RSS_TARGET_MIB:g} MiB)"
    )
    qgrowth = last.qobjects - first.qobjects
    print(f"QObject growth: {qgrowth:+d} ({'meets' if qgrowth <= 0 else 'MISSES'}: no growth)")
    if hours < args.hours:
        print(f"(only {hours:.1f} of {args.hours:g} h fitted in the wall budget; raise --minutes)")
    if args.plot:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        fig, left = plt.subplots(figsize=(7, 3.2), dpi=110)
        xs = [s.hours - first.hours for s in samples]
        left.plot(xs, [s.rss_mib for s in samples], color="#a8432c", label="RSS (MiB)")
        left.set_xlabel("simulated hours after warm-up")
        left.set_ylabel("RSS (MiB)", color="#a8432c")
        rss = [s.rss_mib for s in samples]
        left.set_ylim(min(rss) - 20, max(rss) + 20)  # a 40 MiB window: 5 MiB of growth would show
        right = left.twinx()
        right.plot(xs, [s.qobjects for s in samples], color="#1d4f59", label="live QObjects")
        right.set_ylabel("live QObjects", color="#1d4f59")
        right.set_ylim(0, max(s.qobjects for s in samples) * 1.3)
        left.set_title("reflexmap kiosk soak")
        fig.tight_layout()
        args.plot.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(args.plot)
        print(f"plot: {args.plot}")


if __name__ == "__main__":
    main()
