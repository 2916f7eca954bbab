"""How long reflexmap takes to refuse (or load) each hostile input, and its peak memory.

    python -m benchmarks.hostile [--runs 3] [CASE ...]

Every case of ``tests/hostile/corpus.py`` goes through ``reflexmap check``
in a process of its own, on an empty cache (median wall time of the runs,
highest peak RSS); so do the files just under each limit (``AT_LIMITS``:
the most work an accepted file can ask for) and the logos (through
:func:`reflexmap.files.read_logo`, which ``check`` does not call yet).  Then
the PIN hash at its default and at its limit.  Targets: every file loaded
or refused within 2 s and under 300 MB; a PIN check under 100 ms.  The
tests only catch hangs (tests/test_hostile.py); the figures live here.
"""

from __future__ import annotations

import argparse
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
PIN_TARGET_MS = 100.0

#: Reads a logo the way the kiosk and `check` are to read it.
LOGO_SCRIPT = """
import sys
from pathlib import Path
from reflexmap.files import LogoError, read_logo
try:
    read_logo(Path(sys.argv[1]))
except LogoError as e:
    print(e)
"""


def _run(command: list[str], env: dict[str, str], runs: int) -> tuple[float, float, str]:
    """Median wall seconds, highest peak RSS (MB) and the first line printed, over ``runs`` fresh processes."""
    walls, peaks = [], []
    line = ""
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as cache:
            start = time.perf_counter()
            proc = subprocess.Popen(
                command,
                env={**env, "XDG_CACHE_HOME": cache},
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
            )
            out = proc.stdout.read() if proc.stdout else ""
            _, _, usage = os.wait4(proc.pid, 0)
            walls.append(time.perf_counter() - start)
            peaks.append(usage.ru_maxrss / 1024)
            line = out.strip().splitlines()[0] if out.strip() else ""
    return statistics.median(walls), max(peaks), line


def measure(runs: int = 3, only: list[str] | None = None) -> list[tuple[str, str, float, float, str]]:
    """(kind, case, seconds, peak MB, what was said) for every case."""
    from tests.hostile.corpus import AT_LIMITS, CASES, LOGOS, handed  # the same corpus as the tests

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
            env[var] = str(folder / var)
        check = [sys.executable, "-m", "reflexmap", "check"]
        for name, case in CASES.items():
            if only and name not in only:
                continue
            inputs = folder / f"case-{len(rows)}" / ("routines" if case.option == "--routines" else "inputs")
            inputs.mkdir(parents=True)
            option, argument = handed(name, inputs)
            wall, peak, said = _run([*check, option, argument], env, runs)
            rows.append(("accepted" if case.accepted else "refused", name, wall, peak, said))
        for name, text in AT_LIMITS.items():
            if only and name not in only:
                continue
            path = folder / name
            path.write_text(text(), encoding="utf-8")
            wall, peak, said = _run([*check, "--art", str(path)], env, runs)
            rows.append(("at limit", name, wall, peak, said))
        for name, (make, _) in LOGOS.items():
            if only and name not in only:
                continue
            inputs = folder / f"logo-{len(rows)}"
            inputs.mkdir()
            wall, peak, said = _run([sys.executable, "-c", LOGO_SCRIPT, str(make(inputs))], env, runs)
            rows.append(("logo", name, wall, peak, said))
    return rows


def pin_check_ms() -> list[tuple[str, float]]:
    import hashlib

    from reflexmap.config import MAX_PIN_ITERATIONS
    from reflexmap.kiosk.pins import PIN_ITERATIONS

    figures = []
    for label, rounds in (("default", PIN_ITERATIONS), ("limit", MAX_PIN_ITERATIONS)):
        times = []
        for _ in range(5):
            start = time.perf_counter()
            hashlib.pbkdf2_hmac("sha256", b"2468", b"0123456789abcdef", rounds)
            times.append((time.perf_counter() - start) * 1000)
        figures.append((f"PIN check, {label} ({rounds:,} rounds)", statistics.median(times)))
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.hostile")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("cases", nargs="*", help="only these cases (file names in the corpus)")
    opts = parser.parse_args(argv)
    rows = measure(opts.runs, opts.cases)
    print(
        f"reflexmap hostile inputs, {time.strftime('%Y-%m-%d')}, {os.cpu_count()} CPUs: `reflexmap check` "
        f"per case, median of {opts.runs} runs, peak RSS of the process"
    )
    for kind, name, wall, peak, said in rows:
        ok = wall <= TIME_TARGET and peak <= MEMORY_TARGET_MB
        print(f"{kind:9} {name:30} {wall:6.2f} s {peak:5.0f} MB  {'meets' if ok else 'MISSES'}  {said[:90]}")
    if rows:
        slowest = max((r for r in rows if r[0] == "refused"), key=lambda r: r[2], default=None)
        loaded = max((r for r in rows if r[0] != "refused"), key=lambda r: r[2], default=None)
        fattest = max(rows, key=lambda r: r[3])
        print()
        for label, row, figure, target, unit in (
            ("slowest refusal", slowest, 2, TIME_TARGET, "s"),
            ("slowest file loaded (at a limit)", loaded, 2, TIME_TARGET, "s"),
            ("most memory", fattest, 3, MEMORY_TARGET_MB, "MB"),
        ):
            if row is not None:
                value = row[figure]
                print(
                    f"{label:34} {value:8.2f} {unit:2} ({row[1]})  target <= {target:g} {unit}  "
                    f"{'meets' if value <= target else 'MISSES'}"
                )
    for label, ms in pin_check_ms():
        print(f"{label:34} {ms:8.1f} ms  target < {PIN_TARGET_MS:g} ms  {'meets' if ms < PIN_TARGET_MS else 'MISSES'}")


if __name__ == "__main__":
    main()
