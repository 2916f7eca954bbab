"""Start-up: ``reflexmap --screenshot`` and ``reflexmap --kiosk --screenshot`` against a bare QSvgWidget program.

Runs them, alternately, N times each (after one unmeasured warm-up run of
each), and prints the median wall time and the median peak memory (max RSS
of the child process) side by side with their ratio and the target
(at most 1.3x the wall time, 1.4x the memory).  The kiosk starts with the
example salon's config (``docs/kiosk-example``: its branding, logo and
booking link), copied to a temporary folder.  Then, in this process, times
hit-testing on the built-in art.

Run it from a venv where reflexmap is installed (``pip install .``):

    python -m benchmarks.startup [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
KIOSK_EXAMPLE = HERE.parent / "docs" / "kiosk-example"
WALL_TARGET = 1.3
MEMORY_TARGET = 1.4
HIT_TARGET_US = 50.0


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {err}")
    return wall, usage.ru_maxrss / 1024


def reflexmap_command() -> list[str]:
    exe = Path(sys.executable).with_name("reflexmap")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("reflexmap")
    if not found:
        raise SystemExit("reflexmap is not installed in this environment; run: pip install .")
    return [found]


def kiosk_config(folder: Path) -> Path:
    """The example salon's kiosk config (and its logo) copied into ``folder``; its path."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("config.toml", "logo.svg"):
        shutil.copy(KIOSK_EXAMPLE / name, folder / name)
    return folder / "config.toml"


def kiosk_command(out: Path) -> list[str]:
    """``reflexmap --kiosk --screenshot`` with the example salon's config, as the benchmarks run it."""
    config = kiosk_config(out / "salon")
    return [*reflexmap_command(), "--kiosk", "--config", str(config), "--screenshot", str(out / "kiosk.png")]


def startup(runs: int) -> list[tuple[str, str, str, str]]:
    from reflexmap.resources import asset_path

    art = str(asset_path("art/feet.svg"))
    out = Path(tempfile.mkdtemp(prefix="reflexmap-bench-"))
    env = dict(
        os.environ, QT_QPA_PLATFORM="offscreen", XDG_CACHE_HOME=str(out / "cache"), XDG_STATE_HOME=str(out / "state")
    )
    ours = [*reflexmap_command(), "--screenshot", str(out / "app.png"), "--size", "1280x800"]
    kiosk = [*kiosk_command(out), "--size", "1280x800"]
    bare = [sys.executable, str(HERE / "bare_svg.py"), art, str(out / "bare.png"), "1280x800"]
    floor = [
        sys.executable,
        str(HERE / "text_floor.py"),
        art,
        str(out / "floor.png"),
        "1280x800",
        str(asset_path("fonts/NotoSans-Regular.ttf")),
        _overview_text(),
    ]
    cold_wall, cold_mem = run(ours, env)  # first run: empty cache, art parsed by svgelements
    run(kiosk, env)  # its first run: the config checked, the booking link's QR code made, both remembered
    run(bare, env)
    run(floor, env)
    samples: dict[str, list[tuple[float, float]]] = {"app": [], "kiosk": [], "bare": [], "floor": []}
    for _ in range(runs):
        samples["app"].append(run(ours, env))
        samples["kiosk"].append(run(kiosk, env))
        samples["bare"].append(run(bare, env))
        samples["floor"].append(run(floor, env))
    shutil.rmtree(out, ignore_errors=True)

    def med(name: str, i: int) -> float:
        return statistics.median(s[i] for s in samples[name])

    wall_ratio = med("app", 0) / med("bare", 0)
    mem_ratio = med("app", 1) / med("bare", 1)
    kiosk_wall, kiosk_mem = med("kiosk", 0) / med("bare", 0), med("kiosk", 1) / med("bare", 1)
    return [
        ("bare QSvgWidget + grab, wall", f"{med('bare', 0) * 1000:.0f} ms", "", ""),
        (
            "reflexmap --screenshot, wall",
            f"{med('app', 0) * 1000:.0f} ms",
            f"{wall_ratio:.2f}x",
            _verdict(wall_ratio, WALL_TARGET, "x"),
        ),
        ("bare QSvgWidget + grab, peak RSS", f"{med('bare', 1):.1f} MiB", "", ""),
        (
            "reflexmap --screenshot, peak RSS",
            f"{med('app', 1):.1f} MiB",
            f"{mem_ratio:.2f}x",
            _verdict(mem_ratio, MEMORY_TARGET, "x"),
        ),
        (
            "reflexmap --kiosk --screenshot, wall",
            f"{med('kiosk', 0) * 1000:.0f} ms",
            f"{kiosk_wall:.2f}x",
            _verdict(kiosk_wall, WALL_TARGET, "x"),
        ),
        (
            "reflexmap --kiosk --screenshot, peak RSS",
            f"{med('kiosk', 1):.1f} MiB",
            f"{kiosk_mem:.2f}x",
            _verdict(kiosk_mem, MEMORY_TARGET, "x"),
        ),
        (
            "reflexmap, first run (empty cache)",
            f"{cold_wall * 1000:.0f} ms, {cold_mem:.1f} MiB",
            f"{cold_wall / med('bare', 0):.2f}x",
            "(record)",
        ),
        (
            "for scale: bare + one label of text (text_floor.py)",
            f"{med('floor', 0) * 1000:.0f} ms",
            f"{med('floor', 0) / med('bare', 0):.2f}x",
            "(record)",
        ),
    ]


def _overview_text() -> str:
    """The map panel's overview text, in English: the most text the first frame shows."""
    from reflexmap.content import load_content
    from reflexmap.resources import asset_path

    overview = load_content(asset_path("content.toml")).overview
    parts = [overview.title.en, overview.intro.en, overview.benefits_title.en]
    parts += [f"{b.title.en}. {b.text.en}" for b in overview.benefits]
    return "\n\n".join(parts)


def hit_testing(points: int = 20_000) -> list[tuple[str, str, str, str]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPointF

    from reflexmap.app.build import create_window

    window = create_window(["--size", "1280x800"]).window
    window.grab()  # lays the window out
    fmap = window.map
    rng = random.Random(7)
    pts = [QPointF(rng.uniform(0, fmap.width()), rng.uniform(0, fmap.height())) for _ in range(points)]
    hits = 0
    start = time.perf_counter()
    for p in pts:
        hits += fmap.zone_at(p) is not None
    per_point = (time.perf_counter() - start) / points * 1e6
    return [
        (
            f"hit-test, {points} random points ({hits} on a zone)",
            f"{per_point:.1f} us/point",
            "",
            _verdict(per_point, HIT_TARGET_US, " us"),
        ),
    ]


def _verdict(value: float, target: float, unit: str) -> str:
    return f"{'meets' if value <= target else 'MISSES'} <= {target:g}{unit}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    rows = startup(args.runs) + hit_testing()
    print(
        f"reflexmap start-up benchmark, {time.strftime('%Y-%m-%d')}, {platform.machine()}, "
        f"Python {platform.python_version()}, {os.cpu_count()} CPUs, {args.runs} runs each (medians)"
    )
    width = max(len(r[0]) for r in rows)
    print(f"{'what':{width}}  {'figure':>22}  {'ratio':>6}  target")
    for what, figure, ratio, verdict in rows:
        print(f"{what:{width}}  {figure:>22}  {ratio:>6}  {verdict}")


if __name__ == "__main__":
    main()
