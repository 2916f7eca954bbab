"""The first cue of a routine, on time: from the step change to sound on a real sound server.

Starts PulseAudio with a null sink (the harness of ``tests/support/real.py``),
records its monitor, and in a child process plays a routine with no lead-in
on the real Routines tab: the first step starts (and chimes) 1.5 s after the
tab opened, as a person choosing a routine would take.  Side by side, the
same with the cues prepared only when the step starts (how it was before the
tab prepared them on opening).  Prints the latency of the first chime and of
the chime at the next step, next to the 150 ms target.

    python -m benchmarks.sound_latency [--runs 5]   (needs pulseaudio and pulseaudio-utils)
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.support import real

TARGET_MS = 150.0

#: The child: a real window, real sounds; prints when each step started (time.monotonic()).
CHILD = r"""
import json, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from reflexmap.app.build import create_window
built = create_window(["--size", "1280x800"])
window = built.window
sounds = built.session.sounds
late = sys.argv[1] == "late"
if late:  # the old way: nothing loaded until the step starts
    sounds.prepare = (lambda real: (lambda: real() if started else False))(sounds.prepare)
started = False
window.show()
window.show_routines()
player = built.session.player
player.lead_in = 0
window.routines.choose("acupressure-tour", 3)
steps = []
player.step_changed.connect(lambda i: steps.append(time.monotonic()))
def go():
    global started
    started = True
    player.start()
    player.confirm_safety()
QTimer.singleShot(1500, go)
QTimer.singleShot(1500 + 6500, lambda: player.next())
QTimer.singleShot(1500 + 9000, app.quit)
app.exec()
print(json.dumps({"steps": steps, "available": sounds.available}))
"""


def measure(server: real.SoundServer, when: str) -> tuple[float, float]:
    """Latency (ms) of the first chime and of the next one, on ``server``."""
    rec = server.recording()
    env = {**os.environ, **server.env, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory() as home:
        for var in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
            env[var] = str(Path(home) / var.lower())
        out = subprocess.run(
            [sys.executable, "-c", CHILD, when], env=env, capture_output=True, text=True, timeout=120, check=True
        )
    rec.stop()
    result = json.loads(out.stdout.strip().splitlines()[-1])
    if not result["available"]:
        raise SystemExit("Qt Multimedia found no audio output on the test sound server")
    first, second = result["steps"][0], result["steps"][1]
    onsets = rec.onset_times(threshold=300, gap=0.5)
    return tuple((min(t for t in onsets if t >= s - 0.01) - s) * 1000 for s in (first, second))  # type: ignore[return-value]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as stack:
        dirs = stack.enter_context(contextlib.contextmanager(real.real_dirs.__wrapped__)(Path(tmp)))
        server = stack.enter_context(contextlib.contextmanager(real.sound_server.__wrapped__)(dirs))
        rows = {when: [measure(server, when) for _ in range(args.runs)] for when in ("early", "late")}
    print(f"reflexmap sound latency, {time.strftime('%Y-%m-%d')}, PulseAudio null sink, {args.runs} runs (medians)")
    for when, label in (
        ("early", "cues prepared when the tab opens (now)"),
        ("late", "cues prepared at the step change (before)"),
    ):
        first = statistics.median(r[0] for r in rows[when])
        second = statistics.median(r[1] for r in rows[when])
        verdict = "meets" if first < TARGET_MS else "misses"
        print(f"  {label:<45} first cue {first:6.0f} ms ({verdict} < {TARGET_MS:.0f} ms), next {second:5.0f} ms")


if __name__ == "__main__":
    main()
