"""How long `reflexmap check` takes to refuse each hostile input, and its peak memory.

    python -m benchmarks.hostile

Target: the documented error within 2 s and under 300 MB for every file
(tests/test_hostile.py checks the messages, the memory and the files read).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIME_TARGET = 2.0
MEMORY_TARGET_MB = 300


def measure(runs: int = 3) -> list[tuple[str, float, float]]:
    """(file, median seconds, peak MB) for every hostile input."""
    from tests.hostile.corpus import CASES, make  # the same corpus and generators as the tests

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(folder / "cache")}
        for name, (option, _) in sorted(CASES.items()):
            inputs = folder / name.replace(".", "_")
            inputs.mkdir()
            path = make(name, inputs)
            target = inputs if option == "--routines" else path
            walls, peaks = [], []
            for _ in range(runs):
                start = time.perf_counter()
                proc = subprocess.Popen(
                    [sys.executable, "-m", "reflexmap", "check", option, str(target)],
                    env=env,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
                _, _, usage = os.wait4(proc.pid, 0)
                walls.append(time.perf_counter() - start)
                peaks.append(usage.ru_maxrss / 1024)
            results.append((name, statistics.median(walls), max(peaks)))
    return results


def main() -> None:
    rows = measure()
    print(f"reflexmap hostile inputs, {time.strftime('%Y-%m-%d')}: `reflexmap check`, median of 3 runs")
    for name, wall, peak in rows:
        ok = wall <= TIME_TARGET and peak <= MEMORY_TARGET_MB
        print(
            f"{name:24} {wall:6.2f} s {peak:7.0f} MB  {'meets' if ok else 'MISSES'} <= {TIME_TARGET:g} s, "
            f"<= {MEMORY_TARGET_MB} MB"
        )


if __name__ == "__main__":
    main()
